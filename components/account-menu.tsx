import type { Account } from "@/lib/model/account";

/** Who is signed in, and (when they signed in here) a way out: a plain form, no script needed. */
export function AccountMenu({ account }: { account: Account }) {
  return (
    <div className="flex items-center gap-2 text-xs">
      <span
        className="max-w-48 truncate text-zinc-600 dark:text-zinc-400"
        title={`Signed in as ${account.name}`}
      >
        {account.name}
      </span>
      {account.canSignOut ? (
        <form action="/auth/sign-out" method="post">
          <button type="submit" className="rounded border border-zinc-300 px-2 py-1 dark:border-zinc-700">
            Sign out
          </button>
        </form>
      ) : null}
    </div>
  );
}
