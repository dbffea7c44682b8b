// tunnel (proxy agents for @actions/http-client), evaluated only when a proxy is configured.
const real = () => require('tunnel');

module.exports = {
  httpOverHttp: options => real().httpOverHttp(options),
  httpsOverHttp: options => real().httpsOverHttp(options),
  httpOverHttps: options => real().httpOverHttps(options),
  httpsOverHttps: options => real().httpsOverHttps(options)
};
