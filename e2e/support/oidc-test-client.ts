/** The explorer's registration at the test provider (e2e/support/oidc-provider.ts). */
export const TEST_CLIENT = { id: "exemplar-explorer", secret: "a-client-secret-for-tests-only" };
