import { isUtf8 } from 'node:buffer';
import { ErrcatError } from '../errors';
import { MAX_PAGE_BYTES, readRegularFile } from '../files';

/** The one page-size limit (defined with the file primitives), for callers of decodeSource. */
export { MAX_PAGE_BYTES };

/** A page's text, decoded and with line ends normalised to LF; `file` is the path as given. */
export interface SourceText {
  file: string;
  text: string;
}

/**
 * Reads a page from disk; see {@link decodeSource}. Only a regular file (links followed) of at most
 * MAX_PAGE_BYTES is read: a link to /dev/zero or a FIFO is refused, not read until memory runs out.
 */
export function readSource(file: string): SourceText {
  return decodeSource(file, readRegularFile(file, { limit: MAX_PAGE_BYTES, what: 'a page' }));
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
