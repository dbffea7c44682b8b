// Rendering of templates, with positions of faults in the file. Templates that only print
// variables are rendered by the plain renderer; the first one that needs more loads Liquid.
import type { Liquid } from 'liquidjs';
import { placeInTemplate } from '../config/node-reader.js';
import type { Template } from '../config/types.js';
import type { Problem } from '../problems.js';
import { renderPlain } from './plain.js';

export interface TemplateEngine {
  render(template: Template, scope: object, webhook: string): string;
  /** A `when` condition, with Liquid truthiness (only false and nil are false). */
  condition(template: Template, scope: object, webhook: string): boolean;
}

/** Thrown by a template; carries the file position of the fault. */
export class TemplateError extends Error {
  constructor(readonly problem: Problem) {
    super(problem.message);
  }
}

class NeedsLiquid extends Error {}

const plainEngine: TemplateEngine = {
  render(template, scope) {
    const output = renderPlain(template.source, scope);
    if (output === undefined) throw new NeedsLiquid();
    return output;
  },
  condition() {
    throw new NeedsLiquid();
  }
};

/**
 * Runs `work` with the plain engine, or again with Liquid when a template needs it. `work` must be
 * pure: the first pass is thrown away.
 */
export async function withTemplateEngine<T>(work: (engine: TemplateEngine) => T): Promise<T> {
  try {
    return work(plainEngine);
  } catch (error) {
    if (!(error instanceof NeedsLiquid)) throw error;
  }
  const { createLiquid } = await import('./liquid.js');
  return work(liquidEngine(createLiquid()));
}

function liquidEngine(liquid: Liquid): TemplateEngine {
  return {
    render(template, scope, webhook) {
      try {
        return liquid.parseAndRenderSync(template.source, scope) as string;
      } catch (error) {
        throw templateError(error, template, webhook);
      }
    },
    condition(template, scope, webhook) {
      const wrapped = /^\s*\{\{([^]*)\}\}\s*$/.exec(template.source);
      try {
        const value: unknown = liquid.evalValueSync(wrapped ? wrapped[1] : template.source, scope);
        return value !== false && value !== null && value !== undefined;
      } catch (error) {
        throw templateError(error, template, webhook);
      }
    }
  };
}

function templateError(error: unknown, template: Template, webhook: string): TemplateError {
  const raw = error instanceof Error ? error.message : String(error);
  const position = /, line:(\d+), col:(\d+)/.exec(raw);
  const place = position
    ? placeInTemplate(template.place, template.origin, Number(position[1]), Number(position[2]))
    : template.place;
  const message = raw.replace(/, line:\d+, col:\d+[^]*$/, '').split('\n')[0];
  return new TemplateError({ message: describe(message), place, field: template.field, webhook });
}

function describe(message: string): string {
  const undefinedVariable = /^undefined variable: (.+)$/.exec(message);
  if (undefinedVariable)
    return `unknown variable \`${undefinedVariable[1]}\` (see the variables in the README)`;
  const undefinedFilter = /^undefined filter: (.+)$/.exec(message);
  if (undefinedFilter) return `unknown filter \`${undefinedFilter[1]}\``;
  return message;
}
