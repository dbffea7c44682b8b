// Turns the text of webhooks.yml into typed webhook definitions, collecting every problem with
// the line and column of the node that causes it.
import { DEFAULT_EVENT, isKnownEvent, KNOWN_EVENTS, type EventName } from '../events.js';
import { UserError, type Problem } from '../problems.js';
import {
  NUMBER_RULES,
  SHARED_KEYS,
  TOP_LEVEL_KEYS,
  WEBHOOK_KEYS,
  type SharedKey
} from './fields.js';
import { AliasExpansion, firstLine, NodeReader } from './node-reader.js';
import { readAuth, readHeaders, readPayload } from './payload.js';
import { closestName } from './suggest.js';
import {
  DEFAULT_URLS,
  DESTINATION_NAMES,
  FORMATS,
  METHODS,
  SIGNATURE_SCHEMES,
  type DestinationName,
  type Format,
  type HeaderDefinition,
  type Method,
  type SignatureScheme,
  type Template,
  type WebhookDefinition,
  type WebhooksConfig
} from './types.js';
import { parseYaml } from './yaml-library.js';
import {
  isMap,
  isScalar,
  isSeq,
  pairOf,
  type YamlMap,
  type YamlNode as Node
} from './yaml-tree.js';

/** What one map (a webhook or `defaults`) says, before defaults are applied. */
interface Fields {
  name?: string;
  destination?: DestinationName;
  url?: Template;
  events?: EventName[];
  method?: Method;
  headers?: HeaderDefinition[];
  format?: Format;
  payload?: Node | null;
  payloadField?: string;
  when?: Template;
  enabled?: boolean;
  secret?: Template;
  signature?: SignatureScheme;
  timeout?: number;
  retries?: number;
  continueOnError?: boolean;
  update?: boolean;
  auth?: HeaderDefinition[];
}

export function loadConfig(text: string, file: string): WebhooksConfig {
  const { config, problems } = readConfig(text, file);
  if (problems.length > 0) throw new UserError(problems);
  return config;
}

/**
 * The webhooks that could be read, and the problems of the file. With problems, the config is
 * for checking the templates it has (all errors in one pass), never for sending.
 */
export function readConfig(
  text: string,
  file: string
): { config: WebhooksConfig; problems: Problem[] } {
  const reader = new ConfigReader(text, file, parseYaml(text));
  let webhooks: WebhookDefinition[] = [];
  try {
    webhooks = reader.read();
  } catch (error) {
    if (!(error instanceof AliasExpansion)) throw error;
    reader.problems.push({ message: error.message, place: error.place });
  }
  return { config: { file, webhooks }, problems: reader.problems };
}

class ConfigReader extends NodeReader {
  read(): WebhookDefinition[] {
    for (const problem of this.doc.problems) {
      this.problems.push({
        message: `invalid YAML: ${firstLine(problem.message)}`,
        place: { file: this.file, line: problem.line, col: problem.col }
      });
    }
    if (this.doc.problems.length > 0) return [];

    const root = this.resolve(this.doc.contents);
    if (!isMap(root)) {
      this.report(root, undefined, 'the file must be a map with a `webhooks` list');
      return [];
    }
    this.checkKeys(root, TOP_LEVEL_KEYS, '', undefined);

    const defaultsNode = this.resolve(pairOf(root, 'defaults')?.value);
    let defaults: Fields = {};
    if (defaultsNode && !isNullScalar(defaultsNode)) {
      if (isMap(defaultsNode))
        defaults = this.readFields(defaultsNode, 'defaults', undefined, true);
      else this.report(defaultsNode, 'defaults', 'must be a map of webhook keys');
    }

    const webhooksNode = this.resolve(pairOf(root, 'webhooks')?.value);
    if (!webhooksNode) {
      this.report(root, 'webhooks', 'is missing: list at least one webhook under `webhooks:`');
      return [];
    }
    if (!isSeq(webhooksNode)) {
      this.report(webhooksNode, 'webhooks', 'must be a list of webhooks');
      return [];
    }
    if (webhooksNode.items.length === 0) {
      this.report(webhooksNode, 'webhooks', 'is empty: list at least one webhook');
      return [];
    }

    const definitions: WebhookDefinition[] = [];
    const seenNames = new Map<string, number>();
    webhooksNode.items.forEach((item, index) => {
      const node = this.resolve(item as Node);
      const path = `webhooks[${index}]`;
      if (!isMap(node)) {
        this.report(node ?? webhooksNode, path, 'must be a map with at least a `url`');
        return;
      }
      const nameNode = this.resolve(pairOf(node, 'name')?.value);
      const explicitName = nameNode ? this.string(nameNode, `${path}.name`, undefined) : undefined;
      const name = explicitName ?? `webhook ${index + 1}`;
      const fields = this.readFields(node, path, name, false, defaults.destination);

      const earlier = seenNames.get(name);
      if (earlier !== undefined) {
        this.report(
          nameNode ?? node,
          `${path}.name`,
          `duplicate name "${name}" (also webhooks[${earlier}])`
        );
      } else {
        seenNames.set(name, index);
      }
      const fallback = DEFAULT_URLS[fields.destination ?? defaults.destination ?? 'http'];
      if (!fields.url && fallback && !pairOf(node, 'url'))
        fields.url = {
          source: fallback,
          field: `${path}.url`,
          place: this.place(node),
          origin: { kind: 'node' }
        };
      if (!fields.url) {
        if (!pairOf(node, 'url')) this.report(node, `${path}.url`, 'is required', name);
        return;
      }
      const definition = this.define(index, name, node, fields, defaults);
      if (definition) definitions.push(definition);
    });
    return definitions;
  }

