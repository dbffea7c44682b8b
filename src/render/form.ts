// application/x-www-form-urlencoded with Rails-style nesting: a[b]=1, list[]=x.
import { isPayloadMap } from './json.js';

export function formEncode(value: unknown): string {
  const params = new URLSearchParams();
  if (isPayloadMap(value)) {
    for (const [key, inner] of Object.entries(value)) appendField(params, key, inner);
  } else if (Array.isArray(value)) {
    for (const inner of value) appendField(params, '', inner);
  } else if (value !== undefined && value !== null) {
    params.append('', scalarText(value));
  }
  return params.toString();
}

function appendField(params: URLSearchParams, key: string, value: unknown) {
  if (Array.isArray(value)) {
    if (value.length === 0) params.append(`${key}[]`, '');
    for (const item of value) appendField(params, `${key}[]`, item);
  } else if (isPayloadMap(value)) {
    for (const [inner, innerValue] of Object.entries(value))
      appendField(params, `${key}[${inner}]`, innerValue);
  } else {
    params.append(key, scalarText(value));
  }
}

function scalarText(value: unknown): string {
  return value === null || value === undefined ? '' : String(value);
}
