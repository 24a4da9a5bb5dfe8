import { isUtf8 } from 'node:buffer';
import { readFileSync } from 'node:fs';
import { ErrcatError } from '../errors';

/**
 * The largest page errcat reads: 64 MiB, a hundred times the largest real error-code page. Reading
 * costs memory several times a page's size (its text, its lines, the parser's tokens), so a larger
 * file is refused before it is decoded rather than read until memory runs out.
 */
export const MAX_PAGE_BYTES = 64 * 1024 * 1024;

/** A page's text, decoded and with line ends normalised to LF; `file` is the path as given. */
export interface SourceText {
  file: string;
  text: string;
}

/** Reads a page from disk; see {@link decodeSource}. */
export function readSource(file: string): SourceText {
  let bytes: Uint8Array;
  try {
    bytes = readFileSync(file);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const why =
      code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'is a directory, expected a page' : `cannot read (${code ?? String(error)})`;
    throw new ErrcatError(file, 0, why);
  }
  return decodeSource(file, bytes);
}


/**
 * Decodes UTF-8 strictly: a page with a NUL byte is refused as binary and invalid UTF-8 is refused
 * with its byte offset and line, because a silently replaced byte would end up in the catalog.
 * A BOM is dropped and CRLF / CR line ends become LF, so line numbers match what editors show.
 * A page over {@link MAX_PAGE_BYTES} is refused first.
 */
export function decodeSource(file: string, bytes: Uint8Array): SourceText {
  if (bytes.length > MAX_PAGE_BYTES) {
    throw new ErrcatError(file, 0, `Page too large: ${bytes.length} bytes; expected at most ${MAX_PAGE_BYTES} bytes (64 MiB), errcat's limit for one page`);
  }
  const nul = bytes.indexOf(0);
  if (nul >= 0) {
    throw new ErrcatError(file, lineAtByte(bytes, nul), `Binary file: NUL byte at byte offset ${nul}; expected a UTF-8 text page`);
  }
  // Validated natively first, then decoded: several times faster than a fatal TextDecoder.
  if (!isUtf8(bytes)) {
    const offset = firstInvalidUtf8(bytes);
    throw new ErrcatError(
      file,
      lineAtByte(bytes, offset),
      `Invalid UTF-8: byte 0x${(bytes[offset] ?? 0).toString(16).padStart(2, '0')} at byte offset ${offset}; expected UTF-8 text`,
    );
  }
  let text = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('utf8');
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  if (text.includes('\r')) text = text.replace(/\r\n?/g, '\n');
  return { file, text };
}

function lineAtByte(bytes: Uint8Array, offset: number): number {
  let line = 1;
  for (let i = 0; i < offset; i++) if (bytes[i] === 0x0a) line++;
  return line;
}

/** Offset of the first byte that does not start or continue a valid UTF-8 sequence. */
export function firstInvalidUtf8(bytes: Uint8Array): number {
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i]!;
    let need: number;
    let min: number;
    if (b < 0x80) {
      i++;
      continue;
    } else if (b >= 0xc2 && b <= 0xdf) {
      need = 1;
      min = 0x80;
    } else if (b >= 0xe0 && b <= 0xef) {
      need = 2;
      min = 0x800;
    } else if (b >= 0xf0 && b <= 0xf4) {
      need = 3;
      min = 0x10000;
    } else {
      return i;
    }
    let cp = b & (0xff >> (need + 2));
    for (let k = 1; k <= need; k++) {
      const c = bytes[i + k];
      if (c === undefined || (c & 0xc0) !== 0x80) return i;
      cp = (cp << 6) | (c & 0x3f);
    }
    if (cp < min || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff)) return i;
    i += need + 1;
  }
  return bytes.length;
}
