// The one definition of the bundle: `node scripts/build.js [outDir]` (default dist/).
//
// esbuild writes the action (index.js) and the CLI (cli.js) as CommonJS: Node 24 gives an ESM
// import of node:http a facade that evaluates its internal undici, a require does not. Start-up
// time is a product goal, so what a plain run never uses is neither evaluated nor even compiled:
// Liquid (liquid.js, for templates that need more than printing variables), the destinations
// and their Markdown parser (destinations.js, for `to:` and the markup filters), the GitHub API
// client (github-release.js, for a release lookup), the glob library (glob.js, for
// version-*-files), HMAC-SHA256 (hmac.js, for signatures), the yaml library (yaml.js, for the
// YAML that src/config/common-yaml.ts leaves to it), markdown-it's table of named character
// references (entities.js, for the first `&copy;`), tunnel (tunnel.js, for a proxy) and
// @actions/exec (exec.js) are files of their own; undici is not bundled at all
// (scripts/lazy/undici.cjs says why); node:https, node:crypto and markdown-it's `entities` sit
// behind stand-ins (scripts/lazy, src/crypto.ts) that load them on first use; node:fs, node:os
// and node:http, which @actions/core and http-client import whole, are given to them as named
// modules (esbuild would copy every property of a whole import at start-up); linkify-it, which
// markdown-it constructs with linkify off, and @actions/core's job summary module and OIDC client
// (which brings @actions/http-client), which the action never uses, are left out. What each saves
// is measured in ARCHITECTURE.md.
import { readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import * as esbuild from 'esbuild';

const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
const lazy = name => path.join(root, 'scripts/lazy', name);

/**
 * Importers whose import of a package is replaced by a lazy stand-in: a package (any copy of it
 * in node_modules), or one of our source files.
 */
const DEFERRED = [
  { module: 'undici', importer: '@actions/http-client', stand_in: lazy('undici.cjs') },
  { module: 'undici', importer: '@actions/github', stand_in: lazy('undici.cjs') },
  { module: 'tunnel', importer: '@actions/http-client', stand_in: lazy('tunnel.mjs') },
  { module: 'tunnel', importer: 'src/net/exchange.ts', stand_in: lazy('tunnel.mjs') },
  { module: 'https', importer: '@actions/http-client', stand_in: lazy('https.cjs') },
  // Imported whole by these packages: named instead, so that no property is copied at start-up.
  { module: 'http', importer: '@actions/http-client', stand_in: lazy('http.mjs') },
  { module: 'fs', importer: '@actions/core', stand_in: lazy('fs.mjs') },
  { module: 'os', importer: '@actions/core', stand_in: lazy('os.mjs') },
  { module: '@actions/exec', importer: '@actions/core', stand_in: lazy('exec.mjs') },
  { module: './summary.js', importer: '@actions/core', stand_in: lazy('core-summary.mjs') },
  { module: './oidc-utils.js', importer: '@actions/core', stand_in: lazy('core-oidc.mjs') },
  { module: 'entities', importer: 'markdown-it', stand_in: lazy('entities.cjs') },
  { module: 'linkify-it', importer: 'markdown-it', stand_in: lazy('linkify-it.cjs') },
  // Random ids without loading node:crypto; the rest of it on first use (src/crypto.ts). It must
  // export every name these packages use: test/unit/crypto.test.ts reads their sources to check.
  { module: 'crypto', importer: '@actions/core', stand_in: path.join(root, 'src/crypto.ts') },
  { module: 'crypto', importer: 'liquidjs', stand_in: path.join(root, 'src/crypto.ts') }
];

/** Imported at run time from files of their own: a plain run never reads them. */
const ON_DEMAND = [
  { file: 'destinations', entry: 'src/destinations/index.ts' },
  { file: 'github-release', entry: 'src/sources/github-release.ts' },
  { file: 'glob', entry: 'tinyglobby' },
  // Required by scripts/lazy/entities.cjs on the first named character reference: its table of
  // references is a 54 KB string that every `to:` run would otherwise compile.
  { file: 'entities', entry: 'entities/lib/decode.js' },
  { file: 'liquid', entry: 'src/render/liquid.ts' },
  { file: 'hmac', entry: 'src/deliver/hmac.ts' },
  { file: 'yaml', entry: 'src/config/yaml-library.ts' }
];

const deferModules = {
  name: 'defer-modules',
  setup(build) {
    for (const { file, entry } of ON_DEMAND) {
      const local = entry.startsWith('src/');
      // A source file is imported by its .js name, relative to the importer.
      const filter = local
        ? new RegExp(`/${path.basename(entry, '.ts')}\\.js$`)
        : new RegExp(`^${entry}$`);
      build.onResolve({ filter }, args => {
        if (args.kind === 'entry-point') return undefined;
        const target = path.resolve(args.resolveDir, args.path).replace(/\.js$/, '.ts');
        return !local || target === path.join(root, entry)
          ? { path: `./${file}.js`, external: true }
          : undefined;
      });
    }
    for (const { module, importer, stand_in } of DEFERRED) {
      const filter = new RegExp(`^${module.replace(/[/.]/g, '\\$&')}$`);
      const imports = importer.startsWith('src/')
        ? file => file === path.join(root, importer)
        : file => file.includes(`node_modules/${importer}/`);
      build.onResolve({ filter }, args =>
        imports(args.importer) ? { path: stand_in } : undefined
      );
    }
  }
};

const common = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  minify: !process.env.NO_MINIFY,
  legalComments: 'none',
  logLevel: 'warning',
  charset: 'utf8',
  // On-demand files are loaded with require(), not import(): the same on Node 24, and on Node 20
  // (where the CLI often runs) much faster — docs/performance.md has the figures.
  supported: { 'dynamic-import': false },
  // The ES module builds: esbuild can tree-shake them, and they load faster than CommonJS ones.
  alias: {
    yaml: './node_modules/yaml/browser/dist/index.js',
    liquidjs: './node_modules/liquidjs/dist/liquid.node.mjs'
  }
};

