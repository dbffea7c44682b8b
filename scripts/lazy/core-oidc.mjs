// @actions/core's OIDC client, which the action never asks for: the module brings
// @actions/http-client with it, whose top level (its node:https and undici stand-ins, its enums)
// every run would evaluate. This stands in for it, and says so if anything ever uses it.
export class OidcClient {
  static getIDToken() {
    throw new Error(
      "@actions/core's OIDC client is not bundled: the action never asks for a token"
    );
  }
}
