// One budget of time and text for all the rendering of a run: every leaf and every filter of
// every webhook draws on it, so neither many small templates nor chained filters can run away.

export const RENDER_TIME_BUDGET_MS = 5_000;
/** Characters of rendered output, counted at every leaf and at every filter's result. */
export const RENDER_SIZE_BUDGET = 128 * 1024 * 1024;

export class RenderBudgetExceeded extends Error {}

export class RenderBudget {
  private used = 0;
  private readonly deadline: number;

  constructor(
    // Date.now, not performance.now: the global `performance` loads perf_hooks on first use.
    private readonly now: () => number = Date.now,
    readonly timeMs = RENDER_TIME_BUDGET_MS,
    readonly size = RENDER_SIZE_BUDGET
  ) {
    this.deadline = now() + timeMs;
  }

  /** Counts `characters` of output; throws once the run has rendered more than it may. */
  spend(characters: number) {
    if (characters > 0) this.used += characters;
    if (this.used > this.size)
      throw new RenderBudgetExceeded(
        `the run's templates render more than ${this.size / 1024 / 1024} MiB of text together (aliases or filters that multiply text?)`
      );
  }

  /** Throws once the run has spent its rendering time. */
  checkTime() {
    if (this.now() > this.deadline)
      throw new RenderBudgetExceeded(
        `the run's templates take longer than ${this.timeMs / 1000} s to render together`
      );
  }

  /** Whether nothing more may render. */
  get spent(): boolean {
    return this.used > this.size || this.now() > this.deadline;
  }

  /** liquidjs's limiter interfaces, drawing on this budget (one Context per render shares them). */
  get liquidLimits() {
    return {
      memoryLimit: { use: (count: number) => this.spend(+count), check: () => {} },
      renderLimit: { use: () => {}, check: () => this.checkTime() }
    };
  }
}
