// package.json's user-facing texts are %keys% that VS Code resolves from package.nls.json (English)
// and package.nls.<language>.json (here Simplified Chinese). This holds the three files together.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'mocha';

const REPO = join(__dirname, '../../..');
const read = (file: string) => readFileSync(join(REPO, file), 'utf8');
const manifestText = read('package.json');
const english = JSON.parse(read('package.nls.json')) as Record<string, string>;
const chinese = JSON.parse(read('package.nls.zh-cn.json')) as Record<string, string>;

/** Every %key% package.json uses (VS Code resolves a string that is exactly `%key%`). */
function manifestKeys(): string[] {
  const keys: string[] = [];
  const walk = (value: unknown): void => {
    if (typeof value === 'string') {
      const key = /^%([^%\s]+)%$/.exec(value)?.[1];
      if (key) keys.push(key);
    } else if (Array.isArray(value)) value.forEach(walk);
    else if (value && typeof value === 'object') Object.values(value).forEach(walk);
  };
  walk(JSON.parse(manifestText));
  return keys;
}

/** What a translation must carry over unchanged: {placeholders}, `code`, and the targets of Markdown links (command: and https:). */
const fixedParts = (text: string) => [...text.matchAll(/\{[^}\s]+\}|`[^`]+`|\]\(([^)]+)\)/g)].map((m) => m[1] ?? m[0]).toSorted();

test('every %key% of package.json is in package.nls.json and package.nls.zh-cn.json, and neither holds a key the manifest does not use', () => {
  const used = manifestKeys();
  assert.ok(used.length >= 30, `the manifest's texts are keys (${used.length} found)`);
  assert.equal(new Set(used).size, used.length, 'each key is used once');
  for (const [name, bundle] of [
    ['package.nls.json', english],
    ['package.nls.zh-cn.json', chinese],
  ] as const) {
    assert.deepEqual(
      used.filter((k) => !(k in bundle)),
      [],
      `missing from ${name}`,
    );
    assert.deepEqual(
      Object.keys(bundle).filter((k) => !used.includes(k)),
      [],
      `unused in ${name}`,
    );
  }
});

test('the Chinese texts keep the English ones’ placeholders, code and link targets, and are translated', () => {
  for (const [key, text] of Object.entries(english)) {
    const translated = chinese[key] ?? '';
    assert.deepEqual(fixedParts(translated), fixedParts(text), `placeholders, code and links of ${key}`);
    assert.ok(translated.trim().length > 0, `${key} is translated`);
    if (/[a-z]{4} [a-z]{4}/.test(text) && key !== 'configuration.title') assert.match(translated, /\p{Script=Han}/u, `${key} reads in Chinese`);
  }
});

test('the walkthrough’s links name commands the manifest contributes, in both languages', () => {
  const manifest = JSON.parse(manifestText) as { contributes: { commands: { command: string }[] } };
  const commands = new Set(manifest.contributes.commands.map((c) => c.command));
  let links = 0;
  for (const bundle of [english, chinese])
    for (const text of Object.values(bundle))
      for (const [, command] of text.matchAll(/\]\(command:([\w.]+)/g)) {
        links++;
        assert.ok(commands.has(command!), `links ${command}`);
      }
  assert.equal(links, 8, 'four command links in each language');
});

test('the packaged extension carries both manifest translations (.vscodeignore allows them)', () => {
  const allowed = read('.vscodeignore')
    .split('\n')
    .filter((line) => line.startsWith('!'))
    .map((line) => line.slice(1));
  for (const file of ['package.nls.json', 'package.nls.zh-cn.json']) assert.ok(allowed.includes(file), file);
});
