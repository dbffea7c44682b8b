// Rails' number_to_human_size with its defaults, so that sizes read as PatchKit Panel writes them.

const UNITS = ['KB', 'MB', 'GB', 'TB', 'PB', 'EB'];
const BASE = 1024;

export function humanSize(bytes: number): string {
  const count = Math.trunc(bytes);
  if (count < BASE) return `${count} ${count === 1 ? 'Byte' : 'Bytes'}`;
  // Rails computes the unit this way, float logarithm included; keep its results to the letter.
  const exponent = Math.min(Math.trunc(Math.log(count) / Math.log(BASE)), UNITS.length);
  const scaled = count / BASE ** exponent;
  return `${formatSignificant(scaled, 3)} ${UNITS[exponent - 1]}`;
}

/** `precision` significant digits, half up, insignificant zeros stripped ("1.50" → "1.5"). */
function formatSignificant(value: number, precision: number): string {
  return String(Number(value.toPrecision(precision)));
}

/** A byte count written as text: a whole number, 0 or more; undefined otherwise. */
export function parseByteCount(text: string): number | undefined {
  const trimmed = text.trim();
  return /^\d+$/.test(trimmed) && Number.isSafeInteger(Number(trimmed))
    ? Number(trimmed)
    : undefined;
}
