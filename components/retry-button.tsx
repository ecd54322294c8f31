export function RetryButton({ onClick }: { onClick: () => void }) {
  return (
    <button type="button" onClick={onClick} className="rounded border border-current px-3 py-1 text-sm">
      Retry
    </button>
  );
}
