import { createHash } from 'node:crypto';

/**
 * A short, stable identity for a finding (a divergence or a change): the first 16 hex digits of
 * the SHA-256 of its parts joined by NUL. Baselines store these, so the scheme never changes.
 */
export function fingerprint(parts: string[]): string {
  return createHash('sha256').update(parts.join('\u0000')).digest('hex').slice(0, 16);
}
