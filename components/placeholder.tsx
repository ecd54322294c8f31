/** Where something is on its way: its shape, pulsing, named for screen readers. */
export function Placeholder({ label, className = "h-80 w-full" }: { label: string; className?: string }) {
  return (
    <div className={`${className} animate-pulse rounded bg-zinc-100 dark:bg-zinc-900`} aria-label={label} />
  );
}
