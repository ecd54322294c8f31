/**
 * Answers shared by concurrent and close-together requests for the same key: ten people who open
 * the same link cause one backend fetch, one normalization and one serialized string, not ten.
 * Kept for a while (the caller says how long: a trace still growing only briefly) and bounded by
 * size, oldest first. Failures are not kept: the next request tries again.
 */
export class SharedAnswers<T = string> {
  private readonly inFlight = new Map<string, Promise<T>>();
  private readonly kept = new Map<string, { text: T; keptUntilMs: number }>();
  private keptSize = 0;

  constructor(
    private readonly options: {
      /** How long an answer is kept: one time for all, or per answer. */
      ttlMs: number | ((answer: T, nowMs: number) => number);
      /** The most kept at once, as measured by `sizeOf` (default: a string's length). */
      maxSize: number;
      sizeOf?: (answer: T) => number;
      now?: () => number;
      /** Whether an answer is worth keeping (shared with the requests in flight either way). */
      worthKeeping?: (answer: T) => boolean;
    },
  ) {}

  get(key: string, load: () => Promise<T>): Promise<T> {
    const now = this.options.now?.() ?? Date.now();
    const kept = this.kept.get(key);
    if (kept && now < kept.keptUntilMs) return Promise.resolve(kept.text);
    if (kept) this.forget(key);
    const pending = this.inFlight.get(key);
    if (pending) return pending;
    const loading = load().then(
      (text) => {
        this.inFlight.delete(key);
        this.keep(key, text, this.options.now?.() ?? Date.now());
        return text;
      },
      (error: unknown) => {
        this.inFlight.delete(key);
        throw error;
      },
    );
    this.inFlight.set(key, loading);
    return loading;
  }

  private size(answer: T): number {
    return this.options.sizeOf ? this.options.sizeOf(answer) : String(answer).length;
  }

  private keep(key: string, text: T, nowMs: number) {
    if (this.size(text) > this.options.maxSize || this.options.worthKeeping?.(text) === false) return;
    this.forget(key);
    const { ttlMs } = this.options;
    this.kept.set(key, {
      text,
      keptUntilMs: nowMs + (typeof ttlMs === "number" ? ttlMs : ttlMs(text, nowMs)),
    });
    this.keptSize += this.size(text);
    // Maps iterate in insertion order: the first entries are the oldest.
    for (const oldest of this.kept.keys()) {
      if (this.keptSize <= this.options.maxSize) break;
      this.forget(oldest);
    }
  }

  private forget(key: string) {
    const entry = this.kept.get(key);
    if (!entry) return;
    this.keptSize -= this.size(entry.text);
    this.kept.delete(key);
  }
}
