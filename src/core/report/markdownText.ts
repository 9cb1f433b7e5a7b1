import { visibleText } from '../visibleText';

/** Characters CommonMark lets a backslash escape: all of them are escaped in plain text. */
const PUNCTUATION = /[!"#$%&'()*+,\-./:;<=>?@[\\\]^_`{|}~]/g;

/**
 * Our own words for Markdown: every punctuation mark escaped, so nothing in them can open
 * emphasis, a link, an image, a heading or HTML, or break a table.
 */
export function mdText(text: string): string {
  return visibleText(text).replace(PUNCTUATION, '\\$&');
}

/**
 * Words from outside (a gateway's message, a model id, a URL, a config value) for Markdown: a code
 * span, which is never a link, an image, emphasis or HTML. The fence is one backtick longer than
 * any run inside, line breaks become spaces, and `|` is escaped so a table cell stays one cell.
 */
export function mdCode(text: string): string {
  const flat = visibleText(text).replace(/\|/g, '\\|');
  if (flat === '') return '';
  const longest = Math.max(0, ...(flat.match(/`+/g) ?? []).map((run) => run.length));
  const fence = '`'.repeat(longest + 1);
  const pad = flat.startsWith('`') || flat.endsWith('`') || flat.startsWith(' ') ? ' ' : '';
  return `${fence}${pad}${flat}${pad}${fence}`;
}
