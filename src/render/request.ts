// (webhook definition, context) → the exact request to send. Pure: test mode, the CLI and the
// real delivery all go through here.
import type { Format, Method, PayloadTree, Template, WebhookDefinition } from '../config/types.js';
import type { VersionContext } from '../context/types.js';
import { carriesBody } from '../http-facts.js';
import { startsWithSecretPlaceholder } from '../placeholder.js';
import type { Problem } from '../problems.js';
import { RenderBudget } from './budget.js';
import { TemplateError, templateEngine, type Rendered, type TemplateEngine } from './engine.js';
import { formEncode } from './form.js';
import {
  destinationProblems,
  forDestination,
  loadDestinationKit,
  messagePreview,
  moreUrlOf,
  usesMarkupFilter,
  type DestinationKit
} from './destination.js';
import { closestName } from '../config/suggest.js';
import type {
  AnswerReader,
  Destination,
  Step,
  StepInput,
  StepRequest,
  StepValues
} from '../destinations/types.js';
import type { HttpAnswer } from '../net/exchange.js';
import { isPayloadMap, jsonText, NumberText } from './json.js';
import { webhookId } from '../webhook-id.js';
import { shownSecretUrl, SHOWN_SECRET, templatesOf } from './reads.js';

export interface HttpMessage {
  method: Method | 'SMTP';
  url: string;
  /** In sending order, names as written. */
  headers: Array<[string, string]>;
  body?: string;
}

export interface RenderedRequest extends HttpMessage {
  /**
   * The request as it may be printed: every value whose template reads `secrets.*` is `***`
   * whole, so no filter or URL normalisation can turn a secret into a form masking misses.
   */
  shown: HttpMessage;
}

export type RenderOutcome =
  | {
      kind: 'ready';
      request: RenderedRequest;
      /** Its `webhook-id`: the same for every attempt, re-run and re-announcement. */
      webhookId: string;
      /** The requests to make, in order: one, or a destination's protocol (SPEC §14). */
      steps: RequestStep[];
      signingKey?: string;
      /** Test mode: a destination's message as people will read it, GitHub Markdown (shown). */
      message?: string;
      /** `update: true` where the destination can edit: the request that edits message `id`. */
      edit?: MessageEdit;
    }
  | { kind: 'skipped'; reason: string }
  /** `shownUrl`: the URL as it may be shown, when it rendered. */
  | { kind: 'failed'; problems: Problem[]; shownUrl?: string };

/** One request of a webhook's delivery, made from what the steps before it read. */
export interface RequestStep {
  /** The service's name for it; empty for a webhook of one request. */
  name: string;
  request(values: StepValues): RenderedRequest;
  /** Headers made afresh for each attempt (a signature), sent and as shown. */
  signAttempt?(request: { method: string; url: string }): {
    sent: Array<[string, string]>;
    shown: Array<[string, string]>;
  };
  /** The values its answer gives the next steps, and which are credentials. */
  gives: Record<string, 'secret' | 'public'>;
  values?(answer: HttpAnswer): StepValues;
  answers?: AnswerReader;
}

export interface MessageEdit {
  request(id: string): RenderedRequest;
  /** Whether a failed edit says the message is gone, so that a new one is posted. */
  gone(status: number | null, error: string | null): boolean;
}

export interface RenderOptions {
  userAgent: string;
  /** Render webhooks whose `when` is false as well, to check them (test mode). */
  checkSkipped: boolean;
  /** Missing secrets render as `***NAME***` (test mode). */
  secretPlaceholders: boolean;
  /** The run's one budget for all its rendering (a new one when not given). */
  budget?: RenderBudget;
  /** Filled with every rendered value that read a secret, for masking everywhere (SPEC §8). */
  secretDerived?: Set<string>;
  /** The `github-token` input, for a destination whose `auth` defaults to it. */
  githubToken?: string;
}

const CONTENT_TYPES: Record<Format, string> = {
  json: 'application/json',
  form: 'application/x-www-form-urlencoded',
  text: 'text/plain; charset=utf-8'
};

// Node refuses anything else in a header value; CR and LF would also split the header.
const HEADER_VALUE = /^[\t\x20-\x7e\x80-\xff]*$/;

