// @actions/exec, needed by @actions/core only for its (async) platform details, which the action
// never asks for. Bundled on its own (exec.js) with @actions/io, and read from the bundle's folder
// (the require and __dirname of the CommonJS file this module is bundled into).
import { join } from 'node:path';

export const getExecOutput = async (...args) =>
  require(join(__dirname, 'exec.js')).getExecOutput(...args);
