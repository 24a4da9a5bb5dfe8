import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { compareArtifacts } from '../../pipeline/output';

// compareArtifacts reads files a slice of 2^18 characters at a time; these texts cross that size.
describe('compareArtifacts: whether dist/ holds exactly the artifacts', () => {
  const dir = mkdtempSync(join(tmpdir(), 'errcat-compare-'));
  const slice = 1 << 18;

  it('finds a large file with emoji and CJK across slice edges equal to its text', () => {
    // The emoji's surrogate pair straddles the first slice edge; CJK is three bytes each.
    const text = `${'a'.repeat(slice - 1)}😀${'错误码'.repeat(slice / 2)}\n`;
    writeFileSync(join(dir, 'big.txt'), text);
    expect(compareArtifacts(dir, new Map([['big.txt', text]]))).toEqual([]);
  });

  it('finds one changed byte far into a file of the same size', () => {
    const text = `${'错误码'.repeat(slice)}\n`;
    const bytes = Buffer.from(text);
    bytes[bytes.length - 3] = 0x41; // the last character's final byte
    writeFileSync(join(dir, 'late.txt'), bytes);
    expect(readFileSync(join(dir, 'late.txt')).length).toBe(Buffer.byteLength(text));
    expect(compareArtifacts(dir, new Map([['late.txt', text]])).find((d) => d.path === 'late.txt')).toEqual({ path: 'late.txt', kind: 'differs' });
  });

  it('tells CRLF from LF, and names missing and unexpected files', () => {
    writeFileSync(join(dir, 'crlf.txt'), 'a\r\nb\r\n');
    const differences = compareArtifacts(dir, new Map([['crlf.txt', 'a\nb\n'], ['gone.txt', 'x']]));
    expect(differences).toContainEqual({ path: 'crlf.txt', kind: 'differs' });
    expect(differences).toContainEqual({ path: 'gone.txt', kind: 'missing' });
    expect(differences).toContainEqual({ path: 'big.txt', kind: 'unexpected' });
  });
});
