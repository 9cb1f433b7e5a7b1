// npm run l10n:export: writes l10n/bundle.l10n.json, the English strings translators start from:
// every `l10n.t('…')` and `vscode.l10n.t('…')` in src (found by @vscode/l10n-dev) and the strings
// that live as data (the guides' rows and checklists, read through l10n.t). Run after a build:
// the data comes from out/test/support/localizableData.js.
import { getL10nJson } from '@vscode/l10n-dev';
import { readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';

const require = createRequire(import.meta.url);
const sources = (dir) =>
  readdirSync(dir).flatMap((name) => {
    const file = join(dir, name);
    return statSync(file).isDirectory() ? sources(file) : file.endsWith('.ts') ? [file] : [];
  });
const files = ['core', 'cli', 'extension', 'webview'].flatMap((room) => sources(join('src', room)));
const extracted = await getL10nJson(files.map((file) => ({ extension: '.ts', contents: readFileSync(file, 'utf8') })));
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
const missing = Object.keys(sorted).filter((k) => !(k in chinese));
console.log(`l10n/bundle.l10n.json: ${Object.keys(sorted).length} strings; ${missing.length} not yet in bundle.l10n.zh-cn.json`);
for (const key of missing) console.log(`  ${JSON.stringify(key)}`);
