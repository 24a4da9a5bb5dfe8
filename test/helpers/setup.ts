// Tests call the stages directly; the CLI loads the HTML table reader on demand, here it is loaded once.
import { loadHtmlReader } from '../../pipeline/read/markdown/html-reader';

await loadHtmlReader();
