// node:https for @actions/http-client, loaded on the first https request: TLS costs start-up
// time that a plain-http delivery does not need.
const real = () => require('node:https');

class Agent {
  constructor(options) {
    return new (real().Agent)(options);
  }
}

module.exports = {
  Agent,
  request: (...args) => real().request(...args),
  get: (...args) => real().get(...args)
};
