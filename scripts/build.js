// The one definition of the bundle: `node scripts/build.js [outDir]` (default dist/).
//
// esbuild writes the action (index.js) and the CLI (cli.js) as CommonJS: Node 24 gives an ESM
// import of node:http a facade that evaluates its internal undici, a require does not. What only
// some runs use is a file of its own, loaded when a run needs it: Liquid (liquid.js, for templates
// that do more than print variables), the destinations and their Markdown parser
// (destinations.js), the services beyond chat (services.js), the GitHub API client (github-release.js), the glob library (glob.js), the
// sample changelogs a dry run checks with (sample-changelogs.js), the Actions cache client
// that keeps the delivery record (delivery-record.js) and the mail library of `to: email`
// (mail.js).
// undici is not bundled at all (src/net/undici-not-bundled.ts says why).
import { readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import * as esbuild from 'esbuild';

const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)));

/** Imported at run time from files of their own: a run that does not need them never reads them. */
const ON_DEMAND = [
  { file: 'destinations', entry: 'src/destinations/index.ts' },
  { file: 'services', entry: 'src/destinations/services.ts' },
  { file: 'github-release', entry: 'src/sources/github-release.ts' },
  { file: 'glob', entry: 'tinyglobby' },
  { file: 'liquid', entry: 'src/render/liquid.ts' },
  { file: 'sample-changelogs', entry: 'src/context/sample-changelogs.ts' },
  { file: 'delivery-record', entry: 'src/deliver/record.ts' },
  { file: 'mail', entry: 'src/net/mail.ts' }
];

const TOOLKIT = Symbol('toolkit');

const splitBundle = {
  name: 'split-bundle',
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
    build.onResolve({ filter: /^undici$/ }, () => ({
      path: path.join(root, 'src/net/undici-not-bundled.ts')
    }));
    // @actions/core's modules only define things when evaluated; the package does not say so
    // (`sideEffects`), so esbuild would keep what the action never calls: its OIDC client
    // (http-client, TLS) and job summary (fs.promises).
    build.onResolve({ filter: /.*/ }, async args => {
      if (args.pluginData === TOOLKIT || !args.importer.includes('node_modules/@actions/core/'))
        return undefined;
      const resolved = await build.resolve(args.path, {
        kind: args.kind,
        importer: args.importer,
        resolveDir: args.resolveDir,
        pluginData: TOOLKIT
      });
      return resolved.errors.length > 0 || resolved.external
        ? undefined
        : { path: resolved.path, sideEffects: false };
    });
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
      ...Object.fromEntries(ON_DEMAND.map(({ file, entry }) => [file, entry]))
    },
    outdir: outDir,
    format: 'cjs',
    plugins: [splitBundle],
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
