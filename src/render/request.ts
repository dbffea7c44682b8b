// (webhook definition, context) → the exact request to send. Pure: test mode, the CLI and the
// real delivery all go through here.
import type { Format, Method, PayloadTree, Template, WebhookDefinition } from '../config/types.js';
import type { VersionContext } from '../context/types.js';
import type { Problem } from '../problems.js';
import { TemplateError, withTemplateEngine, type TemplateEngine } from './engine.js';
import { formEncode } from './form.js';

export interface RenderedRequest {
  method: Method;
  url: string;
  /** In sending order, names as written. */
  headers: Array<[string, string]>;
  body?: string;
}

export type RenderOutcome =
  | { kind: 'ready'; request: RenderedRequest; signingKey?: string }
  | { kind: 'skipped'; reason: string }
  | { kind: 'failed'; problems: Problem[] };

export interface RenderOptions {
  userAgent: string;
  /** Render webhooks whose `when` is false as well, to check them (test mode). */
  checkSkipped: boolean;
  /** Missing secrets render as `***NAME***` (test mode). */
  secretPlaceholders: boolean;
}

const CONTENT_TYPES: Record<Format, string> = {
  json: 'application/json',
  form: 'application/x-www-form-urlencoded',
  text: 'text/plain; charset=utf-8'
};

/** GET and HEAD carry no body: their payload goes into the query string. */
export function carriesBody(method: string): boolean {
  return method !== 'GET' && method !== 'HEAD';
}
// Node refuses anything else in a header value; CR and LF would also split the header.
const HEADER_VALUE = /^[\t\x20-\x7e\x80-\xff]*$/;

export function renderAll(
  webhooks: WebhookDefinition[],
  context: VersionContext,
  options: RenderOptions
): Promise<RenderOutcome[]> {
  return withTemplateEngine(engine =>
    webhooks.map(webhook => renderWebhook(engine, webhook, context, options))
  );
}

function renderWebhook(
  engine: TemplateEngine,
  webhook: WebhookDefinition,
  context: VersionContext,
  options: RenderOptions
): RenderOutcome {
  if (!webhook.enabled) return { kind: 'skipped', reason: 'disabled (enabled: false)' };
  const scope = { ...context, webhook: { name: webhook.name } };
  const problems: Problem[] = [];
  const attempt = <T>(work: () => T): T | undefined => {
    try {
      return work();
    } catch (error) {
      if (!(error instanceof TemplateError)) throw error;
      problems.push(error.problem);
      return undefined;
    }
  };
  const render = (template: Template) =>
    attempt(() => engine.render(template, scope, webhook.name));
  const fail = (template: Template, message: string) =>
    problems.push({ message, place: template.place, field: template.field, webhook: webhook.name });

  const condition = webhook.when;
  const wanted = condition ? attempt(() => engine.condition(condition, scope, webhook.name)) : true;
  if (wanted === false && !options.checkSkipped)
    return { kind: 'skipped', reason: `when: ${condition?.source}` };

  const renderedUrl = render(webhook.url);
  let url: string | undefined;
  if (renderedUrl !== undefined) {
    url = checkUrl(renderedUrl, options.secretPlaceholders);
    if (url === undefined) fail(webhook.url, describeBadUrl(renderedUrl));
  }

  const headers: Array<[string, string]> = [];
  for (const header of webhook.headers) {
    const value = render(header.value);
    if (value === undefined) continue;
    if (/[\r\n]/.test(value))
      fail(header.value, 'the rendered value contains a line break (CR or LF)');
    else if (!HEADER_VALUE.test(value))
      fail(
        header.value,
        'the rendered value holds characters a header cannot carry; encode them first'
      );
    else headers.push([header.name, value]);
  }

  const payload = webhook.payload;
  let text: string | undefined;
  let value: unknown;
  if (payload?.kind === 'text') text = render(payload.template);
  else value = payload ? renderTree(payload.tree, render) : defaultPayload(webhook.method, scope);

  const signingKey = webhook.secret ? render(webhook.secret) : undefined;
  if (webhook.secret && signingKey === '')
    fail(webhook.secret, 'the signing secret rendered empty');

  if (problems.length > 0 || !url) return { kind: 'failed', problems };
  if (wanted === false) return { kind: 'skipped', reason: `when: ${condition?.source}` };

  let body: string | undefined;
  if (!carriesBody(webhook.method)) {
    if (value !== undefined) url = withQuery(url, formEncode(value));
  } else if (payload?.kind === 'text') {
    body = text;
  } else if (value !== undefined) {
    body = webhook.format === 'form' ? formEncode(value) : JSON.stringify(value);
  }
  const has = (name: string) => headers.some(([n]) => n.toLowerCase() === name);
  if (body !== undefined && !has('content-type'))
    headers.push(['Content-Type', CONTENT_TYPES[webhook.format]]);
  if (!has('user-agent')) headers.push(['User-Agent', options.userAgent]);

  return {
    kind: 'ready',
    request: { method: webhook.method, url, headers, body },
    signingKey
  };
}

function renderTree(tree: PayloadTree, render: (t: Template) => string | undefined): unknown {
  switch (tree.kind) {
    case 'template':
      return render(tree.template) ?? '';
    case 'literal':
      return tree.value;
    case 'list':
      return tree.items.map(item => renderTree(item, render));
    case 'map':
      return Object.fromEntries(
        tree.entries.map(([key, value]) => [key, renderTree(value, render)])
      );
  }
}

/** With no payload, a request that carries a body gets the event itself. */
function defaultPayload(method: Method, scope: VersionContext): unknown {
  if (!carriesBody(method) || method === 'DELETE') return undefined;
  return {
    event: scope.event.name,
    test: scope.test,
    app: scope.app,
    version: scope.version,
    repository: { full_name: scope.repository.full_name, url: scope.repository.url }
  };
}

function withQuery(url: string, encoded: string): string {
  if (!encoded) return url;
  const hashAt = url.indexOf('#');
  const [base, hash] = hashAt < 0 ? [url, ''] : [url.slice(0, hashAt), url.slice(hashAt)];
  return `${base}${base.includes('?') ? '&' : '?'}${encoded}${hash}`;
}

/** The normalised URL, or undefined when it is not absolute http(s). */
function checkUrl(text: string, secretPlaceholders: boolean): string | undefined {
  // In a dry run, a URL kept in a secret the run lacks is shown as its placeholder.
  if (secretPlaceholders && /^\*\*\*[A-Za-z0-9_-]+\*\*\*/.test(text)) return text;
  if (/\s/.test(text)) return undefined;
  try {
    const url = new URL(text);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : undefined;
  } catch {
    return undefined;
  }
}

function describeBadUrl(text: string): string {
  if (text.trim() === '') return 'the URL rendered empty (is the secret or variable set?)';
  if (/\s/.test(text)) return 'the rendered URL contains white space';
  return 'the rendered URL must be an absolute http: or https: URL';
}
