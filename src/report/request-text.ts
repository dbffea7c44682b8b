// A request written out the way it goes on the wire, secrets masked.
import type { OutgoingRequest } from '../net/exchange.js';
import { indentJson } from '../render/json.js';
import type { SecretMasker } from '../secrets.js';
import { cutText, LOG_BODY_LIMIT } from './cut.js';

/** `request` is the shown form: values read from secrets are `***` already. */
export function requestText(request: OutgoingRequest, masker: SecretMasker): string {
  const lines = [`${request.method} ${masker.mask(request.url)}`];
  for (const [name, value] of request.headers)
    lines.push(`${name}: ${masker.maskHeader(name, value)}`);
  if (request.body !== undefined)
    lines.push('', cutText(masker.mask(readableBody(request)), LOG_BODY_LIMIT));
  return lines.join('\n');
}

/** JSON bodies are shown indented for reading (numbers untouched); the bytes sent stay compact. */
function readableBody(request: OutgoingRequest): string {
  const type = request.headers.find(([n]) => n.toLowerCase() === 'content-type')?.[1] ?? '';
  const body = request.body ?? '';
  return /json/i.test(type) && /^[[{]/.test(body) ? indentJson(body) : body;
}
