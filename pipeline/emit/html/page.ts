/**
 * The shell of errcat's HTML pages, built as a hast tree and serialised (./hast: what
 * hast-util-to-html writes), so every text from a page is escaped by the serialiser and never
 * becomes markup. Self-contained: the style and script (page.css, page-script.js) are inlined and
 * allowed by hash (made by `npm run generate`) in a Content-Security-Policy that forbids every load.
 */
import { SCRIPT, SCRIPT_SOURCE, STYLE, STYLE_SOURCE } from '../../generated/page-assets';
import { h, serialized, toHtml, written, type Element, type ElementBuilder, type ElementContent, type Root } from './hast';

export { serialized, toHtml, written, type ElementBuilder };
import { diffChars } from './text-diff';
import { PUNCTUATION_WITH_SPACE } from '../../text';

export const CONTENT_SECURITY_POLICY =
  `default-src 'none'; style-src ${STYLE_SOURCE}; script-src ${SCRIPT_SOURCE}; ` +
  `img-src 'none'; connect-src 'none'; base-uri 'none'; form-action 'none'`;

/**
 * A serialiser of hast trees: ./hast's by default; tests pass hast-util-to-html's (with
 * allowDangerousHtml, for the rows serialised ahead) to compare.
 */
export type Serialize = (tree: Root) => string;

export function renderPage(title: string, body: ElementContent[], serialize: Serialize = toHtml): string {
  const tree: Root = {
    type: 'root',
    children: [
      { type: 'doctype' },
      h('html', { lang: 'en' }, [
        h('head', [
          h('meta', { charset: 'utf-8' }),
          h('meta', { httpEquiv: ['Content-Security-Policy'], content: CONTENT_SECURITY_POLICY }),
          h('meta', { name: 'referrer', content: 'no-referrer' }),
          h('meta', { name: 'viewport', content: 'width=device-width, initial-scale=1' }),
          h('title', title),
          h('style', STYLE),
        ]),
        h('body', [...lines(body), h('script', SCRIPT)]),
      ]),
    ],
  };
  return `${serialize(tree)}\n`;
}

/** Children with a line break between them, so the committed page diffs line by line. */
export function lines(children: ElementContent[]): ElementContent[] {
  return children.flatMap((child) => [{ type: 'text', value: '\n' } as ElementContent, child]).concat({ type: 'text', value: '\n' });
}

export interface SelectFilter {
  /** The URL-hash key, and the `data-` attribute of rows it matches (space-separated tokens). */
  name: string;
  label: string;
  options: Array<[value: string, label: string]>;
}

/** The filter bar: hidden until the script runs, so a page without JavaScript shows no dead controls. */
export function filterForm(selects: SelectFilter[], rows: number): ElementContent[] {
  return [
    h('form', { id: 'filters', role: 'search', hidden: true }, [
      h('label', [h('span', ['Search code or text (', h('kbd', '/'), ')']), h('input', { type: 'search', id: 'q', name: 'q', autocomplete: 'off' })]),
      ...selects.map((s) =>
        h('label', [h('span', s.label), h('select', { name: s.name, id: `filter-${s.name}` }, [h('option', { value: '' }, 'all'), ...s.options.map(([value, label]) => h('option', { value }, label))])]),
      ),
    ]),
    h('p', { id: 'shown', role: 'status', ariaLive: 'polite' }, `${rows} rows`),
  ];
}

type MarkClass = string | ((changed: string) => string);

/** Two texts with their differing characters marked (`wording`, `punct`, `old`, `new`, or a class per changed run). */
export function markedPair(a: string, b: string, classA: MarkClass, classB: MarkClass = classA, el: ElementBuilder = h): [ElementContent[], ElementContent[]] {
  const [x, y] = diffChars(a, b);
  const render = (segments: typeof x, className: MarkClass): ElementContent[] =>
    segments.map((s) =>
      s.changed ? el('mark', { className: [typeof className === 'string' ? className : className(s.text)] }, s.text) : { type: 'text', value: s.text },
    );
  return [render(x, classA), render(y, classB)];
}

/** In a wording difference, a changed run of punctuation and spaces alone is still only punctuation. */
export const wordingOrPunct = (changed: string) =>
  changed !== '' && (changed.trim() === '' || changed.replace(PUNCTUATION_WITH_SPACE, '') === '') ? 'punct' : 'wording';

export type { Element, ElementContent };
