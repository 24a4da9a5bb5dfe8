import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { readPageBytes } from '../../pipeline/read';
import { MAX_PAGE_BYTES, decodeSource } from '../../pipeline/read/source';

describe('source decoding', () => {
  it('refuses invalid UTF-8, naming the byte offset and line', () => {
    const bytes = new Uint8Array([...new TextEncoder().encode('# T\n\nok\n'), 0xc3, 0x28, 0x0a]);
    expect(() => decodeSource('bad.md', bytes)).toThrow('Invalid UTF-8: byte 0xc3 at byte offset 8; expected UTF-8 text');
    try {
      decodeSource('bad.md', bytes);
    } catch (error) {
      expect((error as { format(): string }).format()).toBe('bad.md:4: Invalid UTF-8: byte 0xc3 at byte offset 8; expected UTF-8 text');
    }
  });

  it('refuses a binary file', () => {
    expect(() => decodeSource('x.md', new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x00]))).toThrow(/Binary file: NUL byte at byte offset 4/);
  });

  it('drops a BOM and normalises CRLF and CR', () => {
    expect(decodeSource('x.md', new TextEncoder().encode('\uFEFFa\r\nb\rc')).text).toBe('a\nb\nc');
  });

  it('accepts and decodes exactly what a strict UTF-8 decoder does (TextDecoder, fatal, as the reference)', () => {
    const reference = new TextDecoder('utf-8', { fatal: true });
    // Bytes around the edges of UTF-8: continuation bytes, overlongs, surrogates, > U+10FFFF, truncations.
    const bom = fc.constant([0xef, 0xbb, 0xbf]);
    const byte = fc.oneof(fc.integer({ min: 0x01, max: 0x7f }), fc.constantFrom(0x80, 0xbf, 0xc0, 0xc1, 0xc2, 0xdf, 0xe0, 0xed, 0xef, 0xf0, 0xf4, 0xf5, 0xff, 0xa0, 0x9f, 0x8f, 0x90));
    const text = fc.string({ unit: 'binary', maxLength: 6 }).map((t) => [...new TextEncoder().encode(t.replace(/\0/g, ''))]);
    const bytes = fc.array(fc.oneof(byte.map((b) => [b]), text, bom), { maxLength: 8 }).map((parts) => new Uint8Array(parts.flat()));
    fc.assert(fc.property(bytes, (b) => {
      let expected: string | null;
      try {
        expected = reference.decode(b).replace(/\r\n?/g, '\n'); // the decoder drops one leading BOM itself
      } catch {
        expected = null;
      }
      let actual: string | null;
      try {
        actual = decodeSource('x.md', b).text;
      } catch {
        actual = null;
      }
      expect(actual).toBe(expected);
    }), { numRuns: 3000 });
  });

  it('refuses a page over the size limit before decoding it, naming its size and the limit', () => {
    expect(MAX_PAGE_BYTES).toBe(64 * 1024 * 1024);
    // Zero bytes: were the page decoded, it would be refused as binary instead.
    const tooLarge = new Uint8Array(MAX_PAGE_BYTES + 1);
    let error: unknown;
    try {
      decodeSource('huge.md', tooLarge);
    } catch (caught) {
      error = caught;
    }
    expect((error as { format(): string }).format()).toBe(
      `huge.md: Page too large: ${MAX_PAGE_BYTES + 1} bytes; expected at most ${MAX_PAGE_BYTES} bytes (64 MiB), errcat's limit for one page`,
    );
    // At the limit, the page is read (here: refused as binary, which only decoding finds).
    expect(() => decodeSource('full.md', tooLarge.subarray(0, MAX_PAGE_BYTES))).toThrow(/^Binary file/);
  });

  it('reads an empty page as a page without tables', () => {
    expect(readPageBytes('empty.md', new Uint8Array()).tables).toEqual([]);
  });
});
