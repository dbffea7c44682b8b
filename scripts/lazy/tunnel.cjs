// tunnel (proxy agents for the action's exchange and @actions/http-client), bundled on its own
// (tunnel.js) and read from disk only when a proxy is configured.
const path = require('node:path');

const real = () => require(path.join(__dirname, 'tunnel.js'));

module.exports = {
  httpOverHttp: options => real().httpOverHttp(options),
  httpsOverHttp: options => real().httpsOverHttp(options),
  httpOverHttps: options => real().httpOverHttps(options),
  httpsOverHttps: options => real().httpsOverHttps(options)
};
