import { mkdtempSync, readdirSync, readFileSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { Artifacts } from '../../pipeline/emit/artifacts';
import { compareArtifacts, MANIFEST_NAME, writeArtifacts } from '../../pipeline/output';
import { manifestText } from '../../pipeline/output-manifest';
import { pieceEnd } from '../../pipeline/text';
import { snapshot } from '../helpers/files';

// compareArtifacts reads files a slice of 2^18 characters at a time; these texts cross that size.
describe('compareArtifacts: whether dist/ holds exactly the artifacts', () => {
  const dir = mkdtempSync(join(tmpdir(), 'errcat-compare-'));
  const slice = 1 << 18;

  it('finds a large file with emoji and CJK across slice edges equal to its text', () => {
    // The emoji's surrogate pair straddles the first slice edge; CJK is three bytes each.
    const text = `${'a'.repeat(slice - 1)}😀${'错误码'.repeat(slice / 2)}\n`;
    writeFileSync(join(dir, 'big.txt'), text);
    expect(compareArtifacts(dir, new Map([['big.txt', text]]), ['big.txt'])).toEqual([]);
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

describe('writeArtifacts: one pass, each artifact made once', () => {
  const counted = (texts: Record<string, string>) => {
    const made: string[] = [];
    const artifacts = new Artifacts();
    for (const [path, text] of Object.entries(texts)) artifacts.set(path, () => (made.push(path), text));
    return { artifacts, made };
  };
  const past = new Date('2020-01-01T00:00:00Z');

  it('leaves an up-to-date output alone: no file rewritten, no timestamp moved', () => {
    const out = join(mkdtempSync(join(tmpdir(), 'errcat-write-')), 'dist');
    writeArtifacts(out, counted({ 'a/x.txt': 'x\n', 'b.txt': 'b\n' }).artifacts);
    for (const f of ['a/x.txt', 'b.txt']) utimesSync(join(out, f), past, past);
    const again = counted({ 'a/x.txt': 'x\n', 'b.txt': 'b\n' });
    writeArtifacts(out, again.artifacts);
    expect(again.made.sort()).toEqual(['a/x.txt', 'b.txt']);
    for (const f of ['a/x.txt', 'b.txt']) expect(statSync(join(out, f)).mtime).toEqual(past);
  });

  it('replaces a stale output whole: changed files written, unchanged ones kept, files it no longer makes gone', () => {
    const out = join(mkdtempSync(join(tmpdir(), 'errcat-write-')), 'dist');
    writeArtifacts(out, counted({ 'a/x.txt': 'x\n', 'a/y.txt': 'y\n', 'b.txt': 'b\n' }).artifacts);
    const next = counted({ 'a/x.txt': 'x\n', 'a/y.txt': 'Y\n' });
    writeArtifacts(out, next.artifacts);
    expect(next.made.sort()).toEqual(['a/x.txt', 'a/y.txt']); // each made once, not once to compare and again to write
    expect(snapshot(out)).toEqual({ [MANIFEST_NAME]: manifestText(['a/x.txt', 'a/y.txt']), 'a/x.txt': 'x\n', 'a/y.txt': 'Y\n' });
    expect(readFileSync(join(out, MANIFEST_NAME), 'utf8')).toBe(
      '# errcat output: this folder is written by `errcat build`, which replaces it whole on each build.\n' +
        '# errcat builds only into a new or empty folder or one holding just the files listed below, and\n' +
        '# never deletes or replaces a file it did not write. To start over, delete the folder.\n' +
        'a/x.txt\na/y.txt\n',
    );
  });

  it('refuses a folder holding a file it did not write, and changes nothing', () => {
    const out = join(mkdtempSync(join(tmpdir(), 'errcat-write-')), 'dist');
    writeArtifacts(out, counted({ 'a/x.txt': 'x\n' }).artifacts);
    writeFileSync(join(out, 'a', 'notes.txt'), 'mine');
    const before = snapshot(out);
    expect(() => writeArtifacts(out, counted({ 'a/x.txt': 'X\n' }).artifacts)).toThrow(
      `was not written by errcat (${MANIFEST_NAME} does not list it); errcat never deletes or replaces what it did not write: move it out of ${out}, or build into another folder with --out`,
    );
    expect(snapshot(out)).toEqual(before);
    expect(readdirSync(dirname(out))).toEqual(['dist']);
  });

  it('with `only`, keeps what lies outside those entries, and lists it', () => {
    const out = join(mkdtempSync(join(tmpdir(), 'errcat-write-')), 'dist');
    writeArtifacts(out, counted({ 'other/keep.txt': 'keep' }).artifacts);
    writeArtifacts(out, counted({ 'a/x.txt': 'x\n' }).artifacts, ['a']);
    expect(snapshot(out)).toEqual({ [MANIFEST_NAME]: manifestText(['a/x.txt', 'other/keep.txt']), 'a/x.txt': 'x\n', 'other/keep.txt': 'keep' });
    writeArtifacts(out, counted({ 'a/z.txt': 'z\n' }).artifacts, ['a']);
    expect(snapshot(out)).toEqual({ [MANIFEST_NAME]: manifestText(['a/z.txt', 'other/keep.txt']), 'a/z.txt': 'z\n', 'other/keep.txt': 'keep' });
  });
});

describe('pieceEnd: pieces of a long text for encoding', () => {
  it('never ends a piece between the halves of a surrogate pair', () => {
    const text = `ab${'😀'.repeat(5)}`;
    expect(pieceEnd(text, 0, 3)).toBe(2); // the unit at 2 is a high surrogate: the piece stops before it
    expect(pieceEnd(text, 0, 4)).toBe(4);
    expect(pieceEnd(text, 10, 4)).toBe(text.length);
    expect(pieceEnd(text, 2, 1)).toBe(3); // a piece of one unit still moves on
    // Pieces of any size put back together give the text, and each encodes without U+FFFD.
    for (let units = 1; units <= 5; units++) {
      const pieces: string[] = [];
      for (let start = 0; start < text.length; start = pieceEnd(text, start, units)) pieces.push(text.slice(start, pieceEnd(text, start, units)));
      expect(pieces.join('')).toBe(text);
      if (units > 1) expect(pieces.every((p) => !Buffer.from(p).toString().includes('\ufffd'))).toBe(true);
    }
  });
});