  private define(
    index: number,
    name: string,
    node: YamlMap,
    own: Fields,
    defaults: Fields
  ): WebhookDefinition | undefined {
    const merged: Fields = { ...defaults, ...stripUndefined(own) };
    merged.headers = mergeHeaders(defaults.headers ?? [], own.headers ?? []);
    const format = merged.format ?? 'json';
    const payloadField =
      own.payload !== undefined ? own.payloadField : (defaults.payloadField ?? 'payload');
    const payload =
      merged.payload && !isNullScalar(merged.payload)
        ? readPayload(
            this,
            merged.payload,
            format,
            payloadField ?? `webhooks[${index}].payload`,
            name
          )
        : undefined;
    if (payload === null) return undefined;
    const method = merged.method ?? 'POST';
    const destination = merged.destination ?? 'http';
    if (destination !== 'http' && (method !== 'POST' || format !== 'json')) {
      this.report(
        node,
        `webhooks[${index}]`,
        `a webhook to ${destination} is a POST of JSON: remove \`method\` and \`format\``,
        name
      );
      return undefined;
    }
    if (payload?.kind === 'text' && (method === 'GET' || method === 'HEAD')) {
      this.report(
        merged.payload,
        payloadField,
        `a ${method} request has no body to carry a text payload; use format json or form for query parameters`,
        name
      );
      return undefined;
    }
    return {
      index,
      name,
      place: this.place(node),
      destination,
      events: merged.events ?? [DEFAULT_EVENT],
      method,
      url: merged.url as Template,
      headers: merged.headers,
      format,
      payload,
      payloadPlace: merged.payload ? this.place(merged.payload) : undefined,
      when: merged.when,
      enabled: merged.enabled ?? true,
      secret: merged.secret,
      signature: merged.signature ?? 'standard',
      timeout: merged.timeout,
      retries: merged.retries,
      continueOnError: merged.continueOnError ?? false,
      update: merged.update ?? false,
      auth: merged.auth ?? []
    };
  }

  private readFields(
    map: YamlMap,
    path: string,
    webhook: string | undefined,
    isDefaults: boolean,
    inheritedTo?: string
  ): Fields {
    const allowed = isDefaults ? SHARED_KEYS : WEBHOOK_KEYS;
    this.checkKeys(map, allowed, path, webhook, isDefaults ? ['name', 'url'] : []);
    const fields: Fields = {};
    for (const pair of map.pairs) {
      const key = isScalar(pair.key) ? String(pair.key.value) : undefined;
      if (!key || !(allowed as readonly string[]).includes(key)) continue;
      const value = this.resolve(pair.value as Node | null);
      const field = `${path}.${key}`;
      // Only a payload may be empty; `key:` with nothing after it is a mistake anywhere else.
      if (!value || (isScalar(value) && value.value === null)) {
        if (key !== 'payload' && key !== 'name')
          this.report(value ?? (pair.key as Node), field, 'has no value', webhook);
        continue;
      }
      if (key === 'url') fields.url = this.url(value, field, webhook, mailTarget(map, inheritedTo));
      else if (key !== 'name') this.readShared(key as SharedKey, value, field, webhook, fields);
    }
    return fields;
  }

