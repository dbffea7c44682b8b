// Strict JSON validation of a string, with the line and column of the first syntax error.

export type JsonTextResult =
  { ok: true; value: unknown } | { ok: false; message: string; line: number; col: number };

export function parseJsonText(text: string): JsonTextResult {
  try {
    return { ok: true, value: JSON.parse(text) };
  } catch (error) {
    const message = (error as Error).message;
    const { line, col } = errorPosition(text, message);
    const reason = message
      .replace(/\s*in JSON at position \d+.*$/s, '')
      .replace(/\s*\(line \d+ column \d+\)$/, '')
      .replace(/, "[^]*" is not valid JSON$/, '');
    return { ok: false, message: `${reason} at line ${line}, column ${col}`, line, col };
  }
}

function errorPosition(text: string, message: string): { line: number; col: number } {
  const lineCol = /line (\d+) column (\d+)/.exec(message);
  if (lineCol) return { line: Number(lineCol[1]), col: Number(lineCol[2]) };
  const position = /at position (\d+)/.exec(message);
  const offset = position ? Number(position[1]) : text.length;
  const before = text.slice(0, offset).split('\n');
  return { line: before.length, col: before[before.length - 1].length + 1 };
}
