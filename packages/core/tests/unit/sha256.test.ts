import { createHash } from 'node:crypto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { contentHash } from '../../src/index.js';
import { sha256Hex } from '../../src/sha256.js';

const nodeSha256 = (text: string) => createHash('sha256').update(text).digest('hex');

describe('sha256Hex', () => {
  it('gives the FIPS 180-4 test vectors', () => {
    expect(sha256Hex('')).toBe('e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855');
    expect(sha256Hex('abc')).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
    expect(sha256Hex('abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq')).toBe(
      '248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1',
    );
    expect(sha256Hex('a'.repeat(1_000_000))).toBe('cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0');
  });

  it('equals node:crypto around every padding boundary (55, 56, 63, 64 bytes and multiples)', () => {
    for (let length = 0; length <= 200; length++) {
      const text = 'x'.repeat(length);
      expect(sha256Hex(text), `length ${length}`).toBe(nodeSha256(text));
    }
  });

  it('equals node:crypto on any string, lone surrogates and astral characters included', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 300 }), (text) => sha256Hex(text) === nodeSha256(text)),
      { numRuns: 2_000 },
    );
  });
});

describe('contentHash', () => {
  // Computed with the node:crypto implementation before the switch: stored hashes must stay valid.
  it('keeps the hashes stored before the runtime-neutral implementation', () => {
    expect(
      contentHash({
        celebrityId: 'taylor-swift',
        source: 'tmdb',
        week: '2026-W48',
        signals: { popularity: 42.5, credits: 3 },
        texts: [],
      }),
    ).toBe('695cdb42d00abeccac6fb3d25d8747cd2efd27ae4c2ed5ff03367d7124037e33');
    expect(
      contentHash({
        celebrityId: 'zendaya',
        source: 'news',
        week: '2026-W01',
        signals: { articleCount: 12 },
        texts: [{ text: 'Zendaya — “Challengers” 🎾 wins praise', engagement: 7 }],
      }),
    ).toBe('b39bd274eca756536cb7d18628a5c6b5134a3911633bb38d55db688d5a5f5629');
    expect(
      contentHash({
        celebrityId: 'bad-bunny',
        source: 'social',
        week: '2025-W53',
        signals: { posts: 0, nested: { b: [1, 2, { z: null, a: 'ñ' }] } },
        texts: [{ text: '日本語のテキスト \ud83d lone surrogate', engagement: 0 }],
      }),
    ).toBe('4645b7456bc3ed8caf3853a30fc1c44c492b607800797d327ba9a602e7b71f80');
  });
});