export async function renderAll(
  webhooks: WebhookDefinition[],
  context: VersionContext,
  options: RenderOptions
): Promise<RenderOutcome[]> {
  // Destinations and markup filters bring the Markdown parser: only a run that uses them loads it.
  const needsKit = webhooks.some(
    webhook =>
      webhook.destination !== 'http' || templatesOf(webhook).some(t => usesMarkupFilter(t.source))
  );
  const kit = needsKit
    ? await loadDestinationKit(webhooks.map(webhook => webhook.destination))
    : undefined;
  const engine = await templateEngine(
    webhooks.flatMap(webhook => [
      ...templatesOf(webhook),
      ...(webhook.secret ? [webhook.secret] : [])
    ]),
    webhooks.flatMap(webhook => (webhook.when ? [webhook.when] : [])),
    { ...context, webhook: { name: '' } },
    kit?.markupFilters(moreUrlOf(context), context.github.server_url),
    options.budget ?? new RenderBudget()
  );
  const watchedContext = { ...context, secrets: engine.watched(context.secrets) };
  const outcomes: RenderOutcome[] = [];
  for (const webhook of webhooks) {
    try {
      outcomes.push(renderWebhook(engine, webhook, watchedContext, options, kit));
    } catch (error) {
      if (!(error instanceof TemplateError && error.budgetSpent)) throw error;
      // The budget is the run's: once spent, nothing else renders.
      outcomes.push({ kind: 'failed', problems: [error.problem] });
      for (const rest of webhooks.slice(outcomes.length))
        outcomes.push({
          kind: 'failed',
          problems: [
            {
              message: "not rendered: the run's render budget was spent",
              place: rest.place,
              webhook: rest.name
            }
          ]
        });
      break;
    }
  }
  return outcomes;
}

