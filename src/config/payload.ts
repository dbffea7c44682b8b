// Headers and payloads: maps, lists, and JSON given as text (PatchKit Panel's way), each string
// becoming a template that knows its place in the file.
import type { SourcePlace } from '../problems.js';
import { HEADER_NAME } from './fields.js';
import { parseJsonText } from './json-text.js';
import type { NodeReader } from './node-reader.js';
import type {
  Format,
  HeaderDefinition,
  Payload,
  PayloadTree,
  Template,
  TemplateOrigin
} from './types.js';
import {
  isMap,
  isScalar,
  isSeq,
  type YamlMap,
  type YamlNode as Node,
  type YamlScalar as Scalar
} from './yaml-tree.js';

/** Where a node inside JSON text sits in the file (see NodeReader.placesInside). */
type PlaceOf = (node: Node) => { place: SourcePlace; origin: TemplateOrigin };

/** A scalar as a template: placed in the file, or inside JSON text by `placeOf`. */
function templateOf(reader: NodeReader, node: Scalar, field: string, placeOf?: PlaceOf): Template {
  return placeOf
    ? { source: String(node.value), field, ...placeOf(node) }
    : reader.scalarTemplate(node, field);
}

export function readHeaders(
  reader: NodeReader,
  node: Node,
  field: string,
  webhook: string | undefined
): HeaderDefinition[] | undefined {
  if (isScalar(node) && typeof node.value === 'string') {
    const parsed = parseJsonText(node.value);
    if (!parsed.ok) {
      reader.report(node, field, `must be a JSON object: ${parsed.message}`, webhook);
      return undefined;
    }
    if (!isMap(parsed.tree)) {
      reader.report(node, field, 'must be a JSON object of header names and values', webhook);
      return undefined;
    }
    return headerMap(reader, parsed.tree, field, webhook, reader.placesInside(node));
  }
  if (!isMap(node)) {
    reader.report(
      node,
      field,
      'must be a map of header names to values, or a JSON object as a string',
      webhook
    );
    return undefined;
  }
  return headerMap(reader, node, field, webhook);
}

/** `auth`: a map of credential names (§14) to templates, every value a secret. */
export function readAuth(
  reader: NodeReader,
  node: Node,
  field: string,
  webhook: string | undefined
): HeaderDefinition[] | undefined {
  if (!isMap(node)) {
    reader.report(
      node,
      field,
      'must be a map of names to values, e.g. token: "{{ secrets.TOKEN }}"',
      webhook
    );
    return undefined;
  }
  return headerMap(reader, node, field, webhook, undefined, AUTH_NAME);
}

const AUTH_NAME = { pattern: /^[A-Za-z_][A-Za-z0-9_]*$/, what: 'an auth key' };

function headerMap(
  reader: NodeReader,
  map: YamlMap,
  field: string,
  webhook: string | undefined,
  placeOf?: PlaceOf,
  names = { pattern: HEADER_NAME, what: 'a valid header name' }
): HeaderDefinition[] {
  const headers: HeaderDefinition[] = [];
  for (const pair of map.pairs) {
    const keyNode = pair.key as Node;
    const name = isScalar(keyNode) ? String(keyNode.value) : '';
    const headerField = `${field}.${name}`;
    const where = placeOf ? placeOf(keyNode).place : reader.place(keyNode);
    if (!names.pattern.test(name)) {
      reader.problems.push({
        message: `"${name}" is not ${names.what}`,
        place: where,
        field: headerField,
        webhook
      });
      continue;
    }
    const valueNode = reader.resolve(pair.value as Node | null);
    if (!isScalar(valueNode) || valueNode.value === null || typeof valueNode.value === 'object') {
      reader.problems.push({
        message: 'must be a text value',
        place: valueNode && placeOf ? placeOf(valueNode).place : reader.place(valueNode ?? keyNode),
        field: headerField,
        webhook
      });
      continue;
    }
    headers.push({ name, value: templateOf(reader, valueNode, headerField, placeOf) });
  }
  return headers;
}

/**
 * `null` when the payload is unusable (its problems are recorded); PatchKit-style JSON text is
 * parsed here so that each of its strings becomes a template with its own position.
 */
export function readPayload(
  reader: NodeReader,
  node: Node,
  format: Format,
  field: string,
  webhook: string
): Payload | undefined | null {
  if (format === 'text') {
    if (isScalar(node) && typeof node.value === 'string')
      return { kind: 'text', template: reader.scalarTemplate(node, field) };
    reader.report(
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
      const place = reader.innerPlace(node, parsed.line, parsed.col);
      reader.problems.push({
        message: `a payload written as a string must be JSON (${parsed.message}); or write it as a YAML map`,
        place,
        field,
        webhook
      });
      return null;
    }
    return {
      kind: 'structured',
      tree: payloadTree(reader, parsed.tree, field, webhook, reader.placesInside(node))
    };
  }
  if (isScalar(node)) {
    reader.report(node, field, 'must be a map, a list, or a JSON text', webhook);
    return null;
  }
  return { kind: 'structured', tree: payloadTree(reader, node, field, webhook) };
}

function payloadTree(
  reader: NodeReader,
  node: Node | null,
  field: string,
  webhook: string,
  placeOf?: PlaceOf
): PayloadTree {
  const resolved = reader.resolve(node);
  if (isMap(resolved)) {
    const entries: Array<[string, PayloadTree]> = [];
    for (const pair of resolved.pairs) {
      const key = isScalar(pair.key) ? String(pair.key.value) : '';
      if (!isScalar(pair.key)) {
        reader.report(pair.key as Node, field, 'payload keys must be plain text', webhook);
        continue;
      }
      entries.push([
        key,
        payloadTree(reader, pair.value as Node | null, `${field}.${key}`, webhook, placeOf)
      ]);
    }
    return { kind: 'map', entries };
  }
  if (isSeq(resolved)) {
    return {
      kind: 'list',
      items: resolved.items.map((item, i) =>
        payloadTree(reader, item as Node | null, `${field}[${i}]`, webhook, placeOf)
      )
    };
  }
  if (isScalar(resolved) && typeof resolved.value === 'string') {
    return { kind: 'template', template: templateOf(reader, resolved, field, placeOf) };
  }
  const value = isScalar(resolved) ? resolved.value : null;
  if (value === null || typeof value === 'boolean') return { kind: 'literal', value };
  if (typeof value === 'number') {
    const text = numberText(resolved as Scalar);
    if (text !== undefined) return { kind: 'number', text };
    const where = placeOf ? placeOf(resolved as Scalar).place : reader.place(resolved);
    reader.problems.push({
      message: `${(resolved as Scalar).source} is not a number JSON can carry; quote it to send it as text`,
      place: where,
      field,
      webhook
    });
    return { kind: 'literal', value: null };
  }
  reader.report(resolved ?? null, field, 'unsupported value in payload', webhook);
  return { kind: 'literal', value: null };
}

const JSON_NUMBER = /^-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?$/;

/** The number as written when JSON can carry it so; else its value's digits; none for ±∞, NaN. */
function numberText(node: Scalar): string | undefined {
  if (JSON_NUMBER.test(node.source)) return node.source;
  const value = node.value as number;
  return Number.isFinite(value) ? String(value) : undefined;
}
