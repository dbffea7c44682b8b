// Why a receiver refused, in its own words (SPEC §7): a JSON body's `message`, `error`,
// `description`, `detail` (problem+json) or `msg` (Zulip), with Discord's `errors` field paths or
// a list of `errors` (Discourse); else the body's text. The caller masks it.

/** How much of a receiver's reason goes into `error`. */
export const REASON_LIMIT = 300;

export function answerReason(body: string): string {
  const text = body.trim();
  if (!text) return '';
  let reason = text;
  if (/^[{[]/.test(text)) {
    try {
      reason = jsonReason(JSON.parse(text)) ?? text;
    } catch {
      // Not JSON after all: the text is the reason.
    }
  }
  return cut(reason.replace(/\s+/g, ' '), REASON_LIMIT);
}

function jsonReason(value: unknown): string | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  const body = value as Record<string, unknown>;
  const said = [
    body.message,
    body.error,
    body.description,
    body.error_description,
    body.detail,
    body.msg
  ].find((field): field is string => typeof field === 'string' && field.trim() !== '');
  const nested =
    typeof body.error === 'object' && body.error !== null ? jsonReason(body.error) : undefined;
  const fields =
    Array.isArray(body.errors) && body.errors.every(error => typeof error === 'string')
      ? (body.errors as string[])
      : fieldErrors(body.errors);
  const parts = [said ?? nested, fields.length ? fields.join('; ') : undefined].filter(Boolean);
  return parts.length ? parts.join(': ') : undefined;
}

/**
 * Discord's `errors`: `{"embeds":{"0":{"description":{"_errors":[{"message":"…"}]}}}}` becomes
 * `embeds[0].description: …`.
 */
function fieldErrors(tree: unknown, path = ''): string[] {
  if (typeof tree !== 'object' || tree === null) return [];
  const found: string[] = [];
  for (const [key, inner] of Object.entries(tree)) {
    if (key === '_errors' && Array.isArray(inner)) {
      for (const error of inner) {
        const message = (error as { message?: unknown })?.message;
        if (typeof message === 'string') found.push(path ? `${path}: ${message}` : message);
      }
    } else {
      const step = /^\d+$/.test(key) ? `[${key}]` : path ? `.${key}` : key;
      found.push(...fieldErrors(inner, `${path}${step}`));
    }
  }
  return found;
}

function cut(text: string, limit: number): string {
  return text.length <= limit ? text : `${text.slice(0, limit - 1)}…`;
}
