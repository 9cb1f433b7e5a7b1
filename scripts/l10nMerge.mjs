// node scripts/l10nMerge.mjs FILE.json…: adds the translations in FILE(s) (an object of English → Chinese)
// to l10n/bundle.l10n.zh-cn.json, drops keys the English bundle no longer has (run npm run l10n:export
// first), and writes it sorted. A later file wins over an earlier one and over the bundle.
import { readFileSync, writeFileSync } from 'node:fs';

const BUNDLE = 'l10n/bundle.l10n.zh-cn.json';
const read = (file) => JSON.parse(readFileSync(file, 'utf8'));
const english = read('l10n/bundle.l10n.json');
const chinese = read(BUNDLE);
for (const file of process.argv.slice(2)) {
  for (const [key, value] of Object.entries(read(file))) {
    chinese[key] = value;
  }
}
const kept = Object.keys(chinese)
  .filter((k) => k in english)
  .toSorted();
writeFileSync(BUNDLE, `${JSON.stringify(Object.fromEntries(kept.map((k) => [k, chinese[k]])), null, 2)}\n`);
console.log(
  `${BUNDLE}: ${kept.length} strings (${Object.keys(chinese).length - kept.length} stale dropped), ${Object.keys(english).length - kept.length} still missing`,
);
