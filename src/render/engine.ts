// Rendering of templates, with positions of faults in the file. Templates that print variables
// through common filters are rendered by the plain renderer; the first one that needs more loads
// Liquid.
import { closestName } from '../config/suggest.js';
import { placeInTemplate } from '../config/template-place.js';
import type { Template } from '../config/types.js';
import type { Problem } from '../problems.js';
import { RenderBudget, RenderBudgetExceeded } from './budget.js';
import type { LiquidRenderer } from './liquid.js';
import { renderPlain, type ExtraFilters } from './plain.js';

export interface TemplateEngine {
  render(template: Template, scope: object, webhook: string): string;
  /** A `when` condition, with Liquid truthiness (only false and nil are false). */
  condition(template: Template, scope: object, webhook: string): boolean;
}

/** Thrown by a template; carries the file position of the fault. */
export class TemplateError extends Error {
  constructor(
    readonly problem: Problem,
    /** The run's render budget is spent: no other template may render. */
    readonly budgetSpent = false
  ) {
    super(problem.message);
  }
}

class NeedsLiquid extends Error {}

function plainEngine(budget: RenderBudget, extraFilters?: ExtraFilters): TemplateEngine {
  return {
    render(template, scope, webhook) {
      try {
        const output = renderPlain(template.source, scope, budget, extraFilters);
        if (output === undefined) throw new NeedsLiquid();
        return output;
      } catch (error) {
        if (error instanceof RenderBudgetExceeded)
          throw templateError(error, template, webhook, { scope, filters: [] });
        throw error;
      }
    },
    condition() {
      throw new NeedsLiquid();
    }
  };
}

/**
 * Runs `work` with the plain engine, or again with Liquid when a template needs it. `work` must be
 * pure: the first pass is thrown away. Each pass has one render budget for all its templates.
 */
export async function withTemplateEngine<T>(
  extraFilters: Record<string, (value: unknown, ...args: unknown[]) => unknown> | undefined,
  work: (engine: TemplateEngine) => T
): Promise<T> {
  try {
    return work(plainEngine(new RenderBudget(), extraFilters));
  } catch (error) {
    if (!(error instanceof NeedsLiquid)) throw error;
  }
  const { createLiquidRenderer } = await import('./liquid.js');
  return work(liquidEngine(createLiquidRenderer(extraFilters), new RenderBudget()));
}

function liquidEngine(liquid: LiquidRenderer, budget: RenderBudget): TemplateEngine {
  return {
    render(template, scope, webhook) {
      try {
        const output = liquid.render(template.source, scope, budget);
        budget.spend(output.length);
        return output;
      } catch (error) {
        throw templateError(error, template, webhook, { scope, filters: liquid.filterNames });
      }
    },
    condition(template, scope, webhook) {
      const wrapped = /^\s*\{\{([^]*)\}\}\s*$/.exec(template.source);
      try {
        const value = liquid.evaluate(wrapped ? wrapped[1] : template.source, scope, budget);
        return value !== false && value !== null && value !== undefined;
      } catch (error) {
        throw templateError(error, template, webhook, { scope, filters: liquid.filterNames });
      }
    }
  };
}

/** What a message about an unknown name can suggest from. */
interface Known {
  scope: object;
  filters: readonly string[];
}

function templateError(
  error: unknown,
  template: Template,
  webhook: string,
  known: Known
): TemplateError {
  const raw = error instanceof Error ? error.message : String(error);
  if (error instanceof RenderBudgetExceeded || BUDGET_MESSAGE.test(raw))
    return new TemplateError(
      {
        message: raw.replace(/, line:\d+, col:\d+[^]*$/, ''),
        place: template.place,
        field: template.field,
        webhook
      },
      true
    );
  const position = /, line:(\d+), col:(\d+)/.exec(raw);
  const place = position
    ? placeInTemplate(template.place, template.origin, Number(position[1]), Number(position[2]))
    : template.place;
  const message = raw.replace(/, line:\d+, col:\d+[^]*$/, '').split('\n')[0];
  // Liquid names only the first unknown part (`versoin`); the template has the whole path.
  const written = position
    ? /^[\w.]+/.exec(
        template.source.split('\n')[Number(position[1]) - 1]?.slice(Number(position[2]) - 1) ?? ''
      )?.[0]
    : undefined;
  return new TemplateError({
    message: describe(message, known, written),
    place,
    field: template.field,
    webhook
  });
}

/** liquidjs wraps what the budget throws inside a filter or tag in an error of its own. */
const BUDGET_MESSAGE = /^the run's templates /;

function describe(message: string, known: Known, written?: string): string {
  const undefinedVariable = /^undefined variable: (.+)$/.exec(message);
  if (undefinedVariable) {
    const path = undefinedVariable[1];
    if (path.startsWith('secrets.')) return unknownSecret(path.slice('secrets.'.length), known);
    const whole = written?.startsWith(path) ? written : path;
    return `unknown variable \`${whole}\`${didYouMean(whole, variablePaths(known.scope))} (see the variables in the README)`;
  }
  const undefinedFilter = /^undefined filter: (.+)$/.exec(message);
  if (undefinedFilter)
    return `unknown filter \`${undefinedFilter[1]}\`${didYouMean(undefinedFilter[1], known.filters)}`;
  return message;
}

function unknownSecret(name: string, known: Known): string {
  const secrets = Object.keys((known.scope as { secrets?: object }).secrets ?? {});
  if (secrets.length === 0)
    return `\`secrets.${name}\` is unknown: the \`secrets\` input was not given; add \`secrets: \${{ toJSON(secrets) }}\` under the step's \`with:\``;
  const guess = didYouMean(name, secrets);
  return `no secret \`${name}\` in the \`secrets\` input${guess || ' (is it set in the repository or environment secrets, spelt so?)'}`;
}

function didYouMean(name: string, known: readonly string[]): string {
  const guess = closestName(name, known);
  return guess ? `; did you mean \`${guess}\`?` : '';
}

/** `app`, `app.name`, `version.label` …: the names a template can read, two levels deep. */
function variablePaths(scope: object): string[] {
  const paths: string[] = [];
  for (const [key, value] of Object.entries(scope)) {
    paths.push(key);
    if (typeof value === 'object' && value !== null && key !== 'secrets')
      for (const inner of Object.keys(value)) paths.push(`${key}.${inner}`);
  }
  return paths;
}
