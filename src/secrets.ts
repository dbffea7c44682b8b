// Every secret value and the forms it takes on the way out (URL, form, JSON). Masking works on
// values before they are serialised or reformatted (SPEC §8): `maskValue` for a value that may be
// a secret whole, `mask` for free text, `maskDeep` for a structure about to become JSON.

import { percentDecoded } from './http-facts.js';
import { isSecretPlaceholder } from './placeholder.js';

const MASK = '***';
const SECRET_HEADER = /^(authorization|proxy-authorization|cookie|.*-token|.*-key)$/i;
/** Shorter secrets (`1`, `e`, `true`) cannot be replaced inside free text without mangling it. */
export const SHORTEST_MASKED_IN_TEXT = 4;

export class SecretMasker {
  private readonly forms = new Set<string>();
  private readonly whole = new Set<string>();
  private pattern: RegExp | undefined;

  /**
   * Records a secret; returns the forms not seen before, for the runner to mask too. A short
   * secret returns none: it is masked only where a whole value equals it.
   */
  add(value: string): string[] {
    if (value.trim() === '' || isSecretPlaceholder(value)) return [];
    this.whole.add(value);
    if (!isMaskableInText(value)) return [];
    const added: string[] = [];
    for (const form of encodedForms(value)) {
      if (!isMaskableInText(form) || isSecretPlaceholder(form) || this.forms.has(form)) continue;
      this.forms.add(form);
      added.push(form);
    }
    if (added.length > 0) this.pattern = undefined;
    return added;
  }

  /** Free text with every secret form in it replaced by `***`. */
  mask(text: string): string {
    if (this.forms.size === 0) return text;
    this.pattern ??= new RegExp(
      [...this.forms]
        .sort((a, b) => b.length - a.length)
        .map(escapeRegExp)
        .join('|'),
      'g'
    );
    return text.replace(this.pattern, MASK);
  }

  /** A value that is a secret whole (however short) is `***`; else its text, masked. */
  maskValue(value: string): string {
    return this.whole.has(value) ? MASK : this.mask(value);
  }

  /** Every string value in a structure masked; keys are the action's own and stay. */
  maskDeep<T>(value: T): T {
    if (typeof value === 'string') return this.maskValue(value) as T;
    if (Array.isArray(value)) return value.map(item => this.maskDeep(item)) as T;
    if (typeof value === 'object' && value !== null)
      return Object.fromEntries(
        Object.entries(value).map(([key, inner]) => [key, this.maskDeep(inner)])
      ) as T;
    return value;
  }

  maskHeader(name: string, value: string): string {
    return SECRET_HEADER.test(name) ? MASK : this.maskValue(value);
  }
}

export function isMaskableInText(value: string): boolean {
  return value.length >= SHORTEST_MASKED_IN_TEXT;
}

function encodedForms(value: string): string[] {
  const forms = [
    ...urlParts(value),
    value,
    encodeURIComponent(value),
    encodeURIComponent(value).replace(/%20/g, '+'),
    new URLSearchParams({ v: value }).toString().slice(2),
    JSON.stringify(value).slice(1, -1)
  ];
  // The runner masks line by line; so do we, so a multi-line key never leaks one line.
  if (value.includes('\n')) forms.push(...value.split(/\r?\n/).map(line => line.trim()));
  return forms;
}

/**
 * A URL's parts (SPEC §8), so that a redirect to another scheme or a path quoted alone cannot
 * unmask a URL kept in a secret: its path, query and user info, each decoded too. Its host is a
 * part only when it is all the URL has (`https://hook-id.example.com/`): a service's host
 * (discord.com) is no secret, and masking it would hide every other webhook's host.
 */
function urlParts(value: string): string[] {
  let url: URL;
  try {
    if (!/^[a-z][a-z0-9+.-]*:\/\//i.test(value.trim())) return [];
    url = new URL(value.trim());
  } catch {
    return [];
  }
  const path = url.pathname.length > 1 ? url.pathname : '';
  const query = url.search.slice(1);
  const parts = [url.username, url.password, query, path, path && url.host + path];
  if (!path && !query && !url.username) parts.push(url.host, url.hostname);
  return [...parts, ...parts.map(percentDecoded)].filter(part => part !== '');
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