function renderWebhook(
  engine: TemplateEngine,
  webhook: WebhookDefinition,
  context: VersionContext,
  options: RenderOptions,
  kit: DestinationKit | undefined
): RenderOutcome {
  if (!webhook.enabled) return { kind: 'skipped', reason: 'disabled (enabled: false)' };
  const scope = { ...context, webhook: { name: webhook.name } };
  const problems: Problem[] = [];
  const attempt = <T>(work: () => T): T | undefined => {
    try {
      return work();
    } catch (error) {
      if (!(error instanceof TemplateError) || error.budgetSpent) throw error;
      problems.push(error.problem);
      return undefined;
    }
  };
  const render = (template: Template) => {
    const rendered = attempt(() => engine.render(template, scope, webhook.name));
    if (rendered?.readSecret) options.secretDerived?.add(rendered.text);
    return rendered;
  };
  const shownOf = (rendered: Rendered) => (rendered.readSecret ? SHOWN_SECRET : rendered.text);
  const fail = (template: Template, message: string) =>
    problems.push({ message, place: template.place, field: template.field, webhook: webhook.name });

  const condition = webhook.when;
  const decided = condition
    ? attempt(() => engine.condition(condition, scope, webhook.name))
    : { value: true, readSecret: false };
  // A test run that told a condition on a secret would be an oracle for its value.
  const secretCondition = options.checkSkipped && decided?.readSecret === true;
  const wanted = secretCondition ? false : decided?.value;
  const skippedBecause = secretCondition
    ? 'when: depends on a secret, not evaluated in a test run'
    : `when: ${condition?.source}`;
  if (wanted === false && !options.checkSkipped) return { kind: 'skipped', reason: skippedBecause };

  const renderedUrl = render(webhook.url);
  let url: string | undefined;
  if (renderedUrl !== undefined) {
    const mail = webhook.destination === 'email';
    url = checkUrl(renderedUrl.text, options.secretPlaceholders, mail);
    if (url === undefined) fail(webhook.url, describeBadUrl(renderedUrl, mail));
  }
  let shownUrl = renderedUrl?.readSecret ? shownSecretUrl(webhook.url.source) : url;

  const headers: Array<[string, string]> = [];
  const shownHeaders: Array<[string, string]> = [];
  for (const header of webhook.headers) {
    const rendered = render(header.value);
    if (rendered === undefined) continue;
    const value = rendered.text;
    if (/[\r\n]/.test(value))
      fail(header.value, 'the rendered value contains a line break (CR or LF)');
    else if (!HEADER_VALUE.test(value))
      fail(
        header.value,
        'the rendered value holds characters a header cannot carry; encode them first'
      );
    else {
      headers.push([header.name, value]);
      shownHeaders.push([header.name, shownOf(rendered)]);
    }
  }

  const payload = webhook.payload;
  let text: Rendered | undefined;
  let value: unknown;
  let shownValue: unknown;
  if (payload?.kind === 'text') {
    text = render(payload.template);
  } else if (payload) {
    [value, shownValue] = renderTree(payload.tree, template => {
      const rendered = render(template) ?? { text: '', readSecret: false };
      return [rendered.text, shownOf(rendered)];
    });
  } else if (webhook.destination === 'http') {
    value = shownValue = defaultPayload(webhook.method, scope);
  }

  const destination =
    kit && webhook.destination !== 'http' ? kit.DESTINATIONS[webhook.destination] : undefined;
  // Every `auth` value is a secret, whatever it reads (SPEC §14).
  const auth: Record<string, string> = {};
  for (const entry of webhook.auth) {
    const rendered = render(entry.value);
    if (rendered === undefined) continue;
    auth[entry.name] = rendered.text;
    if (rendered.text) options.secretDerived?.add(rendered.text);
  }
  if (destination) fillAuthDefaults(auth, destination, options);
  problems.push(...authProblems(webhook, auth, destination));

  const signingKey = webhook.secret ? render(webhook.secret)?.text : undefined;
  if (webhook.secret && signingKey !== undefined) {
    const keyProblem = signingKeyProblem(signingKey);
    if (keyProblem) fail(webhook.secret, keyProblem);
  }

  if (problems.length > 0 || !url || !shownUrl) return { kind: 'failed', problems, shownUrl };
  if (wanted === false) return { kind: 'skipped', reason: skippedBecause };

  // The delivery's `webhook-id` (an idempotency key some destinations also take).
  const id = webhookId({
    repository: context.repository.full_name,
    event: context.event.name,
    version: context.version.id || context.version.label,
    webhook: webhook.name
  });
  let answers: AnswerReader | undefined;
  let method: HttpMessage['method'] = webhook.method;
  // The message (checks and previews read it) and, below, the body as the destination takes it.
  let message: unknown;
  let shownMessage: unknown;
  const stepSides: { sent?: StepInput; shown?: StepInput } = {};
  if (kit && destination) {
    const delivered = forDestination(
      kit,
      webhook,
      context,
      { value, shownValue, url, shownUrl },
      auth,
      id
    );
    const { sent, shown } = delivered;
    ({ message, body: value, url } = sent);
    ({ message: shownMessage, body: shownValue, url: shownUrl } = shown);
    method = sent.method ?? method;
    answers = delivered.answers;
    headers.push(...sent.headers);
    shownHeaders.push(...shown.headers);
    stepSides.sent = stepInput(url, headers, value, auth, id);
    stepSides.shown = stepInput(
      shownUrl,
      shownHeaders,
      shownValue,
      Object.fromEntries(Object.keys(auth).map(key => [key, '***'])),
      id
    );
  }

  const encode = (destination?.format ?? webhook.format) === 'form' ? formEncode : jsonText;
  let body: string | undefined;
  let shownBody: string | undefined;
  if (!carriesBody(method)) {
    if (value !== undefined) {
      url = withQuery(url, formEncode(value));
      shownUrl = withQuery(shownUrl, formEncode(shownValue));
    }
  } else if (payload?.kind === 'text') {
    body = text?.text;
    shownBody = text === undefined ? undefined : shownOf(text);
  } else if (value !== undefined) {
    body = encode(value);
    shownBody = encode(shownValue);
  }
  // A destination's checks read the message as JSON (a text payload as it is sent).
  const messageText = (side: unknown, sentText: string | undefined) =>
    payload?.kind === 'text' ? sentText : side === undefined ? undefined : jsonText(side);
  const checked = messageText(message, body);
  if (kit && destination && checked !== undefined) {
    const refused = destinationProblems(kit, webhook, checked);
    if (refused.length > 0) return { kind: 'failed', problems: refused, shownUrl };
  }
  const added = defaultHeaders(
    headers,
    body !== undefined,
    destination?.format ?? webhook.format,
    options.userAgent
  );

  const editable = webhook.update ? destination?.edit : undefined;
  const edit: MessageEdit | undefined =
    editable &&
    isPayloadMap(value) &&
    isPayloadMap(shownValue) &&
    editable(url, value, '0', id) !== undefined
      ? {
          request: messageId => {
            const sent = editable(url, value, messageId, id)!;
            // A URL shown as `***` (it reads a secret) stays so.
            const shown = /\*\*\*/.test(shownUrl)
              ? { ...editable(url, shownValue, messageId, id)!, url: shownUrl }
              : (editable(shownUrl, shownValue, messageId, id) ?? sent);
            return {
              method: sent.method,
              url: sent.url,
              headers: [...headers, ...added],
              body: encode(sent.body),
              shown: {
                method: shown.method,
                url: shown.url,
                headers: [...shownHeaders, ...added],
                body: encode(shown.body)
              }
            };
          },
          gone: (status, error) => destination?.editGone?.(status, error) ?? false
        }
      : undefined;

  const request: RenderedRequest = {
    method,
    url,
    headers: [...headers, ...added],
    body,
    shown: {
      method,
      url: shownUrl,
      headers: [...shownHeaders, ...added],
      body: shownBody
    }
  };
  const sign = destination?.signAttempt;
  const signAttempt =
    sign &&
    ((sent: { method: string; url: string }) => ({
      sent: sign(sent, auth, id),
      shown: sign(sent, stepSides.shown?.auth ?? {}, id)
    }));
  const steps: RequestStep[] =
    destination?.steps && stepSides.sent && stepSides.shown
      ? protocolSteps(destination.steps, stepSides.sent, stepSides.shown, options.userAgent)
      : [{ name: '', request: () => request, gives: {}, answers, signAttempt }];
  const shownMessageText = messageText(shownMessage, shownBody);
  return {
    kind: 'ready',
    request: steps[steps.length - 1].request(placeholderValues(steps)),
    steps,
    signingKey,
    webhookId: id,
    edit,
    message:
      kit && options.checkSkipped && destination && shownMessageText !== undefined
        ? messagePreview(kit, webhook, shownMessageText)
        : undefined
  };
}

