// Turns the text of webhooks.yml into typed webhook definitions, collecting every problem with
// the line and column of the node that causes it.
import {
  isAlias,
  isMap,
  isScalar,
  isSeq,
  LineCounter,
  parseDocument,
  Scalar,
  type Document,
  type Node,
  type YAMLMap
} from 'yaml';
import { DEFAULT_EVENT, isKnownEvent, KNOWN_EVENTS, type EventName } from '../events.js';
import { UserError, type Problem, type SourcePlace } from '../problems.js';
import { parseJsonText } from './json-text.js';
import { closestName } from './suggest.js';
import {
  FORMATS,
  METHODS,
  SIGNATURE_SCHEMES,
  type Format,
  type HeaderDefinition,
  type Method,
  type Payload,
  type PayloadTree,
  type SignatureScheme,
  type Template,
  type TemplateOrigin,
  type WebhookDefinition,
  type WebhooksConfig
} from './types.js';

const SHARED_KEYS = [
  'event',
  'method',
  'headers',
  'format',
  'payload',
  'when',
  'enabled',
  'secret',
  'signature',
  'timeout',
  'retries',
  'continue-on-error'
] as const;
const WEBHOOK_KEYS = ['name', 'url', ...SHARED_KEYS] as const;
const TOP_LEVEL_KEYS = ['defaults', 'webhooks'] as const;

type SharedKey = (typeof SHARED_KEYS)[number];

/** What one map (a webhook or `defaults`) says, before defaults are applied. */
interface Fields {
  name?: string;
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
}

// RFC 9110 token characters.
const HEADER_NAME = /^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/;

export function loadConfig(text: string, file: string): WebhooksConfig {
  const reader = new ConfigReader(text, file);
  const webhooks = reader.read();
  if (reader.problems.length > 0) throw new UserError(reader.problems);
  return { file, webhooks };
}

class ConfigReader {
  readonly problems: Problem[] = [];
  private readonly lines = new LineCounter();
  private readonly doc: Document;
  private readonly sourceLines: string[];

  constructor(
    private readonly text: string,
    private readonly file: string
  ) {
    this.doc = parseDocument(text, {
      lineCounter: this.lines,
      uniqueKeys: true,
      prettyErrors: true
    });
    this.sourceLines = text.split(/\r?\n/);
  }

