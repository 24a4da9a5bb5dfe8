import { describe, expect, it } from 'vitest';
import { fingerprint } from '../../pipeline/fingerprint';

// Baselines store fingerprints, so the scheme must never change: the first 16 hex digits of the
// SHA-256 of the parts joined by NUL. The digests are the published FIPS 180-2 examples.
describe('fingerprint', () => {
  it('is the first 16 hex digits of the SHA-256 of the parts', () => {
    expect(fingerprint(['abc'])).toBe('ba7816bf8f01cfea');
    expect(fingerprint(['abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq'])).toBe('248d6a61d20638b8');
    expect(fingerprint([''])).toBe('e3b0c44298fc1c14');
  });

  it('joins the parts by NUL, so parts that split the same text differently differ', () => {
    expect(fingerprint(['ab', 'c'])).not.toBe(fingerprint(['a', 'bc']));
    expect(fingerprint(['ab', 'c'])).toBe(fingerprint(['ab\u0000c']));
  });
});
