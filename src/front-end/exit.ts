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
    // A socket a receiver or proxy keeps open must not hold the step once the run is over.
    setTimeout(() => process.exit(), 100).unref();
  });
}
