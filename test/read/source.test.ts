import { describe, expect, it } from 'vitest';
import { readPageBytes } from '../../pipeline/read';
import { decodeSource } from '../../pipeline/read/source';

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

  it('reads an empty page as a page without tables', () => {
    expect(readPageBytes('empty.md', new Uint8Array()).tables).toEqual([]);
  });
});
