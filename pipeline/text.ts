/**
 * Text as a reader sees it: a rewrap, a paragraph split or an HTML table rewritten as a pipe table
 * changes line breaks and spacing only, and that is no change.
 */
export function sameText(a: string | null | undefined, b: string | null | undefined): boolean {
  return collapseSpace(a) === collapseSpace(b);
}

export function collapseSpace(text: string | null | undefined): string {
  return (text ?? '').replace(/\s+/g, ' ').trim();
}
