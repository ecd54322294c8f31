import type { ExemplarsResponse } from "../model/exemplar";
import type { MatrixData } from "../model/metrics";
import { SharedAnswers } from "../upstream/shared-answers";
import { getSources } from "./sources";

/**
 * Prometheus answers shared by close-together requests for the same question: the page that
 * draws a link's chart preview and the browser's requests that follow it (the same URLs, from the
 * same "now"), or ten people opening the same link, cause one backend query. Kept 5 s: a range
 * that ends "now" is asked with its exact end, so a new moment is a new question. A shared query
 * runs to its end (within the backend timeout) even when the request that started it goes away:
 * others may be waiting for it. A partial answer (one with warnings: a Thanos store down) is shared
 * only with the requests already waiting for it; the next one asks again.
 */
const answers = new SharedAnswers<MatrixData | ExemplarsResponse>({
  ttlMs: 5_000,
  // Samples and exemplars kept at once, about 50 MB of answers.
  maxSize: 1_000_000,
  sizeOf: (answer) =>
    "result" in answer
      ? answer.result.reduce((n, s) => n + s.values.length + (s.histograms?.length ?? 0), 0)
      : answer.series.reduce((n, s) => n + s.exemplars.length, 0),
  worthKeeping: (answer) => !answer.warnings?.length,
});

export interface RangeQuestion {
  query: string;
  startSec: number;
  endSec: number;
  stepSec: number;
}

export function rangeAnswer(question: RangeQuestion): Promise<MatrixData> {
  const key = JSON.stringify(["range", question.query, question.startSec, question.endSec, question.stepSec]);
  return answers.get(key, () => getSources().metrics.queryRange(question)) as Promise<MatrixData>;
}

export function exemplarsAnswer(query: string, startSec: number, endSec: number): Promise<ExemplarsResponse> {
  const key = JSON.stringify(["exemplars", query, startSec, endSec]);
  return answers.get(key, () =>
    getSources().metrics.exemplars(query, startSec, endSec),
  ) as Promise<ExemplarsResponse>;
}