/** The `Content-Type` of a body and our `User-Agent`, where the headers do not set them. */
function defaultHeaders(
  headers: Array<[string, string]>,
  hasBody: boolean,
  format: Format,
  userAgent: string
): Array<[string, string]> {
  const has = (name: string) => headers.some(([n]) => n.toLowerCase() === name);
  const added: Array<[string, string]> = [];
  if (hasBody && !has('content-type')) added.push(['Content-Type', CONTENT_TYPES[format]]);
  if (!has('user-agent')) added.push(['User-Agent', userAgent]);
  return added;
}

function stepInput(
  url: string,
  headers: Array<[string, string]>,
  body: unknown,
  auth: Record<string, string>,
  webhookId: string
): StepInput {
  return { url, headers: [...headers], body: isPayloadMap(body) ? body : {}, auth, webhookId };
}

/**
 * A destination's protocol as requests to make: each rendered from the webhook, sent and shown,
 * and from what the steps before it read (a credential among them shown as `***`).
 */
function protocolSteps(
  steps: Step[],
  sent: StepInput,
  shown: StepInput,
  userAgent: string
): RequestStep[] {
  const secretNames = new Set(
    steps.flatMap(step =>
      Object.entries(step.gives ?? {}).flatMap(([name, kind]) => (kind === 'secret' ? [name] : []))
    )
  );
  const wire = (request: StepRequest): HttpMessage => {
    const body =
      request.body === undefined
        ? undefined
        : request.form
          ? formEncode(request.body)
          : jsonText(request.body);
    const headers = [
      ...request.headers,
      ...defaultHeaders(
        request.headers,
        body !== undefined,
        request.form ? 'form' : 'json',
        userAgent
      )
    ];
    return { method: request.method, url: request.url, headers, body };
  };
  return steps
    .filter(step => step.needed?.(sent) ?? true)
    .map(step => ({
      name: step.name,
      gives: step.gives ?? {},
      values: step.values && (answer => step.values!(answer, sent)),
      answers: {
        ...step.answers,
        failure: answer => step.answers.failure?.(answer) ?? step.refuses?.(answer, sent)
      },
      request: values => {
        const shownValues = Object.fromEntries(
          Object.entries(values).map(([name, value]) => [
            name,
            secretNames.has(name) ? '***' : value
          ])
        );
        return {
          ...wire(step.request(sent, values)),
          shown: wire(step.request(shown, shownValues))
        };
      }
    }));
}

/** What a dry run shows for the values steps read from answers it does not get. */
export function placeholderValues(steps: RequestStep[]): StepValues {
  return Object.fromEntries(
    steps.flatMap(step =>
      Object.keys(step.gives).map(name => [name, `‹${name} from ${step.name}›`])
    )
  );
}

/** A payload tree rendered twice over in one pass: the value sent, and the value shown. */
function renderTree(
  tree: PayloadTree,
  render: (t: Template) => [string, string]
): [unknown, unknown] {
  switch (tree.kind) {
    case 'template':
      return render(tree.template);
    case 'literal':
      return [tree.value, tree.value];
    case 'number': {
      const number = new NumberText(tree.text);
      return [number, number];
    }
    case 'list': {
      const items = tree.items.map(item => renderTree(item, render));
      return [items.map(([sent]) => sent), items.map(([, shown]) => shown)];
    }
    case 'map': {
      const entries = tree.entries.map(([key, value]) => [key, renderTree(value, render)] as const);
      return [
        Object.fromEntries(entries.map(([key, [sent]]) => [key, sent])),
        Object.fromEntries(entries.map(([key, [, shown]]) => [key, shown]))
      ];
    }
  }
}

