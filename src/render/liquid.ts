// The Liquid engine: strict, bounded by the run's render budget, and unable to touch the file
// system. A file of its own in the bundle (dist/liquid.js), loaded only by a run with a template
// that does more than print variables (./outputs.ts).
import { Context, Liquid, type FilterImplOptions, type FS } from 'liquidjs';
import type { RenderBudget } from './budget.js';
import * as filters from './filters.js';

const NO_FILES: FS = {
  exists: async () => false,
  existsSync: () => false,
  readFile: async () => refuseFiles(),
  readFileSync: () => refuseFiles(),
  resolve: (_dir, file) => file
};

function refuseFiles(): never {
  throw new Error('templates cannot include files');
}

/** Tags that read other templates from files: there are none, and their errors echo the name. */
const FILE_TAGS = ['include', 'render', 'layout', 'block'];

export interface LiquidRenderer {
  /** Every filter a template may use, for suggestions. */
  filterNames: readonly string[];
  render(source: string, scope: object, budget: RenderBudget): string;
  evaluate(expression: string, scope: object, budget: RenderBudget): unknown;
}

/** `extraFilters`: the markup filters, when the run loaded them. */
export function createLiquidRenderer(
  extraFilters: Record<string, (value: unknown, ...args: unknown[]) => unknown> = {}
): LiquidRenderer {
  const liquid = new Liquid({
    strictVariables: true,
    strictFilters: true,
    ownPropertyOnly: true,
    timezoneOffset: 0,
    // Set, so that creating the engine does not initialise Intl; dates read in English.
    locale: 'en-US',
    fs: NO_FILES,
    relativeReference: false,
    parseLimit: 1_000_000
  });
  for (const tag of FILE_TAGS) delete liquid.tags[tag];
  for (const [name, filter] of Object.entries({ ...filters, ...extraFilters }))
    liquid.registerFilter(name, filter);
  liquid.registerFilter('date', boundedWidths(liquid.filters.date));
  for (const [name, filter] of Object.entries(liquid.filters))
    liquid.registerFilter(name, chargingOutput(filter));
  const context = (scope: object, budget: RenderBudget) =>
    new Context(scope, liquid.options, {}, { ...budget.liquidLimits, liquid } as never);
  return {
    filterNames: Object.keys(liquid.filters),
    render: (source, scope, budget) =>
      liquid.renderSync(liquid.parse(source), context(scope, budget)) as string,
    evaluate: (expression, scope, budget) =>
      liquid.evalValueSync(expression, context(scope, budget))
  };
}

/** The widest field a date format may ask for (`%10d`): a width is text built before it is counted. */
export const MAX_DATE_WIDTH = 100;

type Handler = Extract<FilterImplOptions, { handler: unknown }>['handler'];

/** `filter` with its handler wrapped by `around`, its `raw` flag kept. */
function wrapped(
  filter: FilterImplOptions,
  around: (handler: Handler) => Handler
): FilterImplOptions {
  const handler = around(typeof filter === 'function' ? filter : filter.handler);
  return typeof filter === 'function' ? handler : { handler, raw: filter.raw };
}

/** The `date` filter, refusing a format whose width would build a huge string (`%600000000d`). */
function boundedWidths(filter: FilterImplOptions): FilterImplOptions {
  return wrapped(
    filter,
    handler =>
      function (this: ThisParameterType<Handler>, ...args: unknown[]) {
        const format = args[1];
        if (typeof format === 'string')
          for (const [, width] of format.matchAll(/%[-_0^#:]*(\d+)/g))
            if (Number(width) > MAX_DATE_WIDTH)
              throw new Error(
                `the date format asks for a field ${width} characters wide; the widest is ${MAX_DATE_WIDTH}`
              );
        return handler.apply(this, args as Parameters<Handler>) as unknown;
      }
  );
}

/**
 * Every filter's result is counted against the run's budget, so that a chain of filters that
 * each multiply the text (`json`, `escape`, `replace` …) fails instead of filling memory.
 */
function chargingOutput(filter: FilterImplOptions): FilterImplOptions {
  return wrapped(
    filter,
    handler =>
      function (this: ThisParameterType<Handler>, ...args: unknown[]) {
        const output: unknown = handler.apply(this, args as Parameters<Handler>);
        if (typeof output === 'string' || Array.isArray(output))
          this.context.memoryLimit.use(output.length);
        this.context.renderLimit.check(0);
        return output;
      }
  );
}
