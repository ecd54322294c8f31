import type { Metadata } from "next";
import { cookies } from "next/headers";
import Link from "next/link";
import { safeReturnPath } from "@/lib/auth/return-path";
import { readSignInProblem, SIGN_IN_PROBLEM_COOKIE } from "@/lib/auth/sign-in-problem";
import { getConfig } from "@/lib/config/config";

export const metadata: Metadata = { title: "Sign in · Exemplar Explorer" };

type SearchParams = Record<string, string | string[] | undefined>;

const HEADINGS: Record<string, string> = {
  "signed-out": "You have signed out",
  refused: "This account may not use the explorer",
  failed: "Sign-in did not complete",
  expired: "That sign-in had expired",
  "provider-unreachable": "The sign-in provider could not be reached",
};

const EXPLANATIONS: Record<string, string> = {
  expired: "It was started more than ten minutes ago, or in another browser. Start again.",
  "provider-unreachable":
    "The explorer could not read the provider's configuration (its server log says why). Try again in a moment.",
};

/** Sign-in's own page: what happened (signed out, refused, failed) and a way to sign in again. */
export default async function AuthPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const { auth } = getConfig();
  const params = await searchParams;
  const state = typeof params.state === "string" && params.state in HEADINGS ? params.state : undefined;
  const returnTo = safeReturnPath(typeof params.next === "string" ? params.next : undefined);
  if (auth.mode !== "oidc") {
    return (
      <Card heading="No sign-in here">
        <p>
          This explorer does not ask anyone to sign in
          {auth.mode === "trusted-header" ? ": the proxy in front of it does" : ""}.
        </p>
        <Link className="font-medium text-blue-700 underline dark:text-blue-400" href="/explore">
          Open the explorer
        </Link>
      </Card>
    );
  }
  const problem =
    state === "refused" || state === "failed"
      ? await readSignInProblem(auth, (await cookies()).get(SIGN_IN_PROBLEM_COOKIE)?.value)
      : undefined;
  const provider = auth.issuer.host;
  return (
    <Card heading={state ? HEADINGS[state]! : "Sign in to Exemplar Explorer"}>
      {problem ? <p>{state === "failed" ? `Sign-in failed: ${problem}.` : problem}</p> : null}
      {state && EXPLANATIONS[state] ? <p>{EXPLANATIONS[state]}</p> : null}
      {state === "refused" ? (
        <p>Sign in with another account, or ask whoever runs this explorer to let yours in.</p>
      ) : null}
      <a
        className="inline-block rounded bg-blue-700 px-3 py-1.5 font-medium text-white hover:bg-blue-800 dark:bg-blue-600"
        href={`/auth/sign-in?${new URLSearchParams({ next: returnTo }).toString()}`}
      >
        {state === "signed-out" || !state ? `Sign in with ${provider}` : "Sign in again"}
      </a>
    </Card>
  );
}

function Card({ heading, children }: { heading: string; children: React.ReactNode }) {
  return (
    <main className="mx-auto mt-24 max-w-md space-y-4 rounded border border-zinc-200 p-6 text-sm dark:border-zinc-800">
      <h1 className="text-base font-semibold">{heading}</h1>
      {children}
    </main>
  );
}
