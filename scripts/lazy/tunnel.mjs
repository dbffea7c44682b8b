// tunnel (proxy agents for the action's exchange and @actions/http-client), bundled on its own
// (tunnel.js) and read from the bundle's folder (the require and __dirname of the CommonJS file
// this module is bundled into) only when a proxy is configured.
import { join } from 'node:path';

const real = () => require(join(__dirname, 'tunnel.js'));

export const httpOverHttp = options => real().httpOverHttp(options);
export const httpsOverHttp = options => real().httpsOverHttp(options);
export const httpOverHttps = options => real().httpOverHttps(options);
export const httpsOverHttps = options => real().httpsOverHttps(options);