/** Why a rendered signing key cannot sign, or undefined when it can. */
function signingKeyProblem(key: string): string | undefined {
  if (key.trim() === '') return 'the signing secret rendered empty';
  if (!key.startsWith('whsec_')) return undefined;
  const base64 = key.slice('whsec_'.length);
  if (!/^[A-Za-z0-9+/]+={0,2}$/.test(base64) || base64.length % 4 === 1)
    return 'a `whsec_` secret must be followed by base64 (Standard Webhooks keys are `whsec_` + base64 of the key bytes)';
  return undefined;
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
function checkUrl(text: string, secretPlaceholders: boolean, mail: boolean): string | undefined {
  // In a dry run, a URL kept in a secret the run lacks is shown as its placeholder.
  if (secretPlaceholders && startsWithSecretPlaceholder(text)) return text;
  if (/\s/.test(text)) return undefined;
  try {
    const url = new URL(text);
    const schemes = mail ? ['smtp:', 'smtps:'] : ['http:', 'https:'];
    return schemes.includes(url.protocol) ? url.href : undefined;
  } catch {
    return undefined;
  }
}

/** Why a rendered URL is refused, without echoing a URL built from secrets. */
function describeBadUrl({ text, readSecret }: Rendered, mail: boolean): string {
  if (text.trim() === '') return 'the URL rendered empty (is the secret or variable set?)';
  if (/\s/.test(text)) return 'the rendered URL contains white space';
  const scheme = /^([a-z][a-z0-9+.-]*):/i.exec(text)?.[1];
  const found = scheme && !readSecret ? ` (found ${scheme}:)` : '';
  const wanted = mail ? 'an smtp: or smtps: URL' : 'an absolute http: or https: URL';
  return `the rendered URL must be ${wanted}${found}`;
}

/** The `auth` keys a destination reads. */
function authKeysOf(destination: Destination): string[] {
  return [
    ...(destination.auth ?? []),
    ...(destination.authOptional ?? []),
    ...Object.keys(destination.authDefaults ?? {})
  ];
}

/** The keys a destination takes from elsewhere (GitHub Discussions' token) when not given. */
function fillAuthDefaults(
  auth: Record<string, string>,
  destination: Destination,
  options: RenderOptions
): void {
  for (const [key, source] of Object.entries(destination.authDefaults ?? {}))
    if (auth[key] === undefined && source === 'github-token') {
      // The action's input defaults to the job's token; a dry run without one shows where it goes.
      const token = options.githubToken || (options.secretPlaceholders ? '***github-token***' : '');
      if (token) auth[key] = token;
      if (options.githubToken) options.secretDerived?.add(options.githubToken);
    }
}

/**
 * A key the destination needs and the webhook lacks, and a key it does not read (`tokn`: a
 * mistake, not a credential to ignore); `destination` is undefined for a webhook to any endpoint.
 */
function authProblems(
  webhook: WebhookDefinition,
  auth: Record<string, string>,
  destination: Destination | undefined
): Problem[] {
  const problems: Problem[] = [];
  const readable = destination ? authKeysOf(destination) : [];
  for (const entry of webhook.auth)
    if (!readable.includes(entry.name)) {
      const near = closestName(entry.name, readable);
      const known = readable.length
        ? `it reads ${readable.map(key => `\`${key}\``).join(', ')}${near ? ` (did you mean \`${near}\`?)` : ''}`
        : destination
          ? 'it takes no credentials'
          : 'a webhook to any endpoint sends its credentials in `headers`';
      problems.push({
        message: `to: ${webhook.destination} has no \`auth.${entry.name}\`: ${known}`,
        place: entry.value.place,
        field: entry.value.field,
        webhook: webhook.name
      });
    }
  for (const key of destination?.auth ?? [])
    if (
      (auth[key] === undefined && !webhook.auth.some(entry => entry.name === key)) ||
      auth[key]?.trim() === ''
    )
      problems.push({
        message: `to: ${webhook.destination} needs \`auth.${key}\` (e.g. ${key}: "{{ secrets.${webhook.destination.toUpperCase().replace(/-/g, '_')}_${key.toUpperCase()} }}")`,
        place: webhook.place,
        field: `webhooks[${webhook.index}].auth`,
        webhook: webhook.name
      });
  return problems;
}
