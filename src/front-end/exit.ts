// How a front end's process ends: with the run's exit code once the run is done, and never
// silently before. Node exits when nothing is left to wait for; a network call that lost its
// callback (a socket taken away by a `101`) would end the run there with exit code 0.

/** Set by the run when the process must end with `code`. */
export function exitWhenDone(
  done: Promise<number>,
  stoppedEarly: (message: string) => number
): void {
  let finished = false;
  const early = () => {
    if (finished) return;
    finished = true;
    process.exitCode = stoppedEarly(
      'the run stopped before it finished: a network call ended without an answer or an error; nothing after it was done'
    );
  };
  process.once('beforeExit', early);
  void done.then(code => {
    finished = true;
    process.off('beforeExit', early);
    process.exitCode = code;
    exitOnceWritten();
    // Reached only when a stream still holds lines: a reader that never reads cannot hold the step.
    setTimeout(() => process.exit(), OUTPUT_DRAIN_MS).unref();
  });
}

/** How long the log may wait for a reader that does not read, once the run is over. */
const OUTPUT_DRAIN_MS = 10_000;

/**
 * Ends the process as soon as stdout and stderr have handed their last line to their reader.
 * Once the run is over, nothing is left but sockets to close (a receiver or proxy may keep one
 * open), which Node would otherwise wait for.
 */
function exitOnceWritten() {
  const waiting = [process.stdout, process.stderr].filter(
    stream => !stream.destroyed && stream.writableLength > 0
  );
  if (waiting.length === 0) process.exit();
  for (const stream of waiting) {
    stream.once('drain', exitOnceWritten);
    stream.once('close', exitOnceWritten);
  }
}
