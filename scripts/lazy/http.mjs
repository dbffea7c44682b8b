// node:http for @actions/http-client, which imports it whole and hands it around as the module
// that makes requests: named, esbuild's interop copies none of its properties at start-up.
export { Agent, globalAgent, request, get } from 'node:http';
