// The bundle gives @actions/core and @actions/http-client named stand-ins for the Node modules
// they import whole (scripts/lazy/{fs,os,http}.mjs, wired in scripts/build.js): each must export
// every name the package reads, with Node's own values. tunnel and @actions/exec are stand-ins
// that read their own files on first use, and must export every name their importers read; two
// modules of core's that the action never uses (its job summary and its OIDC client) are
// stand-ins that say so when used.
import { describe, expect, it } from '@jest/globals';
import * as nodeFs from 'node:fs';
import * as nodeHttp from 'node:http';
import * as nodeOs from 'node:os';
import { readFileSync } from 'node:fs';
import { importsFrom } from '../support/imports.js';

type StandIn = Record<string, unknown> & { default?: Record<string, unknown> };
const load = (module: string) => import(`../../scripts/lazy/${module}.mjs`) as Promise<StandIn>;
const [fsStandIn, osStandIn, httpStandIn] = await Promise.all(['fs', 'os', 'http'].map(load));
const call = (standIn: StandIn, name: string) => (standIn[name] as () => string)();

/** The package's files the bundle carries (core's summary and OIDC modules are left out). */
const FILES = {
  '@actions/core': ['command.js', 'core.js', 'file-command.js', 'platform.js'].map(
    file => `node_modules/@actions/core/lib/${file}`
  ),
  // The copy under @actions/github, which github-release.js carries: the action's own exchange
  // uses node:http (src/net/exchange.ts), and core's OIDC client, which imports the other, is out.
  '@actions/http-client': [
    'node_modules/@actions/github/node_modules/@actions/http-client/lib/index.js'
  ]
};

/** Every name read from `module` in `source`: named imports, and members of a whole import. */
function namesRead(source: string, module: string): string[] {
  const { named, whole } = importsFrom(source, module);
  const members = whole.flatMap(alias =>
    [...source.matchAll(new RegExp(`\\b${alias}\\.(\\w+)`, 'g'))].map(([, name]) => name)
  );
  return [...named, ...members].filter(name => name !== 'RequestOptions');
}

describe('named stand-ins for Node modules imported whole', () => {
  const cases = [
    ['fs', '@actions/core', fsStandIn],
    ['os', '@actions/core', osStandIn],
    ['http', '@actions/http-client', httpStandIn]
  ] as const;

  it.each(cases)('%s: exports every name %s reads', (module, importer, standIn) => {
    const names = FILES[importer].flatMap(file => namesRead(readFileSync(file, 'utf8'), module));
    expect(names.length).toBeGreaterThan(0);
    for (const name of names) expect(standIn).toHaveProperty(name);
  });

  it.each([
    ['tunnel', [...FILES['@actions/http-client'], 'src/net/exchange.ts']],
    ['@actions/exec', FILES['@actions/core']]
  ])('%s: the stand-in exports every name its importers read', async (module, files) => {
    const names = files.flatMap(file => namesRead(readFileSync(file, 'utf8'), module));
    expect(names.length).toBeGreaterThan(0);
    const standIn = await load(module.replace('@actions/', ''));
    for (const name of names) expect(standIn).toHaveProperty(name);
  });

  it('http-client makes its requests with the module it imports whole', () => {
    for (const file of FILES['@actions/http-client'])
      expect(readFileSync(file, 'utf8')).toContain('info.httpModule = usingSsl ? https : http;');
    expect(httpStandIn.request).toBe(nodeHttp.request);
  });

  it("gives Node's own values", () => {
    expect(osStandIn.EOL).toBe(nodeOs.EOL);
    expect(call(osStandIn, 'platform')).toBe(nodeOs.platform());
    expect(call(osStandIn, 'arch')).toBe(nodeOs.arch());
    expect(call(osStandIn, 'release')).toBe(nodeOs.release());
    expect(osStandIn.default?.EOL).toBe(nodeOs.EOL);
    expect(fsStandIn.appendFileSync).toBe(nodeFs.appendFileSync);
    expect(fsStandIn.existsSync).toBe(nodeFs.existsSync);
    expect(httpStandIn.Agent).toBe(nodeHttp.Agent);
    expect(httpStandIn.globalAgent).toBe(nodeHttp.globalAgent);
  });
});

describe("@actions/core's modules the action never uses", () => {
  const core = readFileSync('node_modules/@actions/core/lib/core.js', 'utf8');

  it.each([
    ['./oidc-utils.js', 'core-oidc'],
    ['./summary.js', 'core-summary']
  ])('%s: the stand-in exports every name core takes', async (module, standIn) => {
    const names = namesRead(core, module);
    expect(names.length).toBeGreaterThan(0);
    const exported = await load(standIn);
    for (const name of names) expect(exported).toHaveProperty(name);
  });

  it('says why when the OIDC client or the summary is used', async () => {
    const { OidcClient } = (await load('core-oidc')) as { OidcClient: { getIDToken(): unknown } };
    expect(() => OidcClient.getIDToken()).toThrow(/not bundled/);
    const { summary } = (await load('core-summary')) as { summary: { addRaw: unknown } };
    expect(() => summary.addRaw).toThrow(/not bundled/);
  });
});
