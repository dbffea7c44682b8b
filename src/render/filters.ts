// The filters we add to standard Liquid, as plain functions.
import { humanSize } from '../context/human-size.js';

/** JSON text of a value: `{{ version.changes | json }}` embeds safely in JSON-like text. */
export function json(value: unknown): string {
  return JSON.stringify(value ?? null);
}

/** Bytes as Rails' number_to_human_size writes them; empty for anything that is not a size. */
export function human_size(value: unknown): string {
  const bytes = typeof value === 'string' && value.trim() !== '' ? Number(value) : value;
  return typeof bytes === 'number' && Number.isFinite(bytes) && bytes >= 0 ? humanSize(bytes) : '';
}
