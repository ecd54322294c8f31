import type { ReactNode } from "react";

/** A message where a panel would otherwise be empty: what happened, and what to try. */
export function Problem({
  title,
  children,
  tone = "info",
  action,
}: {
  title: string;
  children?: ReactNode;
  tone?: "info" | "warning" | "error";
  action?: ReactNode;
}) {
  const colors = {
    error: "border-red-300 bg-red-50 text-red-900 dark:border-red-900 dark:bg-red-950/40 dark:text-red-100",
    warning:
      "border-amber-300 bg-amber-50 text-amber-950 dark:border-amber-800 dark:bg-amber-950/40 dark:text-amber-100",
    info: "border-zinc-300 bg-zinc-50 text-zinc-800 dark:border-zinc-700 dark:bg-zinc-900 dark:text-zinc-200",
  }[tone];
  return (
    <div role={tone === "error" ? "alert" : "status"} className={`rounded-md border p-4 text-sm ${colors}`}>
      <p className="font-semibold">{title}</p>
      {children ? <div className="mt-1 space-y-1 break-words">{children}</div> : null}
      {action ? <div className="mt-3">{action}</div> : null}
    </div>
  );
}

/** A part of the page whose code chunk failed to download (a deploy in between, a dropped network). */
export function CodeLoadProblem({ what, error }: { what: string; error: Error }) {
  return (
    <Problem title={`${what} could not load`} tone="error">
      <p>Its code did not download ({error.message}). Reload the page.</p>
    </Problem>
  );
}
