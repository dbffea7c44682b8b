// The one Liquid engine: strict, bounded, and unable to touch the file system.
import { Liquid, type FS } from 'liquidjs';
import { placeInTemplate } from '../config/node-reader.js';
import type { Template } from '../config/types.js';
import type { Problem } from '../problems.js';
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

export function createEngine(): Liquid {
  const engine = new Liquid({
    strictVariables: true,
    strictFilters: true,
    ownPropertyOnly: true,
    timezoneOffset: 0,
    // Set, so that creating the engine does not initialise Intl (about 15 ms); dates read in English.
    locale: 'en-US',
    fs: NO_FILES,
    relativeReference: false,
    // A runaway loop fails instead of hanging the release.
    parseLimit: 1_000_000,
    renderLimit: 2_000,
    memoryLimit: 64_000_000
  });
  for (const [name, filter] of Object.entries(filters)) engine.registerFilter(name, filter);
  return engine;
}

/** Thrown by a template; carries the file position of the fault. */
export class TemplateError extends Error {
  constructor(readonly problem: Problem) {
    super(problem.message);
  }
}

export function renderTemplate(
  engine: Liquid,
  template: Template,
  scope: object,
  webhook: string
): string {
  try {
    return engine.parseAndRenderSync(template.source, scope) as string;
  } catch (error) {
    throw templateError(error, template, webhook);
  }
}

/** Evaluates a `when` condition with Liquid truthiness (only false and nil are false). */
export function evaluateCondition(
  engine: Liquid,
  template: Template,
  scope: object,
  webhook: string
): boolean {
  const wrapped = /^\s*\{\{([^]*)\}\}\s*$/.exec(template.source);
  try {
    const value: unknown = engine.evalValueSync(wrapped ? wrapped[1] : template.source, scope);
    return value !== false && value !== null && value !== undefined;
  } catch (error) {
    throw templateError(error, template, webhook);
  }
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
