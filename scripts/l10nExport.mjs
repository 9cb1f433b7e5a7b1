// npm run l10n:export: writes l10n/bundle.l10n.json, the English strings translators start from:
// every `l10n.t('…')` and `vscode.l10n.t('…')` in src (found by @vscode/l10n-dev) and the strings
// that live as data (the guides' rows and checklists, read through l10n.t). Run after a build:
// both come from out/test/support (sourceStrings.js, localizableData.js). Then it lists what
// l10n/bundle.l10n.zh-cn.json still lacks.
//   node scripts/l10nExport.mjs [--only src/cli,src/core/discovery]   list only what those paths say
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const only = process.argv.includes('--only') ? process.argv[process.argv.indexOf('--only') + 1].split(',') : undefined;
const { sourceFiles, sourceStrings } = require('../out/test/support/sourceStrings.js');
const files = sourceFiles();
const extracted = await sourceStrings(files);
const { localizableData } = require('../out/test/support/localizableData.js');
const bundle = { ...extracted };
for (const key of localizableData()) bundle[key] ??= key;
const sorted = Object.fromEntries(
  Object.keys(bundle)
    .toSorted()
    .map((k) => [k, bundle[k]]),
);
writeFileSync('l10n/bundle.l10n.json', `${JSON.stringify(sorted, null, 2)}\n`);
const chinese = JSON.parse(readFileSync('l10n/bundle.l10n.zh-cn.json', 'utf8'));
const scope = only ? Object.keys(await sourceStrings(files.filter((f) => only.some((p) => f.startsWith(p))))) : Object.keys(sorted);
const missing = scope.filter((k) => !(k in chinese));
const stale = Object.keys(chinese).filter((k) => !(k in sorted));
console.log(
  `l10n/bundle.l10n.json: ${Object.keys(sorted).length} strings; ${missing.length} ${only ? `of ${only.join(', ')} ` : ''}not yet in bundle.l10n.zh-cn.json`,
);
for (const key of missing) console.log(`  missing ${JSON.stringify(key)}`);
if (!only) for (const key of stale) console.log(`  stale   ${JSON.stringify(key)}`);
