// Every secret value and the forms it takes on the way out (URL, form, JSON); what is printed,
// summarised or output passes through `mask` first.

const MASK = '***';
// What a dry run renders for a secret it lacks: already a mask, not a secret.
const PLACEHOLDER = /^\*\*\*[A-Za-z0-9_-]+\*\*\*$/;
const SECRET_HEADER = /^(authorization|proxy-authorization|cookie|.*-token|.*-key)$/i;

export class SecretMasker {
  private readonly forms = new Set<string>();
  private pattern: RegExp | undefined;

  /** Records a secret; returns the forms not seen before, for the runner to mask too. */
  add(value: string): string[] {
    const added: string[] = [];
    for (const form of encodedForms(value)) {
      if (form.trim() === '' || PLACEHOLDER.test(form) || this.forms.has(form)) continue;
      this.forms.add(form);
      added.push(form);
    }
    if (added.length > 0) this.pattern = undefined;
    return added;
  }

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

  maskHeader(name: string, value: string): string {
    return SECRET_HEADER.test(name) ? MASK : this.mask(value);
  }
}

function encodedForms(value: string): string[] {
  const forms = [
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

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
