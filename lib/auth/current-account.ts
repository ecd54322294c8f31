import { headers } from "next/headers";
import { ACCOUNT_HEADER, type Account, decodeAccount } from "../model/account";

/** The signed-in account of the request being rendered; undefined when nobody is asked. */
export async function currentAccount(): Promise<Account | undefined> {
  return decodeAccount((await headers()).get(ACCOUNT_HEADER));
}
