import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { suite, suiteTeardown, test } from 'mocha';
import { HostMessageSchema, type HostMessage } from '../../src/core/protocol/panelProtocol';
import { read, useTextDocumentDuringTests } from './textDocument';

const { useBundle } = require('../../src/webview/useBundle') as typeof import('../../src/webview/useBundle');
const { SymptomTable } = require('../../src/webview/views/symptomTable') as typeof import('../../src/webview/views/symptomTable');
const { verdictLine } = require('../../src/webview/views/verdictLine') as typeof import('../../src/webview/views/verdictLine');
const { clientViews } = require('../../src/core/protocol/clientViews') as typeof import('../../src/core/protocol/clientViews');

const REPO = path.resolve(__dirname, '../../..');
const chinese = JSON.parse(readFileSync(path.join(REPO, 'l10n/bundle.l10n.zh-cn.json'), 'utf8')) as Record<string, string>;
const cursor = () => clientViews().find((c) => c.id === 'cursor')!;
const finished: Extract<HostMessage, { type: 'runFinished' }> = {
  type: 'runFinished',
  runId: 1,
  verdict: 'pass',
  durationMs: 812,
  counts: { pass: 5, warn: 0, fail: 0, skipped: 0 },
  checklist: {},
  rows: [],
  runsOn: 'this computer (devbox)',
};
const source = { kind: 'panel' as const, at: new Date().toISOString(), restored: false };
const textOf = (nodes: (Node | string)[]) =>
  nodes
    .filter(Boolean)
    .map((n) => (typeof n === 'string' ? n : read(n).textContent))
    .join(' ');

suite('the panel in Chinese', () => {
  // The views build their elements with the stand-in document, there while these tests run.
  useTextDocumentDuringTests();
  suiteTeardown(() => useBundle(undefined));

  test('with the Chinese bundle the host sends, the views are built in Chinese; without one, in English', () => {
    useBundle(chinese);
    const view = new SymptomTable();
    view.render(cursor());
    const table = read(view.element);
    assert.equal(table.descendants().find((e) => e.tagName === 'h2')?.textContent, '常见错误与修复');
    assert.deepEqual(
      table
        .descendants()
        .filter((e) => e.tagName === 'th')
        .map((e) => e.textContent),
      ['症状', '可能原因', '修复方法'],
    );
    assert.equal(table.descendants().find((e) => e.tagName === 'caption')?.textContent, '适用于 Cursor：先列出它的指南中的条目，再列出网关可能返回的内容。');
    const verdict = textOf(verdictLine(finished, source));
    assert.match(verdict, /全部 5 项检查通过。/);
    assert.match(verdict, /5\u00a0项通过/, 'a number stays with its unit');
    assert.match(verdict, /检查发自 this computer \(devbox\)。/, 'what the host measured is shown as sent');

    useBundle(undefined);
    const english = new SymptomTable();
    english.render(cursor());
    assert.equal(
      read(english.element)
        .descendants()
        .find((e) => e.tagName === 'h2')?.textContent,
      'Common errors and fixes',
    );
    assert.match(textOf(verdictLine(finished, source)), /All 5 checks passed\./);
  });

  test('the init message carries the bundle, validated like everything else the host sends', () => {
    const init = {
      type: 'init',
      tokenHint: null,
      settings: { baseUrl: 'https://crazyrouter.com/v1', client: 'cursor', models: ['gpt-5.4'] },
      clients: [],
      ticks: {},
    };
    assert.ok(HostMessageSchema.safeParse(init).success, 'English: no bundle');
    assert.ok(HostMessageSchema.safeParse({ ...init, l10n: chinese }).success, 'the Chinese bundle');
    assert.ok(!HostMessageSchema.safeParse({ ...init, l10n: { Cancel: 7 } }).success, 'a translation is text');
    assert.ok(!HostMessageSchema.safeParse({ ...init, l10n: 'zh-cn' }).success, 'a bundle, not a language name');
  });
});
