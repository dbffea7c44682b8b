// Rendering of templates with liquidjs, with positions of faults in the file and a record of
// which templates read a secret. A run whose templates only print variables
// (`{{ app.name }} {{ version.label }} is out`) never loads liquidjs: ./outputs.ts prints them.
import { closestName } from '../config/suggest.js';
import { isSecretPlaceholder } from '../placeholder.js';
import { placeInTemplate } from '../config/template-place.js';
import type { Template } from '../config/types.js';
import type { Problem } from '../problems.js';
import { RenderBudgetExceeded, type RenderBudget } from './budget.js';
import { isOutputsOnly, printOutputs, UnknownVariable } from './outputs.js';

export interface Rendered {
  text: string;
  /** The render read a value of `secrets`: what it made is secret-derived (SPEC §8). */
  readSecret: boolean;
}

export interface TemplateEngine {
  render(template: Template, scope: object, webhook: string): Rendered;
  /** A `when` condition, with Liquid truthiness (only false and nil are false). */
  condition(
    template: Template,
    scope: object,
    webhook: string
  ): { value: boolean; readSecret: boolean };
  /** Secrets that record every read of their values, for the scope of every render. */
  watched<T extends object>(secrets: T): T;
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

type Filters = Record<string, (value: unknown, ...args: unknown[]) => unknown>;

/**
 * The engine for a run's templates: liquidjs (loaded now) unless every template only prints
 * variables that hold text, numbers or booleans in `scope`. `budget` is the run's.
 */
export async function templateEngine(
  templates: Template[],
  conditions: Template[],
  scope: object,
  extraFilters: Filters | undefined,
  budget: RenderBudget
): Promise<TemplateEngine> {
  const reads = new SecretReads();
  const needsLiquid =
    templates.some(template => !isOutputsOnly(template.source, scope)) ||
    conditions.some(condition => !isLiteral(condition));
  const liquid = needsLiquid
    ? (await import('./liquid.js')).createLiquidRenderer(extraFilters)
    : undefined;
  const known = (scope: object): Known => ({ scope, filters: liquid?.filterNames ?? [] });

  const tracked = <T>(
    template: Template,
    scope: object,
    webhook: string,
    work: () => T
  ): { value: T; readSecret: boolean } => {
    const before = reads.count;
    try {
      return { value: work(), readSecret: reads.count > before };
    } catch (error) {
      throw templateError(error, template, webhook, known(scope), reads.count > before);
    }
  };

  return {
    watched: secrets => reads.watch(secrets),
    render(template, scope, webhook) {
      const { value: text, readSecret } = tracked(template, scope, webhook, () => {
        const output = liquid
          ? liquid.render(template.source, scope, budget)
          : printOutputs(template.source, scope);
        budget.spend(output.length);
        budget.checkTime();
        return output;
      });
      return { text, readSecret };
    },
    condition(template, scope, webhook) {
      if (isLiteral(template)) return { value: template.source === 'true', readSecret: false };
      const wrapped = /^\s*\{\{([^]*)\}\}\s*$/.exec(template.source);
      const { value, readSecret } = tracked(template, scope, webhook, () => {
        if (!liquid) throw new Error('a condition needs Liquid');
        return liquid.evaluate(wrapped ? wrapped[1] : template.source, scope, budget);
      });
      return { value: value !== false && value !== null && value !== undefined, readSecret };
    }
  };
}

/** `when: true` and `when: false` need no engine. */
function isLiteral(condition: Template): boolean {
  return condition.source === 'true' || condition.source === 'false';
}

/**
 * Counts every read of a secret's value, whatever reads it (a variable, a filter, `json`, a
 * loop, an assignment), so taint is what the engine did, not a guess from the template's text.
 */
class SecretReads {
  count = 0;

  /** A dry run's placeholder for a secret the run lacks is a mask already, not a secret. */
  private record(value: unknown) {
    if (!(typeof value === 'string' && isSecretPlaceholder(value))) this.count++;
  }

  watch<T extends object>(secrets: T): T {
    return new Proxy(secrets, {
      get: (target, key, receiver) => {
        const value: unknown = Reflect.get(target, key, receiver);
        if (typeof key === 'string' && Reflect.getOwnPropertyDescriptor(target, key))
          this.record(value);
        return value;
      },
      getOwnPropertyDescriptor: (target, key) => {
        const descriptor = Reflect.getOwnPropertyDescriptor(target, key);
        if (descriptor) this.record(descriptor.value);
        return descriptor;
      }
    });
  }
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
  known: Known,
  readSecret: boolean
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
  const position =
    error instanceof UnknownVariable
      ? [error.line, error.col]
      : /, line:(\d+), col:(\d+)/.exec(raw)?.slice(1).map(Number);
  const place = position
    ? placeInTemplate(template.place, template.origin, position[0], position[1])
    : template.place;
  const message = raw.replace(/, line:\d+, col:\d+[^]*$/, '').split('\n')[0];
  // Liquid names only the first unknown part (`versoin`); the template has the whole path.
  const written = position
    ? /^[\w.]+/.exec(
        template.source.split('\n')[position[0] - 1]?.slice(position[1] - 1) ?? ''
      )?.[0]
    : undefined;
  const described = describe(message, known, written);
  return new TemplateError({
    message:
      readSecret && !quotesOnlyTemplateText(described, template.source)
        ? 'the template failed after reading a secret; its error is withheld, as it could quote what the secret made'
        : described,
    place,
    field: template.field,
    webhook
  });
}

/** Whether every `quoted` name in a message is written in the template itself. */
function quotesOnlyTemplateText(message: string, source: string): boolean {
  const quoted = [...message.matchAll(/`([^`]*)`/g)].map(match => match[1]);
  const rest = message.replace(/`[^`]*`/g, '');
  return (
    !/["']/.test(rest) && quoted.every(text => source.includes(text.replace(/^secrets\./, '')))
  );
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
