// undici is needed only for a proxy dispatcher (fetch through a proxy), which delivery never uses.
// It is bundled on its own (undici.js) and read from disk only if asked for.
const path = require('node:path');

class ProxyAgent {
  constructor(options) {
    const { ProxyAgent: RealProxyAgent } = require(path.join(__dirname, 'undici.js'));
    return new RealProxyAgent(options);
  }
}

module.exports = { ProxyAgent };
