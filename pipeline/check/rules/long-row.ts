import { catalogCode, type Rule } from '../rule';
import { clip } from './message-text';

/**
 * A pipe row with text after its header's last column. GFM renders no such cell and errcat reads
 * none, so the catalog matches the published page; but the text is in neither. Most often a `|` in a
 * cell that should have been written `\|`: it cut the cell in two and moved the rest of the row one
 * column on, so the row's later fields hold the wrong text too.
 */
export const longRow: Rule = {
  id: 'long-row',
  defaultSeverity: 'warning',
  summary: "A pipe row with text after its header's last column, which GFM does not show and errcat does not read (most often a `|` in a cell not written `\\|`, which also moved the rest of the row one column on).",
  template: "{row} goes on after its header's last column with {cells}, which GFM does not show and errcat does not read (a | in a cell not written as \\|?)",
  check(context) {
    return context.rows
      .filter((row) => row.beyondHeader)
      .map((row) => {
        const texts = row.beyondHeader!;
        const code = catalogCode(context, row);
        const raw = row.rawCode.trim();
        return {
          errorCode: code,
          params: {
            // A row left out (empty-field, invalid-code) is named by its code cell: it has no entry.
            row: code !== undefined ? `${code}: the ${row.lang} row` : raw === '' ? `the ${row.lang} row without a code` : `the ${row.lang} row of code cell ${JSON.stringify(clip(raw))} (left out)`,
            cells: `${texts.length === 1 ? 'a cell' : `${texts.length} cells`}: ${texts.map((t) => JSON.stringify(clip(t))).join(', ')}`,
          },
          rows: [row],
          identity: code !== undefined ? [row.lang, ...texts] : [row.lang, raw, ...texts],
        };
      });
  },
};
