import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { test } from 'mocha';
import { localizedChecklist } from '../../src/core/clients/checklists';
import { useBundle } from '../../src/core/l10n/localize';
import { clientViews } from '../../src/core/protocol/clientViews';
import { renderFix, rowFor } from '../../src/core/symptoms/symptomTable';
import { localizableData } from '../support/localizableData';
import { sourceStrings } from '../support/sourceStrings';

const REPO = path.resolve(__dirname, '../../..');
const readJson = (file: string) => JSON.parse(readFileSync(path.join(REPO, file), 'utf8')) as Record<string, string | { message: string }>;
const text = (value: string | { message: string }) => (typeof value === 'string' ? value : value.message);
const placeholders = (s: string) => (s.match(/\{[A-Za-z0-9]+\}/g) ?? []).toSorted();

/** Every string the doctor shows: each `l10n.t('…')` in src (as @vscode/l10n-dev finds them), and the data read through `l10n.t`. */
let extracted: Promise<Set<string>> | undefined;
const englishKeys = () => (extracted ??= sourceStrings().then((found) => new Set([...Object.keys(found), ...localizableData()])));

test('l10n/bundle.l10n.json holds exactly the English strings of the code and the data (npm run l10n:export)', async () => {
  const keys = await englishKeys();
  const english = readJson('l10n/bundle.l10n.json');
  assert.deepEqual(
    [...keys].filter((k) => !(k in english)),
    [],
    'missing from the English bundle: run npm run l10n:export',
  );
  assert.deepEqual(
    Object.keys(english).filter((k) => !keys.has(k)),
    [],
    'in the English bundle but no longer in the code: run npm run l10n:export',
  );
});

test('every English string has its Simplified Chinese translation, with the same placeholders, and nothing stale', async () => {
  const keys = await englishKeys();
  const chinese = readJson('l10n/bundle.l10n.zh-cn.json');
  assert.deepEqual(
    [...keys].filter((k) => !(k in chinese)),
    [],
    'missing from l10n/bundle.l10n.zh-cn.json',
  );
  assert.deepEqual(
    Object.keys(chinese).filter((k) => !keys.has(k)),
    [],
    'translated but no longer in the code',
  );
  for (const [key, value] of Object.entries(chinese)) {
    assert.deepEqual(placeholders(text(value)), placeholders(key), `placeholders of "${key}"`);
    assert.ok(text(value).trim().length > 0, `"${key}" is translated`);
  }
});

test('with the Chinese bundle the guides’ rows, fixes and checklists read in Chinese; the English ones come back without it', () => {
  const chinese = readJson('l10n/bundle.l10n.zh-cn.json') as Record<string, string>;
  try {
    useBundle(chinese);
    const row = rowFor('auth.invalid', 'cherry-studio');
    assert.equal(row?.symptom, '401 未授权');
    assert.equal(
      renderFix(rowFor('url.website-html', 'cline')!, 'cline'),
      '把 API Provider "OpenAI Compatible" → Base URL 准确设为 https://crazyrouter.com/v1',
    );
    assert.equal(localizedChecklist('cherry-studio')[0]?.text, '在提供商设置中检测成功');
    assert.equal(clientViews().find((c) => c.id === 'cherry-studio')?.urlField, '设置 → 模型服务 → Crazyrouter（类型 OpenAI）→ API 地址');
  } finally {
    useBundle(undefined);
  }
  assert.equal(rowFor('auth.invalid', 'cherry-studio')?.symptom, '401 unauthorized');
  assert.equal(localizedChecklist('cherry-studio')[0]?.text, 'Check succeeds in the provider settings');
});
