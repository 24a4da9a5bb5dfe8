/**
 * A rows document as JSON, encoded as UTF-8 straight into a reused byte buffer that is handed to
 * `drain` whenever it fills. The text is JSON.stringify(doc, null, indent)'s for a document whose
 * objects hold their members in the schema's order (as the readers build them): members are
 * written in that order, and a member that is undefined is left out, as JSON.stringify leaves it.
 *
 * Why not JSON.stringify: `errcat rows` prints megabytes for a big page, mostly indentation around
 * short cells. JSON.stringify makes that one string, two bytes per character as soon as one cell
 * holds CJK text, which is then copied flat and encoded to UTF-8 again; each step allocates fresh
 * memory. Here what lies between two cell texts (punctuation, keys, indentation) is one run of
 * bytes made once per shape, copied in one call, and each cell's text is encoded once, in place.
 */
import type { RowsDocument, SourceTable, TableCell, TableRow } from '../generated/rows';
import { pieceEnd } from '../text';

/** A string with one of these is quoted by JSON.stringify itself (quote, backslash, controls, surrogates). */
const NEEDS_ESCAPE = /["\\\u0000-\u001f\ud800-\udfff]/;
const QUOTE = 0x22;
const BUFFER_BYTES = 64 * 1024;
/** Nesting of a row's cells: document, tables, table, rows, row, cells, cell. */
const ROW_LEVEL = 4;
const CELL_LEVEL = 6;
/** Cells' spans below this have their bytes made once. */
const SPAN_CACHE = 8;

type Utf8Writer = (this: Buffer, text: string, offset: number) => number;
/**
 * Buffer#utf8Write: what Buffer#write calls once it has checked its arguments, a few milliseconds
 * less over 27,000 cells. It is not documented, so Buffer#write stands in where it is missing.
 */
const utf8Write: Utf8Writer = (Buffer.prototype as unknown as { utf8Write?: Utf8Writer }).utf8Write ?? Buffer.prototype.write;
const encodeUtf8 = (buffer: Buffer, text: string, offset: number): number => utf8Write.call(buffer, text, offset);

export function writeRowsJson(doc: RowsDocument, indent: 0 | 2, drain: (bytes: Buffer) => void, bufferBytes = BUFFER_BYTES): void {
  const writer = new RowsJsonWriter(indent, drain, bufferBytes);
  writer.document(doc);
  writer.flush();
}

class RowsJsonWriter {
  private buffer: Buffer;
  private used = 0;
  private readonly unit: string;
  private readonly colon: string;
  private readonly rowOpen: Uint8Array;
  private readonly cellsOpen: Uint8Array;
  private readonly cellsFirst: Uint8Array;
  private readonly cellsEnd: Uint8Array;
  private readonly rowClose: Uint8Array;
  /** After a cell's text: its spans and the cell's end, alone (last cell) or with the next cell's start. */
  private readonly cellEnds: (Uint8Array | undefined)[] = [];
  private readonly cellBetweens: (Uint8Array | undefined)[] = [];

  constructor(
    indent: 0 | 2,
    private readonly drain: (bytes: Buffer) => void,
    bufferBytes: number,
  ) {
    this.unit = ' '.repeat(indent);
    this.colon = indent === 0 ? ':' : ': ';
    this.buffer = Buffer.allocUnsafe(Math.max(bufferBytes, 64));
    this.rowOpen = Buffer.from(`{${this.nl(ROW_LEVEL + 1)}"line"${this.colon}`);
    this.cellsOpen = Buffer.from(`,${this.nl(ROW_LEVEL + 1)}"cells"${this.colon}`);
    this.cellsFirst = Buffer.from(`[${this.cellStart()}`);
    this.cellsEnd = Buffer.from(`${this.nl(ROW_LEVEL + 1)}]`);
    this.rowClose = Buffer.from(`${this.nl(ROW_LEVEL)}}`);
  }

  document(doc: RowsDocument): void {
    this.text(`{${this.nl(1)}"file"${this.colon}${JSON.stringify(doc.file)},${this.nl(1)}"lang"${this.colon}${JSON.stringify(doc.lang)},${this.nl(1)}"tables"${this.colon}`);
    this.array(doc.tables, 1, (table) => this.table(table));
    if (doc.notes !== undefined) this.text(`,${this.nl(1)}"notes"${this.colon}${this.stringified(doc.notes, 1)}`);
    this.text(`${this.nl(0)}}`);
  }

  flush(): void {
    if (this.used === 0) return;
    this.drain(this.buffer.subarray(0, this.used));
    this.used = 0;
  }

  private table(table: SourceTable): void {
    const nl = this.nl(3);
    const c = this.colon;
    this.text(
      `{${nl}"line"${c}${JSON.stringify(table.line)},${nl}"section"${c}${JSON.stringify(table.section)},${nl}"caption"${c}${JSON.stringify(table.caption)},${nl}"headerRows"${c}${JSON.stringify(table.headerRows)},${nl}"rows"${c}`,
    );
    this.array(table.rows, 3, (row) => this.row(row));
    this.text(`${this.nl(2)}}`);
  }

  private row(row: TableRow): void {
    this.bytes(this.rowOpen);
    this.text(Number.isFinite(row.line) ? String(row.line) : 'null');
    this.bytes(this.cellsOpen);
    const cells = row.cells;
    if (cells.length === 0) this.text('[]');
    else {
      this.bytes(this.cellsFirst);
      for (let i = 0; i < cells.length; i++) {
        const cell = cells[i]!;
        this.string(cell.text);
        this.bytes(this.cellEnd(cell, i === cells.length - 1));
      }
      this.bytes(this.cellsEnd);
    }
    if (row.missingCells !== undefined) this.text(`,${this.nl(ROW_LEVEL + 1)}"missingCells"${this.colon}${JSON.stringify(row.missingCells)}`);
    this.bytes(this.rowClose);
  }

  /** `[`, each element on its own line at `level + 1`, `]` (or `[]`), as JSON.stringify lays an array out. */
  private array<T>(items: T[], level: number, item: (value: T) => void): void {
    if (items.length === 0) return this.text('[]');
    const first = Buffer.from(`[${this.nl(level + 1)}`);
    const next = Buffer.from(`,${this.nl(level + 1)}`);
    for (let i = 0; i < items.length; i++) {
      this.bytes(i === 0 ? first : next);
      item(items[i]!);
    }
    this.text(`${this.nl(level)}]`);
  }

  /** A cell's start up to its text's opening quote's place. */
  private cellStart(): string {
    return `${this.nl(CELL_LEVEL)}{${this.nl(CELL_LEVEL + 1)}"text"${this.colon}`;
  }

  private cellEnd(cell: TableCell, last: boolean): Uint8Array {
    const { rowSpan, colSpan } = cell;
    const cached = rowSpan >= 1 && rowSpan < SPAN_CACHE && colSpan >= 1 && colSpan < SPAN_CACHE && Number.isInteger(rowSpan) && Number.isInteger(colSpan);
    const slot = rowSpan * SPAN_CACHE + colSpan;
    const cache = last ? this.cellEnds : this.cellBetweens;
    let bytes = cached ? cache[slot] : undefined;
    if (bytes === undefined) {
      const nl = this.nl(CELL_LEVEL + 1);
      const end = `,${nl}"rowSpan"${this.colon}${JSON.stringify(rowSpan)},${nl}"colSpan"${this.colon}${JSON.stringify(colSpan)}${this.nl(CELL_LEVEL)}}`;
      bytes = Buffer.from(last ? end : `${end},${this.cellStart()}`);
      if (cached) cache[slot] = bytes;
    }
    return bytes;
  }

  /** A line break and the indentation of `level`, or nothing without indentation. */
  private nl(level: number): string {
    return this.unit === '' ? '' : `\n${this.unit.repeat(level)}`;
  }

  /** JSON.stringify(value) as it reads at `level` of an indented document. */
  private stringified(value: unknown, level: number): string {
    let nested = value;
    for (let i = 0; i < level; i++) nested = [nested];
    let frame: unknown = 0;
    for (let i = 0; i < level; i++) frame = [frame];
    const text = JSON.stringify(nested, null, this.unit);
    const framed = JSON.stringify(frame, null, this.unit);
    const at = framed.indexOf('0');
    return text.slice(at, text.length - (framed.length - at - 1));
  }

  private room(bytes: number): void {
    if (this.buffer.length - this.used >= bytes) return;
    this.flush();
    if (this.buffer.length < bytes) this.buffer = Buffer.allocUnsafe(bytes);
  }

  private bytes(bytes: Uint8Array): void {
    this.room(bytes.length);
    this.buffer.set(bytes, this.used);
    this.used += bytes.length;
  }

  /** A JSON string: encoded in place when nothing in it needs escaping, which is nearly always. */
  private string(value: string): void {
    if (NEEDS_ESCAPE.test(value) || 3 * value.length + 2 > this.buffer.length) return this.text(JSON.stringify(value));
    this.room(3 * value.length + 2);
    const buffer = this.buffer;
    buffer[this.used++] = QUOTE;
    this.used += encodeUtf8(buffer, value, this.used);
    buffer[this.used++] = QUOTE;
  }

  /** Any text, encoded in pieces the buffer holds; a piece never ends inside a surrogate pair. */
  private text(text: string): void {
    const units = this.buffer.length >> 2;
    for (let from = 0; from < text.length; ) {
      const to = pieceEnd(text, from, units);
      this.room(3 * (to - from));
      this.used += encodeUtf8(this.buffer, from === 0 && to === text.length ? text : text.slice(from, to), this.used);
      from = to;
    }
  }
}
