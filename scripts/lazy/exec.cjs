// @actions/exec, needed by @actions/core only for its (async) platform details, which the action
// never asks for. Bundled on its own (exec.js) with @actions/io.
const path = require('node:path');

module.exports = {
  getExecOutput: async (...args) => require(path.join(__dirname, 'exec.js')).getExecOutput(...args)
};
