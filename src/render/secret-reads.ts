// Which templates read secrets. Their output is shown as `***` whole (SPEC §8): masking the
// finished text cannot catch what a filter (`base64_encode`, `upcase`, `slice`) or a URL parser
// made of a secret.

export const SHOWN_SECRET = '***';

const MARKUP = /\{\{[^]*?\}\}|\{%[^]*?%\}/g;
/** `secrets` by name, or a lookup whose root is computed (`[name]`), which could reach it. */
const SECRET_READ = /\bsecrets\b|(?:^|[\s{%(,:=|])\[/;

export function readsSecrets(source: string): boolean {
  if (!source.includes('{')) return false;
  for (const [markup] of source.matchAll(MARKUP)) {
    const inner = markup.slice(2, -2);
    if (SECRET_READ.test(inner)) return true;
  }
  // An unclosed tag renders nothing readable, but says so in an error: treat it as reading.
  return /\{[{%](?![^]*[}%]\})/.test(source) && /\bsecrets\b/.test(source);
}

/** A URL that reads a secret: the scheme and host when they are literal text, then `***`. */
export function shownSecretUrl(source: string): string {
  const origin = /^(https?:\/\/[^/?#{}%\s@]+)[/?#]/i.exec(source)?.[1];
  return origin ? `${origin}/${SHOWN_SECRET}` : SHOWN_SECRET;
}
