// Reads typed values out of YAML nodes, recording each problem at the node's line and column.
import type { Problem, SourcePlace } from '../problems.js';
import type { NumberRule } from './fields.js';
import { placeInTemplate } from './template-place.js';
import type { Template, TemplateOrigin } from './types.js';
import {
  isAlias,
  isScalar,
  LinePositions,
  type YamlDocument,
  type YamlNode as Node,
  type YamlScalar as Scalar
} from './yaml-tree.js';

/** How much text aliases may add to a config file, read as often as the loader reads it. */
export const MAX_ALIAS_EXPANSION = 1024 * 1024;

/** Aliases of aliases multiply: reading stops at the alias that passes the limit. */
export class AliasExpansion extends Error {
  constructor(readonly place: SourcePlace) {
    super(
      `YAML aliases expand this file beyond ${MAX_ALIAS_EXPANSION / 1024 / 1024} MiB; write the repeated part fewer times`
    );
  }
}

export class NodeReader {
  readonly problems: Problem[] = [];
  private expandedByAliases = 0;
  protected readonly lines: LinePositions;
  private sourceLines?: string[];

  constructor(
    private readonly text: string,
    readonly file: string,
    protected readonly doc: YamlDocument
  ) {
    this.lines = new LinePositions(text);
  }

  /** Where each node of the JSON text held by a string scalar sits in the file. */
  placesInside(node: Scalar): (inner: Node) => { place: SourcePlace; origin: TemplateOrigin } {
    const lines = new LinePositions(String(node.value));
    return inner => {
      const start = lines.at(inner.start);
      const contentCol = start.col + (isScalar(inner) && inner.style === 'QUOTE_DOUBLE' ? 1 : 0);
      const place = this.innerPlace(node, start.line, contentCol);
      const origin: TemplateOrigin = this.isExact(node, start.line)
        ? { kind: 'inline', line: place.line, col: place.col }
        : { kind: 'node' };
      return { place, origin };
    };
  }

  isExact(outer: Scalar, innerLine: number): boolean {
    return outer.style === 'BLOCK_LITERAL' || (innerLine === 1 && outer.style === 'PLAIN');
  }

  /** Maps a line and column inside a string scalar's value to the file. */
  innerPlace(outer: Scalar, line: number, col: number): SourcePlace {
    const origin = this.scalarOrigin(outer);
    return placeInTemplate(this.place(outer), origin, line, col);
  }

  condition(node: Node, field: string, webhook: string | undefined): Template | undefined {
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

  template(node: Node, field: string, webhook: string | undefined): Template | undefined {
    if (isScalar(node) && typeof node.value === 'string') return this.scalarTemplate(node, field);
    this.report(node, field, 'must be a string', webhook);
    return undefined;
  }

  scalarTemplate(node: Scalar, field: string): Template {
    return {
      source: String(node.value),
      field,
      place: this.place(node),
      origin: this.scalarOrigin(node)
    };
  }

  scalarOrigin(node: Scalar): TemplateOrigin {
    const start = this.place(node);
    const raw = this.text.slice(node.start, node.end);
    if (node.style === 'BLOCK_LITERAL') {
      const firstLine = start.line + 1;
      // Split only here: most files have no block scalar.
      this.sourceLines ??= this.text.split(/\r?\n/);
      const content = this.sourceLines.slice(firstLine - 1).find(l => l.trim() !== '') ?? '';
      return { kind: 'block', firstLine, indent: content.length - content.trimStart().length };
    }
    if (raw.includes('\n')) return { kind: 'node' };
    if (node.style === 'PLAIN') return { kind: 'inline', line: start.line, col: start.col };
    if (node.style === 'QUOTE_SINGLE' || node.style === 'QUOTE_DOUBLE') {
      return raw.includes('\\') || raw.includes("''")
        ? { kind: 'node' }
        : { kind: 'inline', line: start.line, col: start.col + 1 };
    }
    return { kind: 'node' };
  }

  string(node: Node, field: string, webhook: string | undefined): string | undefined {
    if (isScalar(node) && typeof node.value === 'string' && node.value !== '') return node.value;
    this.report(node, field, 'must be a non-empty string', webhook);
    return undefined;
  }

  choice<T extends string>(
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

  boolean(node: Node, field: string, webhook: string | undefined): boolean | undefined {
    if (isScalar(node) && typeof node.value === 'boolean') return node.value;
    this.report(node, field, 'must be true or false', webhook);
    return undefined;
  }

  number(
    node: Node,
    field: string,
    webhook: string | undefined,
    rule: NumberRule
  ): number | undefined {
    if (isScalar(node) && typeof node.value === 'number' && rule.valid(node.value))
      return node.value;
    this.report(node, field, `must be ${rule.expected}`, webhook);
    return undefined;
  }

  /** An alias's target, counted toward the file's expanded size (SPEC §13). */
  resolve(node: Node | null | undefined): Node | undefined {
    if (!node) return undefined;
    if (!isAlias(node)) return node;
    const target = node.target;
    this.expandedByAliases += Math.max(1, target ? target.end - target.start : 0);
    if (this.expandedByAliases > MAX_ALIAS_EXPANSION) throw new AliasExpansion(this.place(node));
    return target;
  }

  place(node: Node | null | undefined): SourcePlace {
    const pos = this.lines.at(node?.start ?? 0);
    return { file: this.file, line: pos.line, col: pos.col };
  }

  report(
    node: Node | null | undefined,
    field: string | undefined,
    message: string,
    webhook?: string
  ) {
    this.problems.push({ message, place: this.place(node), field, webhook });
  }
}

export function firstLine(message: string): string {
  return message.split('\n')[0].replace(/ at line \d+, column \d+:?$/, '');
}
