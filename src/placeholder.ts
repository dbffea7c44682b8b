// What a dry run renders for a secret the run lacks (a fork's pull request): `***NAME***`.
// Already a mask, never a secret.

export function secretPlaceholder(name: string): string {
  return `***${name}***`;
}

const PLACEHOLDER = /^\*\*\*[A-Za-z0-9_-]+\*\*\*/;

export function isSecretPlaceholder(text: string): boolean {
  const match = PLACEHOLDER.exec(text);
  return match !== null && match[0].length === text.length;
}

export function startsWithSecretPlaceholder(text: string): boolean {
  return PLACEHOLDER.test(text);
}
