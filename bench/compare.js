// `npm run bench:compare -- <dist A> <dist B> [scenario] [rounds]`: is B faster than A, and by how
// much? Rounds run A, B, B, A and B, A, A, B in turn (so that neither build always goes first
// while the machine drifts, nor always runs right after `node -e 0`), and the answer is the median
// of the rounds' paired differences with a bootstrap 90% interval, which separates a 1 ms change
// from this machine's noise where two medians cannot. Scenarios are bench/scenarios.js's: plain
// (default), liquid, discord, realistic. A dist folder is a build, e.g.
// `node scripts/build.js /tmp/a`, or the committed dist/.
import path from 'node:path';
import {
  bootstrap,
  findNode24,
  median,
  paired,
  perRound,
  ratioToBare,
  runnerEnv,
  scenarios,
  startReceiver,
  workspaceFor
} from './scenarios.js';

const [distA, distB, scenario = 'plain', rounds = '40'] = process.argv.slice(2);
if (!distA || !distB) {
  console.error('usage: npm run bench:compare -- <dist A> <dist B> [scenario] [rounds]');
  process.exit(2);
}

const node = findNode24();
const receiver = await startReceiver(0);
const measured = scenarios(receiver.url)[scenario];
if (!measured) {
  console.error(`no scenario "${scenario}": plain, liquid, discord or realistic`);
  process.exit(2);
}
/** What one side runs: a script and the runner's environment for it. */
const side = (script, { config, inputs }) => ({
  script,
  env: runnerEnv(workspaceFor(config), inputs)
});
const a = side(path.resolve(distA, 'index.js'), measured);
const b = side(path.resolve(distB, 'index.js'), measured);
const { bare, timesA, timesB, differences } = await paired(node, a, b, Number(rounds));
receiver.stop();

const base = median(bare);
const [low, high] = bootstrap(differences);
const ratio = times =>
  `${median(times).toFixed(1)} ms (${ratioToBare(perRound(times), bare).toFixed(2)}×)`;
console.log(`${scenario}, ${rounds} rounds ABBA/BAAB; node -e 0 ${base.toFixed(1)} ms`);
console.log(`A ${distA}: ${ratio(timesA)}`);
console.log(`B ${distB}: ${ratio(timesB)}`);
console.log(
  `B − A: ${median(differences).toFixed(2)} ms (90% interval ${low.toFixed(2)} to ${high.toFixed(2)} ms)`
);