/** `licenses: false` leaves out licenses.txt (the test build, which nobody ships). */
export async function build(outDir, { licenses: withLicenses = true } = {}) {
  rmSync(outDir, { recursive: true, force: true });
  const { metafile } = await esbuild.build({
    ...common,
    metafile: true,
    entryPoints: {
      index: 'src/action/index.ts',
      cli: 'src/cli/index.ts',
      ...Object.fromEntries(ON_DEMAND.map(({ file, entry }) => [file, entry])),
      // Required by path from their stand-ins (scripts/lazy).
      exec: '@actions/exec',
      tunnel: 'tunnel'
    },
    outdir: outDir,
    format: 'cjs',
    plugins: [deferModules],
    // Bundled ESM packages may read import.meta.url (fdir does, for createRequire).
    define: { 'import.meta.url': '__bundleUrl' },
    banner: {
      js: "'use strict';const __bundleUrl=require('node:url').pathToFileURL(__filename).href;"
    }
  });
  // The repository's package.json says "module"; the bundle is CommonJS.
  writeFileSync(path.join(outDir, 'package.json'), '{\n  "type": "commonjs"\n}\n');
  if (withLicenses) writeFileSync(path.join(outDir, 'licenses.txt'), licenses(metafile));
}

/**
 * The licences of every package whose code the bundle carries, found in esbuild's list of the
 * files it read (the package.json has no runtime dependencies: the bundle is self-contained).
 */
function licenses(metafile) {
  const roots = new Set();
  for (const input of Object.keys(metafile.inputs)) {
    const match = /^(.*node_modules\/(?:@[^/]+\/)?[^/]+)\//.exec(input);
    if (match) roots.add(match[1]);
  }
  const entries = new Map();
  for (const folder of roots) {
    const manifest = JSON.parse(readFileSync(path.join(root, folder, 'package.json'), 'utf8'));
    const licenseFile = readdirSync(path.join(root, folder)).find(file =>
      /^(licen[cs]e|copying)/i.test(file)
    );
    const text = licenseFile
      ? readFileSync(path.join(root, folder, licenseFile), 'utf8').trim()
      : '';
    entries.set(
      `${manifest.name}@${manifest.version}`,
      `${manifest.name} ${manifest.version}\n${manifest.license ?? 'UNKNOWN'}\n${text}`
    );
  }
  return (
    [...entries.keys()]
      .sort()
      .map(key => entries.get(key))
      .join('\n\n') + '\n'
  );
}

if (process.argv[1] === fileURLToPath(import.meta.url)) await build(process.argv[2] ?? 'dist');
