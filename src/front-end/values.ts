// How the action's inputs and the CLI's options read values: one parser each of booleans,
// numbers, lists and JSON objects, so both front ends accept the same words.
import type { NumberRule } from '../config/fields.js';

/** `true yes on` / `false no off`, any case; undefined for anything else. */
export function parseBoolean(raw: string): boolean | undefined {
  if (/^(true|yes|on)$/i.test(raw.trim())) return true;
  if (/^(false|no|off)$/i.test(raw.trim())) return false;
  return undefined;
}

/** A number the rule accepts; undefined for anything else. */
export function parseNumber(raw: string, rule: NumberRule): number | undefined {
  const value = Number(raw.trim());
  return raw.trim() !== '' && Number.isFinite(value) && rule.valid(value) ? value : undefined;
}

/**
 * A list: one item a line when the value has a line break (a YAML `|` block), else
 * comma-separated, so that `Store, EU` on a line of its own names one webhook. Items trimmed,
 * empties dropped.
 */
export function list(raw: string): string[] {
  return raw
    .split(raw.includes('\n') ? /\r?\n/ : ',')
    .map(item => item.trim())
    .filter(Boolean);
}

/** Secrets and vars as templates see them: strings as they are, anything else as JSON text. */
export function textValues(object: object): Record<string, string> {
  return Object.fromEntries(
    Object.entries(object).map(([key, value]) => [
      key,
      typeof value === 'string' ? value : JSON.stringify(value)
    ])
  );
}
