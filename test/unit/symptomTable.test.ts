import assert from 'node:assert/strict';
import { test } from 'mocha';
import { CHECKLISTS } from '../../src/core/clients/checklists';
import { CLIENT_IDS, CLIENTS } from '../../src/core/clients/clients';
import { CHERRY_STUDIO_ROWS, CURSOR_ROWS } from '../../src/core/symptoms/guideRows';
import { SYMPTOM_IDS } from '../../src/core/symptoms/symptomIds';
import { ALL_ROWS, renderFix, rowFor, rowsForClient } from '../../src/core/symptoms/symptomTable';

test('every row of the Cherry Studio guide table is carried, in order', () => {
  assert.deepEqual(
    CHERRY_STUDIO_ROWS.map((r) => r.symptom),
    [
      'Check fails',
      '401 unauthorized',
      '403 / model not allowed',
      '404',
      'Check still fails even though the URL and key look right',
      'model list does not load',
      'connection works but chat still fails',
      'streaming behaves oddly',
      'MCP tool calls fail',
    ],
  );
});

test('every row of the Cursor guide table is carried, in order', () => {
  assert.deepEqual(
    CURSOR_ROWS.map((r) => r.symptom),
    [
      'Verify fails',
      '401 unauthorized',
      '403 or model not allowed',
      '404',
      'no models show up or the list looks wrong',
      'chat works but Tab Completion does not use Crazyrouter',
      'custom models do not behave correctly',
      'cost jumps unexpectedly',
    ],
  );
});

test('row ids are unique', () => {
  assert.equal(new Set(ALL_ROWS.map((r) => r.id)).size, ALL_ROWS.length);
});

test('every conclusion a check can reach has a row for every client', () => {
  for (const client of CLIENT_IDS) for (const symptom of SYMPTOM_IDS) assert.ok(rowFor(symptom, client), `${symptom} has no row for ${client}`);
});

test("a client's own guide row wins over the gateway row", () => {
  assert.equal(rowFor('auth.invalid', 'cursor')?.id, 'cursor.401');
  assert.equal(rowFor('auth.invalid', 'cherry-studio')?.id, 'cherry.401');
  assert.equal(rowFor('auth.invalid', 'codex')?.id, 'gateway.401');
  assert.equal(rowFor('url.website-html', 'cursor')?.id, 'cursor.404');
  assert.equal(rowFor('url.website-html', 'cherry-studio')?.id, 'gateway.html-200');
});

test('a client sees its own rows and the gateway rows, never another guide’s', () => {
  const cursor = rowsForClient('cursor');
  assert.ok(cursor.every((r) => r.source !== 'cherry-studio-guide'));
  assert.equal(cursor.filter((r) => r.source === 'cursor-guide').length, CURSOR_ROWS.length);
});

test('fixes name the exact value for the client', () => {
  const row = rowFor('url.website-html', 'cherry-studio')!;
  assert.match(renderFix(row, 'cherry-studio'), /https:\/\/crazyrouter\.com$/);
  assert.match(renderFix(row, 'cline'), /https:\/\/crazyrouter\.com\/v1$/);
  for (const client of CLIENT_IDS) for (const r of rowsForClient(client)) assert.doesNotMatch(renderFix(r, client), /\{\w+\}/, `${r.id} left a placeholder`);
});

test('checklists carry every item of both guides', () => {
  assert.equal(CHECKLISTS['cherry-studio'].filter((i) => i.source === 'guide').length, 8);
  assert.equal(CHECKLISTS.cursor.filter((i) => i.source === 'guide').length, 7);
  for (const client of CLIENT_IDS) {
    assert.ok(CHECKLISTS[client].length > 0, client);
    assert.ok(CLIENTS[client].urlValue.startsWith('https://crazyrouter.com'));
  }
});
