// undici: the proxy dispatcher of @actions/http-client and the fetch of @actions/github (the release
// lookup). It is bundled once, on its own (undici.js), and read from disk only when one of them is
// used: a delivery never is.
const path = require('node:path');

const real = () => require(path.join(__dirname, 'undici.js'));

class ProxyAgent {
  constructor(options) {
    return new (real().ProxyAgent)(options);
  }
}

module.exports = { ProxyAgent, fetch: (...args) => real().fetch(...args) };
