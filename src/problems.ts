// A user error is a value with a place: collected, reported together as annotations, failed once.

export interface SourcePlace {
  file: string;
  line: number;
  col: number;
}

export interface Problem {
  message: string;
  /** Where in the config file, when the problem comes from it. */
  place?: SourcePlace;
  /** Dotted path of the offending field, e.g. `webhooks[2].payload.text`, or `input version-label`. */
  field?: string;
  webhook?: string;
}

// Lazily loaded chunks (dist/github-release.js …) carry their own copy of this class, so
// `instanceof` asks for a mark shared by every copy instead of the class's identity.
const USER_ERROR = Symbol.for('release-webhooks.user-error');

/** Thrown by a stage that found problems the user must fix; carries every one of them. */
export class UserError extends Error {
  readonly problems: Problem[];
  readonly [USER_ERROR] = true;
  constructor(problems: Problem[]) {
    super(problems.map(formatProblem).join('\n'));
    this.name = 'UserError';
    this.problems = problems;
  }

  static override [Symbol.hasInstance](value: unknown): boolean {
    return typeof value === 'object' && value !== null && USER_ERROR in value;
  }
}

export function inputProblem(input: string, message: string): UserError {
  return new UserError([{ message, field: `input ${input}` }]);
}

export function formatProblem(problem: Problem): string {
  const where = problem.place
    ? `${problem.place.file}:${problem.place.line}:${problem.place.col}: `
    : '';
  const what = [problem.field, problem.webhook ? `(${problem.webhook})` : undefined]
    .filter(Boolean)
    .join(' ');
  return `${where}${what ? `${what}: ` : ''}${problem.message}`;
}
