// @actions/exec, needed by @actions/core only for its (async) platform details.
module.exports = {
  getExecOutput: async (...args) => (await import('@actions/exec')).getExecOutput(...args)
};
