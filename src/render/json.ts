// JSON text of rendered payloads. Numbers from the config keep the digits they were written with:
// JSON.stringify would round an integer beyond 2^53 (a Discord id) to a different one.

/** A number as written in the config, sent as those characters. */
export class NumberText {
  constructor(readonly text: string) {}

  /** Liquid filters and JSON.stringify see the number's value. */
  valueOf(): number {
    return Number(this.text);
  }
  toJSON(): number {
    return Number(this.text);
  }
  toString(): string {
    return this.text;
  }
}

/** A map of a payload: an object that is neither a list nor a number as written. */
export function isPayloadMap(value: unknown): value is Record<string, unknown> {
  return (
    typeof value === 'object' &&
    value !== null &&
    !Array.isArray(value) &&
    !(value instanceof NumberText)
  );
}

export function jsonText(value: unknown): string {
  if (value instanceof NumberText) return value.text;
  if (value === null || value === undefined) return 'null';
  if (Array.isArray(value)) return `[${value.map(jsonText).join(',')}]`;
  if (typeof value === 'object') {
    const members = Object.entries(value)
      .filter(([, inner]) => inner !== undefined)
      .map(([key, inner]) => `${JSON.stringify(key)}:${jsonText(inner)}`);
    return `{${members.join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}

/** Compact JSON text indented for reading, without parsing it (so no number changes). */
export function indentJson(text: string, indent = '  '): string {
  let output = '';
  let depth = 0;
  let inString = false;
  const newline = () => `\n${indent.repeat(depth)}`;
  for (let i = 0; i < text.length; i++) {
    const char = text[i];
    if (inString) {
      output += char;
      if (char === '\\') output += text[++i] ?? '';
      else if (char === '"') inString = false;
      continue;
    }
    if (char === '"') {
      inString = true;
      output += char;
    } else if (char === '{' || char === '[') {
      const close = char === '{' ? '}' : ']';
      if (text[i + 1] === close) {
        output += char + close;
        i++;
      } else {
        depth++;
        output += char + newline();
      }
    } else if (char === '}' || char === ']') {
      depth--;
      output += newline() + char;
    } else if (char === ',') {
      output += `,${newline()}`;
    } else if (char === ':') {
      output += ': ';
    } else if (char.trim() !== '') {
      output += char;
    }
  }
  return output;
}
