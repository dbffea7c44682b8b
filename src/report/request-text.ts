// A request written out the way it goes on the wire, secrets masked.
import type { AttemptRequest } from '../deliver/attempt.js';
import type { SecretMasker } from '../secrets.js';

export function requestText(request: AttemptRequest, masker: SecretMasker): string {
  const lines = [`${request.method} ${masker.mask(request.url)}`];
  for (const [name, value] of request.headers)
    lines.push(`${name}: ${masker.maskHeader(name, value)}`);
  if (request.body !== undefined) lines.push('', masker.mask(prettyBody(request)));
  return lines.join('\n');
}

/** JSON bodies are shown indented for reading; the bytes sent stay compact. */
function prettyBody(request: AttemptRequest): string {
  const type = request.headers.find(([n]) => n.toLowerCase() === 'content-type')?.[1] ?? '';
  if (!/json/i.test(type)) return request.body ?? '';
  try {
    return JSON.stringify(JSON.parse(request.body ?? ''), null, 2);
  } catch {
    return request.body ?? '';
  }
}
