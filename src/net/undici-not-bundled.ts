// undici is not bundled. @actions/http-client imports its ProxyAgent for fetch-based proxying, and
// @actions/github its fetch; the action uses neither: deliveries go through node:http
// (src/net/exchange.ts), and the release lookup gives Octokit a fetch made of the same exchange
// (src/sources/github-release.ts). @actions/github builds a proxy dispatcher when it is imported
// under a proxy, so constructing one is harmless; using one says what happened.
const notBundled = what => () => {
  throw new Error(`${what} is not bundled: the action makes its requests with node:http`);
};

class ProxyAgent {
  constructor(options) {
    this.options = options;
  }
}
ProxyAgent.prototype.dispatch = notBundled("undici's ProxyAgent");

module.exports = { ProxyAgent, fetch: notBundled("undici's fetch") };