  read(): WebhookDefinition[] {
    for (const error of this.doc.errors) {
      const [start] = error.linePos ?? [{ line: 1, col: 1 }];
      this.problems.push({
        message: `invalid YAML: ${firstLine(error.message)}`,
        place: { file: this.file, line: start.line, col: start.col }
      });
    }
    if (this.doc.errors.length > 0) return [];

    const root = this.resolve(this.doc.contents);
    if (!isMap(root)) {
      this.report(root, undefined, 'the file must be a map with a `webhooks` list');
      return [];
    }
    this.checkKeys(root, TOP_LEVEL_KEYS, '', undefined);

    const defaultsNode = this.resolve(root.get('defaults', true) as Node | undefined);
    let defaults: Fields = {};
    if (defaultsNode && !isNullScalar(defaultsNode)) {
      if (isMap(defaultsNode))
        defaults = this.readFields(defaultsNode, 'defaults', undefined, true);
      else this.report(defaultsNode, 'defaults', 'must be a map of webhook keys');
    }

    const webhooksNode = this.resolve(root.get('webhooks', true) as Node | undefined);
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
      const nameNode = this.resolve(node.get('name', true) as Node | undefined);
      const explicitName = nameNode ? this.string(nameNode, `${path}.name`, undefined) : undefined;
      const name = explicitName ?? `webhook ${index + 1}`;
      const fields = this.readFields(node, path, name, false);

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
      if (!fields.url) {
        if (!node.has('url')) this.report(node, `${path}.url`, 'is required', name);
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
    node: YAMLMap,
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
        ? this.payload(merged.payload, format, payloadField ?? `webhooks[${index}].payload`, name)
        : undefined;
    if (payload === null) return undefined;
    return {
      index,
      name,
      place: this.place(node),
      events: merged.events ?? [DEFAULT_EVENT],
      method: merged.method ?? 'POST',
      url: merged.url as Template,
      headers: merged.headers,
      format,
      payload,
      when: merged.when,
      enabled: merged.enabled ?? true,
      secret: merged.secret,
      signature: merged.signature ?? 'standard',
      timeout: merged.timeout,
      retries: merged.retries,
      continueOnError: merged.continueOnError ?? false
    };
  }

  private readFields(
    map: YAMLMap,
    path: string,
    webhook: string | undefined,
    isDefaults: boolean
  ): Fields {
    const allowed = isDefaults ? SHARED_KEYS : WEBHOOK_KEYS;
    this.checkKeys(map, allowed, path, webhook, isDefaults ? ['name', 'url'] : []);
    const fields: Fields = {};
    for (const pair of map.items) {
      const key = isScalar(pair.key) ? String(pair.key.value) : undefined;
      if (!key || !(allowed as readonly string[]).includes(key)) continue;
      const value = this.resolve(pair.value as Node | null) ?? (pair.key as Node);
      const field = `${path}.${key}`;
      if (key === 'url') fields.url = this.template(value, field, webhook);
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
        fields.headers = this.headers(value, field, webhook);
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
      case 'timeout':
        fields.timeout = this.number(
          value,
          field,
          webhook,
          n => n > 0,
          'a number of seconds above 0'
        );
        break;
      case 'retries':
        fields.retries = this.number(
          value,
          field,
          webhook,
          n => Number.isInteger(n) && n >= 0 && n <= 10,
          'a whole number from 0 to 10'
        );
        break;
    }
  }

  private checkKeys(
    map: YAMLMap,
    allowed: readonly string[],
    path: string,
    webhook: string | undefined,
    forbidden: string[] = []
  ) {
    for (const pair of map.items) {
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

  private headers(
    node: Node,
    field: string,
    webhook: string | undefined
  ): HeaderDefinition[] | undefined {
    if (isScalar(node) && typeof node.value === 'string') {
      const parsed = parseJsonText(node.value);
      if (!parsed.ok) {
        this.report(node, field, `must be a JSON object: ${parsed.message}`, webhook);
        return undefined;
      }
      const inner = this.innerDocument(node, field, webhook);
      if (!inner || !isMap(inner.contents)) {
        this.report(node, field, 'must be a JSON object of header names and values', webhook);
        return undefined;
      }
      return this.headerMap(inner.contents, field, webhook, inner.placeOf);
    }
    if (!isMap(node)) {
      this.report(
        node,
        field,
        'must be a map of header names to values, or a JSON object as a string',
        webhook
      );
      return undefined;
    }
    return this.headerMap(node, field, webhook);
  }

  private headerMap(
    map: YAMLMap,
    field: string,
    webhook: string | undefined,
    placeOf?: (node: Node) => { place: SourcePlace; origin: TemplateOrigin }
  ): HeaderDefinition[] {
    const headers: HeaderDefinition[] = [];
    for (const pair of map.items) {
      const keyNode = pair.key as Node;
      const name = isScalar(keyNode) ? String(keyNode.value) : '';
      const headerField = `${field}.${name}`;
      const where = placeOf ? placeOf(keyNode).place : this.place(keyNode);
      if (!HEADER_NAME.test(name)) {
        this.problems.push({
          message: `"${name}" is not a valid header name`,
          place: where,
          field: headerField,
          webhook
        });
        continue;
      }
      const valueNode = this.resolve(pair.value as Node | null);
      if (!isScalar(valueNode) || valueNode.value === null || typeof valueNode.value === 'object') {
        this.problems.push({
          message: 'must be a text value',
          place: valueNode && placeOf ? placeOf(valueNode).place : this.place(valueNode ?? keyNode),
          field: headerField,
          webhook
        });
        continue;
      }
      const located = placeOf ? placeOf(valueNode) : undefined;
      headers.push({
        name,
        value: located
          ? { source: String(valueNode.value), field: headerField, ...located }
          : this.scalarTemplate(valueNode, headerField)
      });
    }
    return headers;
  }

  /**
   * `null` when the payload is unusable (its problems are recorded); PatchKit-style JSON text is
   * parsed here so that each of its strings becomes a template with its own position.
   */
  private payload(
    node: Node,
    format: Format,
    field: string,
    webhook: string
  ): Payload | undefined | null {
    if (format === 'text') {
      if (isScalar(node) && typeof node.value === 'string')
        return { kind: 'text', template: this.scalarTemplate(node, field) };
      this.report(
        node,
        field,
        'with `format: text` the payload must be a string (the body template)',
        webhook
      );
      return null;
    }
    if (isScalar(node) && typeof node.value === 'string') {
      const parsed = parseJsonText(node.value);
      if (!parsed.ok) {
        const place = this.innerPlace(node, parsed.line, parsed.col);
        this.problems.push({
          message: `a payload written as a string must be JSON (${parsed.message}); or write it as a YAML map`,
          place,
          field,
          webhook
        });
        return null;
      }
      const inner = this.innerDocument(node, field, webhook);
      if (!inner) return null;
      return {
        kind: 'structured',
        tree: this.payloadTree(inner.contents, field, webhook, inner.placeOf)
      };
    }
    if (isScalar(node)) {
      this.report(node, field, 'must be a map, a list, or a JSON text', webhook);
      return null;
    }
    return { kind: 'structured', tree: this.payloadTree(node, field, webhook) };
  }

  private payloadTree(
    node: Node | null,
    field: string,
    webhook: string,
    placeOf?: (node: Node) => { place: SourcePlace; origin: TemplateOrigin }
  ): PayloadTree {
    const resolved = this.resolve(node);
    if (isMap(resolved)) {
      const entries: Array<[string, PayloadTree]> = [];
      for (const pair of resolved.items) {
        const key = isScalar(pair.key) ? String(pair.key.value) : '';
        if (!isScalar(pair.key)) {
          this.report(pair.key as Node, field, 'payload keys must be plain text', webhook);
          continue;
        }
        entries.push([
          key,
          this.payloadTree(pair.value as Node | null, `${field}.${key}`, webhook, placeOf)
        ]);
      }
      return { kind: 'map', entries };
    }
    if (isSeq(resolved)) {
      return {
        kind: 'list',
        items: resolved.items.map((item, i) =>
          this.payloadTree(item as Node | null, `${field}[${i}]`, webhook, placeOf)
        )
      };
    }
    if (isScalar(resolved) && typeof resolved.value === 'string') {
      const template: Template = placeOf
        ? { source: resolved.value, field, ...placeOf(resolved) }
        : this.scalarTemplate(resolved, field);
      return { kind: 'template', template };
    }
    const value = isScalar(resolved) ? resolved.value : null;
    if (value === null || typeof value === 'boolean' || typeof value === 'number')
      return { kind: 'literal', value };
    if (typeof value === 'bigint') return { kind: 'literal', value: Number(value) };
    this.report(resolved ?? null, field, 'unsupported value in payload', webhook);
    return { kind: 'literal', value: null };
  }

  /** Parses the JSON text held by a string scalar, keeping positions that point into the file. */
  private innerDocument(node: Scalar, field: string, webhook: string | undefined) {
    const lines = new LineCounter();
    const doc = parseDocument(String(node.value), { lineCounter: lines, uniqueKeys: false });
    if (doc.errors.length > 0) {
      this.report(
        node,
        field,
        `could not read the JSON text: ${firstLine(doc.errors[0].message)}`,
        webhook
      );
      return undefined;
    }
    const placeOf = (inner: Node) => {
      const start = lines.linePos(inner.range?.[0] ?? 0);
      const quoted =
        isScalar(inner) && (inner.type === 'QUOTE_DOUBLE' || inner.type === 'QUOTE_SINGLE');
      const contentCol = start.col + (quoted ? 1 : 0);
      const place = this.innerPlace(node, start.line, contentCol);
      const origin: TemplateOrigin = this.isExact(node, start.line)
        ? { kind: 'inline', line: place.line, col: place.col }
        : { kind: 'node' };
      return { place, origin };
    };
    return { contents: doc.contents as Node | null, placeOf };
  }

  private isExact(outer: Scalar, innerLine: number): boolean {
    return outer.type === 'BLOCK_LITERAL' || (innerLine === 1 && outer.type === 'PLAIN');
  }

  /** Maps a line and column inside a string scalar's value to the file. */
  private innerPlace(outer: Scalar, line: number, col: number): SourcePlace {
    const origin = this.scalarOrigin(outer);
    return placeInTemplate(this.place(outer), origin, line, col);
  }

  private condition(node: Node, field: string, webhook: string | undefined): Template | undefined {
    if (isScalar(node) && typeof node.value === 'boolean') {
      return {
        source: String(node.value),
        field,
        place: this.place(node),
        origin: { kind: 'node' }
      };
    }
    return this.template(node, field, webhook);
  }

  private template(node: Node, field: string, webhook: string | undefined): Template | undefined {
    if (isScalar(node) && typeof node.value === 'string') return this.scalarTemplate(node, field);
    this.report(node, field, 'must be a string', webhook);
    return undefined;
  }

  private scalarTemplate(node: Scalar, field: string): Template {
    return {
      source: String(node.value),
      field,
      place: this.place(node),
      origin: this.scalarOrigin(node)
    };
  }

  private scalarOrigin(node: Scalar): TemplateOrigin {
    const start = this.place(node);
    const [from, to] = node.range ?? [0, 0];
    const raw = this.text.slice(from, to);
    if (node.type === 'BLOCK_LITERAL') {
      const firstLine = start.line + 1;
      const content = this.sourceLines.slice(firstLine - 1).find(l => l.trim() !== '') ?? '';
      return { kind: 'block', firstLine, indent: content.length - content.trimStart().length };
    }
    if (raw.includes('\n')) return { kind: 'node' };
    if (node.type === 'PLAIN') return { kind: 'inline', line: start.line, col: start.col };
    if (node.type === 'QUOTE_SINGLE' || node.type === 'QUOTE_DOUBLE') {
      return raw.includes('\\') || raw.includes("''")
        ? { kind: 'node' }
        : { kind: 'inline', line: start.line, col: start.col + 1 };
    }
    return { kind: 'node' };
  }

  private string(node: Node, field: string, webhook: string | undefined): string | undefined {
    if (isScalar(node) && typeof node.value === 'string' && node.value !== '') return node.value;
    this.report(node, field, 'must be a non-empty string', webhook);
    return undefined;
  }

  private choice<T extends string>(
    node: Node,
    field: string,
    webhook: string | undefined,
    allowed: readonly T[],
    normalise: (s: string) => string
  ): T | undefined {
    const text =
      isScalar(node) && typeof node.value === 'string' ? normalise(node.value) : undefined;
    if (text !== undefined && (allowed as readonly string[]).includes(text)) return text as T;
    const shown = isScalar(node) ? JSON.stringify(node.value) : 'this value';
    this.report(node, field, `${shown} is not one of ${allowed.join(', ')}`, webhook);
    return undefined;
  }

  private boolean(node: Node, field: string, webhook: string | undefined): boolean | undefined {
    if (isScalar(node) && typeof node.value === 'boolean') return node.value;
    this.report(node, field, 'must be true or false', webhook);
    return undefined;
  }

  private number(
    node: Node,
    field: string,
    webhook: string | undefined,
    valid: (n: number) => boolean,
    expected: string
  ): number | undefined {
    if (isScalar(node) && typeof node.value === 'number' && valid(node.value)) return node.value;
    this.report(node, field, `must be ${expected}`, webhook);
    return undefined;
  }

  private resolve(node: Node | null | undefined): Node | undefined {
    if (!node) return undefined;
    return isAlias(node) ? (node.resolve(this.doc) as Node | undefined) : node;
  }

  private place(node: Node | null | undefined): SourcePlace {
    const pos = this.lines.linePos(node?.range?.[0] ?? 0);
    return { file: this.file, line: pos.line, col: pos.col };
  }

  private report(
    node: Node | null | undefined,
    field: string | undefined,
    message: string,
    webhook?: string
  ) {
    this.problems.push({ message, place: this.place(node), field, webhook });
  }
}

/** The file position of line/col (1-based) inside a template. */
export function placeInTemplate(
  place: SourcePlace,
  origin: TemplateOrigin,
  line: number,
  col: number
): SourcePlace {
  if (origin.kind === 'block')
    return { file: place.file, line: origin.firstLine + line - 1, col: origin.indent + col };
  if (origin.kind === 'inline' && line === 1)
    return { file: place.file, line: origin.line, col: origin.col + col - 1 };
  return place;
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

function firstLine(message: string): string {
  return message.split('\n')[0].replace(/ at line \d+, column \d+:?$/, '');
}
