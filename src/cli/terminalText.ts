import type stringWidthOf from 'string-width';

/**
 * Text measured and cut the way a terminal draws it: by display columns, not characters. A CJK
 * character takes two columns, a combining mark none, an emoji sequence is one unit (string-width,
 * by grapheme cluster with Intl.Segmenter). Works on plain text; colour is added after cutting.
 */
let segmenter: Intl.Segmenter | undefined;
/** Grapheme clusters; text of NARROW_ONLY characters is one a character, without the segmenter (its ICU set-up costs ~12 ms). */
const graphemes = (text: string) =>
  NARROW_ONLY.test(text) ? text.split('') : [...(segmenter ??= new Intl.Segmenter(undefined, { granularity: 'grapheme' })).segment(text)].map((s) => s.segment);

/**
 * Characters one column wide each, none joining another into one cluster: printable ASCII and
 * Latin-1, general punctuation (dashes, quotes, …), arrows, box drawing, check marks and the
 * spinner's braille: what the doctor's English output is made of. Text of these alone is as wide
 * as it is long; for any other, string-width is loaded (its emoji pattern and segmenter are built
 * as it loads: ~25 ms of every CLI start). test/unit/terminalText.test.ts holds each of these
 * characters to string-width.
 */
export const NARROW_ONLY = /^[\u0020-\u007e\u00a0-\u00ac\u00ae-\u00ff\u2010-\u2027\u2030-\u205e\u2190-\u21ff\u2500-\u257f\u2713-\u2718\u2800-\u28ff]*$/;
let stringWidth: typeof stringWidthOf | undefined;

export const displayWidth = (text: string): number =>
  NARROW_ONLY.test(text) ? text.length : (stringWidth ??= (require('string-width') as { default: typeof stringWidthOf }).default)(text);

/** `text` cut to at most `width` columns, ending in `…` when something was cut. */
export function fitWidth(text: string, width: number): string {
  if (width <= 0) return '';
  if (displayWidth(text) <= width) return text;
  let out = '';
  let used = 0;
  for (const g of graphemes(text)) {
    const w = displayWidth(g);
    if (used + w > width - 1) break;
    out += g;
    used += w;
  }
  return `${out}…`;
}

/** `text` padded with spaces to `width` columns (never cut). */
export function padWidth(text: string, width: number): string {
  return text + ' '.repeat(Math.max(0, width - displayWidth(text)));
}

/** Labels that share a column (`cause:`, `fix:`): each padded to the widest of them plus one space, in display columns. */
export function alignLabels<T extends string[]>(labels: [...T]): { [K in keyof T]: string } {
  const width = Math.max(...labels.map(displayWidth)) + 1;
  return labels.map((label) => padWidth(label, width)) as { [K in keyof T]: string };
}

/** Splits a word wider than `width` into pieces of at most `width` columns (a URL, a run of CJK text). */
function splitWord(word: string, width: number): string[] {
  const pieces: string[] = [];
  let piece = '';
  for (const g of graphemes(word)) {
    if (piece && displayWidth(piece + g) > width) {
      pieces.push(piece);
      piece = '';
    }
    piece += g;
  }
  if (piece) pieces.push(piece);
  return pieces;
}

/**
 * `text` broken into lines of at most `width` columns: at spaces where it can, inside a word that
 * is wider than a line (CJK text, which has no spaces, breaks between any two characters). The
 * first line has `first` columns when given (the rest of a line that has a label before it).
 */
export function wrapWidth(text: string, width: number, first = width): string[] {
  const lines: string[] = [];
  let line = '';
  let room = Math.max(1, first);
  const push = () => {
    lines.push(line);
    line = '';
    room = Math.max(1, width);
  };
  for (const word of text.split(/\s+/).filter(Boolean)) {
    const joined = line ? `${line} ${word}` : word;
    if (displayWidth(joined) <= room) {
      line = joined;
      continue;
    }
    if (line) push();
    if (displayWidth(word) <= room) {
      line = word;
      continue;
    }
    // The first piece fills what is left of this line; the rest are cut to a whole line's width
    // (the first line can be wider or narrower than the others).
    const [head = '', ...tail] = splitWord(word, room);
    for (const piece of [head, ...(tail.length > 0 ? splitWord(tail.join(''), Math.max(1, width)) : [])]) {
      if (line) push();
      line = piece;
    }
  }
  if (line || lines.length === 0) lines.push(line);
  return lines;
}

/** `first` followed by `text` wrapped under it: continuation lines start at `indent` columns (undefined width: one line). */
export function hanging(first: string, text: string, width: number | undefined, indent: number): string[] {
  if (width === undefined) return [`${first}${text}`];
  const room = width - displayWidth(first);
  const [head = '', ...rest] = wrapWidth(text, width - indent, Math.max(1, room));
  return [`${first}${head}`, ...rest.map((l) => `${' '.repeat(indent)}${l}`)];
}
