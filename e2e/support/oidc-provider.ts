/**
 * A real OpenID Connect provider (the `oidc-provider` package, certified by the OpenID
 * Foundation) on 127.0.0.1, for the sign-in tests. Its built-in development login form takes any
 * login and password; the login is the account's e-mail address, and `groups` is `oncall` for
 * logins that start with "oncall". Usage: oidc-provider.ts <port> <the explorer's callback URL>
 */
import Provider from "oidc-provider";
import { TEST_CLIENT } from "./oidc-test-client";

const port = Number(process.argv[2]);
const callback = process.argv[3];
if (!port || !callback) {
  console.error("usage: oidc-provider.ts <port> <callback URL>");
  process.exit(2);
}

const provider = new Provider(`http://127.0.0.1:${port}`, {
  clients: [
    {
      client_id: TEST_CLIENT.id,
      client_secret: TEST_CLIENT.secret,
      redirect_uris: [callback],
      grant_types: ["authorization_code"],
      response_types: ["code"],
    },
  ],
  claims: { openid: ["sub"], email: ["email", "email_verified"], profile: ["name"], groups: ["groups"] },
  scopes: ["openid", "email", "profile", "groups"],
  async findAccount(_ctx, login) {
    return {
      accountId: login,
      async claims() {
        return {
          sub: login,
          email: login,
          email_verified: true,
          name: login.split("@")[0],
          groups: login.startsWith("oncall") ? ["oncall"] : [],
        };
      },
    };
  },
  pkce: { required: () => true },
  cookies: { keys: ["a-cookie-key-for-tests-only"] },
  features: { devInteractions: { enabled: true } },
});

const server = provider.listen(port, "127.0.0.1");
for (const signal of ["SIGINT", "SIGTERM"] as const)
  process.on(signal, () => server.close(() => process.exit(0)));
