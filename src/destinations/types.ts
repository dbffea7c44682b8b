// What the product knows of a destination (SPEC §12): its limits, its built-in announcement,
// the checks of a rendered body against those limits, and how to read its answers. Each
// destination is one module of this shape; the registry is ./index.ts.
import type { ConvertOptions, Dialect } from '../markup/convert.js';
import type { HttpAnswer } from '../net/exchange.js';

export interface Announcement {
  /** `<display_name> <label>`. */
  title: string;
  /** The release page, else the download page; may be empty. */
  link: string;
  /** The humanized size, or empty when unknown. */
  size: string;
  /** `version.changes`, GitHub Markdown. */
  changes: string;
  /** `owner/name` of the run's repository. */
  repository: string;
}

/** Converts GitHub Markdown to this destination's dialect (or another), fitted to a length. */
export type Converter = (markdown: string, options: ConvertOptions, dialect?: Dialect) => string;

/** A limit a rendered body breaks: the field, the limit, what was found, and the fix. */
export interface Refusal {
  field: string;
  message: string;
}

/** One row of the destination's table of limits, as the README shows it. */
export interface LimitRow {
  what: string;
  limit: string;
  /** What the built-in message does about it. */
  handling: string;
}

export interface AnswerReader {
  /** A verdict of the destination's own, where its status alone misleads (Telegram's `ok`). */
  failure?(answer: HttpAnswer): string | undefined;
  /** The id the destination gave the message it created. */
  messageId?(answer: HttpAnswer): string | null;
  /** A 429's wait from the body (Discord's `retry_after`, Telegram's `parameters`). */
  retryAfterMs?(answer: HttpAnswer): number | undefined;
}

export interface Destination {
  name: string;
  /** How people call it in docs. */
  title: string;
  dialect: Dialect;
  limits: LimitRow[];
  message(announcement: Announcement, convert: Converter): Record<string, unknown>;
  check(body: unknown, bodyText: string): Refusal[];
  /** The message a body makes, as people will read it, in GitHub Markdown (a dry run shows it). */
  preview(body: unknown): string;
  /** The URL as it is called (Discord adds `wait=true`). */
  url?(url: string): string;
  /** The `auth` keys it needs (SPEC §14); a missing one is an error at the webhook. */
  auth?: string[];
  /** `auth` keys it reads when they are given (an SMTP server's `user`). */
  authOptional?: string[];
  /** `auth` keys taken from elsewhere when the webhook does not give them. */
  authDefaults?: Record<string, 'github-token'>;
  /**
   * The endpoint and the headers a request needs, from the webhook's `url` (a service's base
   * URL), its rendered `auth`, the delivery's `webhook-id` (an idempotency key) and the message;
   * it may give the method and the body as the service takes them (Matrix's room in the path).
   */
  endpoint?(
    url: string,
    auth: Record<string, string>,
    webhookId: string,
    message: Record<string, unknown>
  ): Endpoint;
  /** How the body is encoded on the wire, whatever the webhook's `format` (Zulip's form). */
  format?: 'form';
  /**
   * The request that edits message `id` instead of posting a new one (SPEC §15), from the URL
   * and body a post would use; absent where the destination cannot edit.
   */
  edit?(
    url: string,
    body: Record<string, unknown>,
    id: string,
    webhookId: string
  ): EditRequest | undefined;
  /**
   * A protocol of several requests (a session, then the post): each made from the message and
   * what the steps before it read from their answers. Absent, the message is the one request.
   */
  steps?: Step[];
  /**
   * Headers made afresh for each attempt from the request as sent (X's OAuth 1.0a signature,
   * whose nonce and timestamp must not be replayed).
   */
  signAttempt?(
    request: { method: string; url: string },
    auth: Record<string, string>,
    webhookId: string
  ): Array<[string, string]>;
  /** Whether a failed edit says the message is gone (deleted): then a new one is posted. */
  editGone?(status: number | null, error: string | null): boolean;
  answers: AnswerReader;
}

export interface Endpoint {
  url: string;
  headers: Array<[string, string]>;
  /** `SMTP`: the request is an email to the server of the URL (src/net/mail.ts). */
  method?: 'POST' | 'PUT' | 'SMTP';
  /** The body as sent, where it differs from the message. */
  body?: Record<string, unknown>;
}

/** What earlier steps read from their answers (a session's token, a repository's id), by name. */
export type StepValues = Readonly<Record<string, string>>;

