// Keeps dist/cli-main.js ASCII, so the launcher (src/cli/launch.ts) reads it as Latin-1, a
// one-byte string. esbuild already writes strings, templates and identifiers as \u escapes; what it
// leaves are comments (ours and the packages', e.g. zod's "—", openai's "👋") and regular
// expression literals (the sources write those with \u escapes). Each non-ASCII UTF-16 unit of a
// comment becomes one "?": the columns, and so the source map, stay as they were.
// Measured on the 2-core machine, one-byte against two-byte source (10 runs each, 3 rounds, no
// NODE_EXTRA_CA_CERTS): --version 0.063 → 0.058 CPU-s, a sandbox run 0.260 → 0.227 (a reviewer
// measured 4–5%: 0.306 → 0.291, 0.332 → 0.319). Functions not in the code cache compile from the
// source when first called, and the string is decoded and scanned as one byte a character.
import { readFileSync, writeFileSync } from 'node:fs';
import { parseSync } from 'oxc-parser';

const NON_ASCII = /[\u0080-\uffff]/;
// All but U+2028 and U+2029: line terminators even inside a comment (they count for automatic
// semicolon insertion and for stack-trace lines), so they stay, and the file stays UTF-8.
const REWRITTEN_UNITS = /[\u0080-\u2027\u202a-\uffff]/g;

/**
 * Rewrites the comments of `file` that hold non-ASCII text; returns the lines where non-ASCII text
 * is left outside any comment (the launcher then reads the file as UTF-8, as Node would).
 */
export function asciiComments(file) {
  const source = readFileSync(file, 'utf8');
  if (!NON_ASCII.test(source)) return [];
  const { comments, errors } = parseSync(file, source, { sourceType: 'script', lang: 'js' });
  if (errors.length > 0) throw new Error(`${file}: ${errors[0].message}`);
  let out = '';
  let at = 0;
  for (const { start, end } of comments) {
    const text = source.slice(start, end);
    if (!NON_ASCII.test(text)) continue;
    out += source.slice(at, start) + text.replace(REWRITTEN_UNITS, '?');
    at = end;
  }
  out += source.slice(at);
  writeFileSync(file, out);
  return out.split('\n').flatMap((line, i) => (NON_ASCII.test(line) ? [`${file}:${i + 1}: ${line.trim().slice(0, 120)}`] : []));
}