  private readShared(
    key: SharedKey,
    value: Node,
    field: string,
    webhook: string | undefined,
    fields: Fields
  ) {
    switch (key) {
      case 'to':
        fields.destination = this.choice(value, field, webhook, DESTINATION_NAMES, s =>
          s.toLowerCase()
        );
        break;
      case 'event':
        fields.events = this.events(value, field, webhook);
        break;
      case 'method':
        fields.method = this.choice(value, field, webhook, METHODS, s => s.toUpperCase());
        break;
      case 'format':
        fields.format = this.choice(value, field, webhook, FORMATS, s => s.toLowerCase());
        break;
      case 'signature':
        fields.signature = this.choice(value, field, webhook, SIGNATURE_SCHEMES, s =>
          s.toLowerCase()
        );
        break;
      case 'headers':
        fields.headers = readHeaders(this, value, field, webhook);
        break;
      case 'payload':
        fields.payload = value;
        fields.payloadField = field;
        break;
      case 'when':
        fields.when = this.condition(value, field, webhook);
        break;
      case 'secret':
        fields.secret = this.template(value, field, webhook);
        break;
      case 'enabled':
        fields.enabled = this.boolean(value, field, webhook);
        break;
      case 'continue-on-error':
        fields.continueOnError = this.boolean(value, field, webhook);
        break;
      case 'update':
        fields.update = this.boolean(value, field, webhook);
        break;
      case 'auth':
        fields.auth = readAuth(this, value, field, webhook);
        break;
      case 'timeout':
        fields.timeout = this.number(value, field, webhook, NUMBER_RULES.timeout);
        break;
      case 'retries':
        fields.retries = this.number(value, field, webhook, NUMBER_RULES.retries);
        break;
    }
  }

  private checkKeys(
    map: YamlMap,
    allowed: readonly string[],
    path: string,
    webhook: string | undefined,
    forbidden: string[] = []
  ) {
    for (const pair of map.pairs) {
      const keyNode = pair.key as Node;
      const key = isScalar(keyNode) ? String(keyNode.value) : undefined;
      const field = path ? `${path}.${key ?? '?'}` : (key ?? '?');
      if (key === undefined) {
        this.report(keyNode, path || undefined, 'keys must be plain names', webhook);
      } else if (forbidden.includes(key)) {
        this.report(
          keyNode,
          field,
          `\`${key}\` cannot have a default; set it on each webhook`,
          webhook
        );
      } else if (!allowed.includes(key)) {
        const guess = closestName(key, allowed);
        const hint = guess ? `; did you mean \`${guess}\`?` : `; known keys: ${allowed.join(', ')}`;
        this.report(keyNode, field, `unknown key \`${key}\`${hint}`, webhook);
      }
    }
  }

  /** A URL without Liquid is checked here, with the rest of the file, not at render time. */
  private url(
    node: Node,
    field: string,
    webhook: string | undefined,
    mail: boolean
  ): Template | undefined {
    const template = this.template(node, field, webhook);
    if (!template || /[{}]/.test(template.source)) return template;
    const scheme = /^([a-z][a-z0-9+.-]*):/i.exec(template.source.trim())?.[1]?.toLowerCase();
    const schemes = mail ? ['smtp', 'smtps'] : ['http', 'https'];
    if (!schemes.includes(scheme ?? '')) {
      const found = scheme ? ` (found ${scheme}:)` : '';
      const wanted = mail
        ? 'an smtp: or smtps: URL (smtps://mail.example.com:465)'
        : 'an absolute http: or https: URL';
      this.report(node, field, `must be ${wanted}${found}`, webhook);
      return undefined;
    }
    return template;
  }

  private events(node: Node, field: string, webhook: string | undefined): EventName[] | undefined {
    const items = isSeq(node) ? node.items.map(item => this.resolve(item as Node)) : [node];
    if (items.length === 0) {
      this.report(node, field, 'lists no event', webhook);
      return undefined;
    }
    const events: EventName[] = [];
    items.forEach((item, i) => {
      const itemField = isSeq(node) ? `${field}[${i}]` : field;
      const name = this.string(item ?? node, itemField, webhook);
      if (name === undefined) return;
      if (isKnownEvent(name)) events.push(name);
      else
        this.report(
          item ?? node,
          itemField,
          `unknown event "${name}"; known events: ${KNOWN_EVENTS.join(', ')}`,
          webhook
        );
    });
    return events.length === items.length ? events : undefined;
  }
}

function mergeHeaders(defaults: HeaderDefinition[], own: HeaderDefinition[]): HeaderDefinition[] {
  const overridden = new Set(own.map(h => h.name.toLowerCase()));
  return [...defaults.filter(h => !overridden.has(h.name.toLowerCase())), ...own];
}

function stripUndefined(fields: Fields): Fields {
  return Object.fromEntries(Object.entries(fields).filter(([, v]) => v !== undefined)) as Fields;
}

function isNullScalar(node: Node): boolean {
  return isScalar(node) && node.value === null;
}

/** `to: email` in this map, or in `defaults` when the map has no `to`: its `url` is an SMTP server's. */
function mailTarget(map: YamlMap, inheritedTo: string | undefined): boolean {
  const to = pairOf(map, 'to')?.value;
  if (to === undefined || to === null) return inheritedTo === 'email';
  return isScalar(to) && String(to.value).toLowerCase() === 'email';
}
