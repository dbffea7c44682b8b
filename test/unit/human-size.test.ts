import { describe, expect, it } from '@jest/globals';
import { humanSize } from '../../src/context/human-size.js';
import { human_size } from '../../src/render/filters.js';

describe('sizes read as Rails number_to_human_size writes them', () => {
  it.each([
    [0, '0 Bytes'],
    [1, '1 Byte'],
    [2, '2 Bytes'],
    [1023, '1023 Bytes'],
    [1024, '1 KB'],
    [1152, '1.13 KB'],
    [1536, '1.5 KB'],
    [10 * 1024, '10 KB'],
    [1234567, '1.18 MB'],
    [1048575, '1020 KB'],
    [1024 ** 2, '1 MB'],
    [157286400, '150 MB'],
    [1024 ** 3, '1 GB'],
    [1.5 * 1024 ** 4, '1.5 TB'],
    [1024 ** 5, '1 PB'],
    [1024 ** 6, '1 EB'],
    [1026 * 1024 ** 6, '1030 EB']
  ])('%d bytes → %s', (bytes, expected) => {
    expect(humanSize(bytes)).toBe(expected);
  });

  it.each([
    [2048, '2 KB'],
    ['2048', '2 KB'],
    [null, ''],
    ['', ''],
    ['lots', ''],
    [-5, '']
  ])('the human_size filter of %j is %j', (value, expected) => {
    expect(human_size(value)).toBe(expected);
  });
});
