import { describe, expect, it } from '@jest/globals';
import { SecretMasker } from '../../src/secrets.js';

describe('the secret masker', () => {
  it('masks a secret in every form it can leave in', () => {
    const masker = new SecretMasker();
    const secret = 'a b/c+d&"e\\f';
    const forms = masker.add(secret);
    expect(forms).toEqual(
      expect.arrayContaining([
        secret,
        'a%20b%2Fc%2Bd%26%22e%5Cf',
        'a+b%2Fc%2Bd%26%22e%5Cf',
        'a b/c+d&\\"e\\\\f'
      ])
    );
    for (const form of forms) expect(masker.mask(`<${form}>`)).toBe('<***>');
  });

  it('masks each line of a multi-line secret', () => {
    const masker = new SecretMasker();
    masker.add('-----BEGIN KEY-----\nMIIBOgIBAAJBAKj34GkxFhD9\n-----END KEY-----');
    expect(masker.mask('line: MIIBOgIBAAJBAKj34GkxFhD9')).toBe('line: ***');
  });

  it('prefers the longest form, leaves other text alone, and ignores dry-run placeholders', () => {
    const masker = new SecretMasker();
    masker.add('abcd');
    masker.add('abcdef');
    expect(masker.add('***NAME***')).toEqual([]);
    expect(masker.mask('abcdef abcd abc ***NAME***')).toBe('*** *** abc ***NAME***');
  });

  it('a secret shorter than 4 characters is masked as a whole value, never inside text', () => {
    const masker = new SecretMasker();
    expect(masker.add('e')).toEqual([]);
    expect(masker.add('true')).not.toEqual([]);
    expect(masker.mask('name')).toBe('name');
    expect(masker.maskValue('e')).toBe('***');
    expect(masker.maskDeep({ name: 'release', ok: true, n: 'e' })).toEqual({
      name: 'release',
      ok: true,
      n: '***'
    });
  });

  it.each([
    ['Authorization', true],
    ['proxy-authorization', true],
    ['Cookie', true],
    ['X-Api-Key', true],
    ['X-Auth-Token', true],
    ['Content-Type', false],
    ['X-Keyboard', false]
  ])('the value of header %s is masked whatever it holds: %s', (name, masked) => {
    expect(new SecretMasker().maskHeader(name, 'public') === '***').toBe(masked);
  });
});