/** The rendered webhook a step builds its request from. */
export interface StepInput {
  /** The webhook's `url` (the service's base URL), or the endpoint's where it has one. */
  url: string;
  /** The webhook's own headers, and the endpoint's (credentials) where the destination has one. */
  headers: Array<[string, string]>;
  /** The message: the payload over the built-in announcement. */
  body: Record<string, unknown>;
  auth: Record<string, string>;
  webhookId: string;
}

export interface StepRequest {
  method: 'GET' | 'POST' | 'PUT';
  url: string;
  headers: Array<[string, string]>;
  body?: Record<string, unknown>;
  /** Sent form-encoded rather than as JSON. */
  form?: boolean;
}

export interface Step {
  /** The service's name for the request (`createSession`): a failure names it. */
  name: string;
  /** Whether this webhook needs the step (a lookup by name, when no id is given); default yes. */
  needed?(input: StepInput): boolean;
  request(input: StepInput, values: StepValues): StepRequest;
  /** The values its answer gives the steps after it: `secret` ones are masked from then on. */
  gives?: Record<string, 'secret' | 'public'>;
  values?(answer: HttpAnswer, input: StepInput): StepValues;
  /** Why a successful answer cannot go on, given what was asked (a category it does not have). */
  refuses?(answer: HttpAnswer, input: StepInput): string | undefined;
  answers: AnswerReader;
}

export interface EditRequest {
  method: 'PATCH' | 'POST' | 'PUT';
  url: string;
  body: Record<string, unknown>;
}

/** UTF-8 bytes, as services that count bytes count them. */
export function utf8Length(text: string): number {
  return Buffer.byteLength(text, 'utf8');
}

/** `field` is `length` long where `limit` is allowed. */
export function tooLong(field: string, length: number, limit: number, fix: string): Refusal {
  return {
    field,
    message: `${field} is ${length} characters long; the limit is ${limit}. ${fix}`
  };
}

export function jsonBody(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function textOf(value: unknown): string {
  return typeof value === 'string' ? value : '';
}

/** A one-line text within `limit`, ending with `…` when cut. */
export function cutLine(text: string, limit: number): string {
  return text.length <= limit ? text : `${text.slice(0, limit - 1)}…`;
}

/** The value at `path` in a JSON text (an answer), or undefined. */
export function jsonAt(text: string, ...path: Array<string | number>): unknown {
  let value: unknown = jsonBody(text);
  for (const key of path) {
    if (typeof key === 'number') value = Array.isArray(value) ? value[key] : undefined;
    else value = isRecord(value) ? value[key] : undefined;
  }
  return value;
}

/** A GraphQL API refuses with `errors` in a 200 answer: their types and messages. */
export function graphqlErrors(text: string): string | undefined {
  const errors = jsonAt(text, 'errors');
  if (!Array.isArray(errors) || errors.length === 0) return undefined;
  return errors
    .map(error =>
      isRecord(error)
        ? [
            error.type ?? (isRecord(error.extensions) ? error.extensions.code : undefined),
            error.message
          ]
            .filter(Boolean)
            .join(': ')
        : ''
    )
    .join('; ');
}

/** The wait until a rate limit's window ends, from a header giving that end in epoch seconds. */
export function untilReset(answer: HttpAnswer, header: string): number | undefined {
  const reset = Number(answer.headers[header]);
  return Number.isFinite(reset) && reset > 0 ? Math.max(0, reset * 1000 - Date.now()) : undefined;
}

/** `[Release notes](link) · size`: the end of a Markdown announcement. */
export function markdownTail({ link, size }: Announcement): string {
  return [link ? `[Release notes](${link})` : '', size].filter(Boolean).join(' · ');
}

/** HTTP Basic credentials (Zulip, Reddit's token, an SMTP server). */
export function basicAuth(user: string, password: string): string {
  return `Basic ${Buffer.from(`${user}:${password}`).toString('base64')}`;
}

let segmenter: Intl.Segmenter | undefined;
/** The text's grapheme clusters: what Mastodon, Bluesky and X count as one character. */
export function graphemes(text: string): string[] {
  segmenter ??= new Intl.Segmenter('en', { granularity: 'grapheme' });
  return Array.from(segmenter.segment(text), ({ segment }) => segment);
}

/**
 * `@word` mentions an account on Mastodon and X: a zero-width space after the `@` keeps the
 * word and mentions nobody.
 */
export const unmention = (text: string) => text.replace(/(^|[^\w@])@(?=\w)/g, '$1@\u200b');
