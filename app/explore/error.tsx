"use client";

import { Problem } from "@/components/problem";
import { RetryButton } from "@/components/retry-button";

/**
 * The explorer failed to draw (an error no panel of its own could hold): what failed and what to
 * try, rather than Next.js's generic "Application error" page.
 */
export default function ExplorerError({
  error,
  retry,
}: {
  error: Error & { digest?: string };
  retry: () => void;
}) {
  return (
    <main className="mx-auto max-w-2xl p-6">
      <Problem
        title="The explorer failed to draw this view"
        tone="error"
        action={
          <div className="flex gap-2">
            <RetryButton onClick={retry} />
            <a href="/explore" className="rounded border border-current px-3 py-1 text-sm">
              Start over
            </a>
          </div>
        }
      >
        <p>
          {error.digest
            ? `The server failed while drawing it (look for ${error.digest} in its log).`
            : `The browser failed while drawing it: ${error.message || "no reason given"}.`}
        </p>
        <p>
          Retry; if it fails the same way, open the link without its trace or its query to narrow it down.
        </p>
      </Problem>
    </main>
  );
}
