import { createHash } from 'node:crypto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fingerprint, sha256 } from '../../pipeline/fingerprint';

// pipeline/fingerprint.ts computes SHA-256 itself (to spare a start loading node:crypto); node:crypto
// is the reference, and the published test vectors of FIPS 180-2 pin both.
const reference = (text: string) => createHash('sha256').update(text).digest('hex');
const hex = (words: Int32Array) => [...words].map((w) => (w >>> 0).toString(16).padStart(8, '0')).join('');

describe('SHA-256', () => {
  it('gives the FIPS 180-2 example digests', () => {
    expect(hex(sha256('abc'))).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
    expect(hex(sha256('abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq'))).toBe(
      '248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1',
    );
    expect(hex(sha256(''))).toBe('e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855');
  });

  it('agrees with node:crypto at every length around the block boundaries', () => {
    for (let n = 0; n <= 200; n++) expect(hex(sha256('x'.repeat(n))), `length ${n}`).toBe(reference('x'.repeat(n)));
  });

  it('agrees with node:crypto on any text (UTF-8 of every plane, lone surrogates included)', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string({ unit: 'binary', maxLength: 300 }), fc.string({ unit: 'grapheme', maxLength: 100 })), (text) => {
        expect(hex(sha256(text))).toBe(reference(text));
      }),
      { numRuns: 500 },
    );
  });
});

describe('fingerprint', () => {
  it('is the first 16 hex digits of the SHA-256 of the parts joined by NUL', () => {
    fc.assert(
      fc.property(fc.array(fc.string({ unit: 'binary', maxLength: 60 }), { maxLength: 6 }), (parts) => {
        expect(fingerprint(parts)).toBe(reference(parts.join('\u0000')).slice(0, 16));
      }),
    );
  });
});
