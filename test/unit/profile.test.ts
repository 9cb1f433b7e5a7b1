import assert from 'node:assert/strict';
import { test } from 'mocha';
import { parseProfile } from '../../src/core/profile';
import { Secret } from '../../src/core/secret';

const TOKEN = 'sk-ProfileCanary0123456789abcdef';

test('defaults: cursor, the three recommended models, 20 s', () => {
  const r = parseProfile({ baseUrl: 'https://crazyrouter.com/v1/' }, Secret.of(TOKEN));
  assert.ok(r.ok);
  assert.equal(r.profile.baseUrl, 'https://crazyrouter.com/v1');
  assert.deepEqual(r.profile.models, ['gpt-5.4', 'claude-sonnet-4-6', 'gemini-3-pro-preview']);
  assert.equal(r.profile.client, 'cursor');
  assert.equal(r.profile.timeoutMs, 20_000);
});

test('the token is cleaned for use, and the profile never prints it', () => {
  const r = parseProfile({ baseUrl: 'https://crazyrouter.com/v1' }, Secret.of(`Bearer ${TOKEN}\n`));
  assert.ok(r.ok);
  assert.equal(r.profile.secret.reveal(), TOKEN);
  assert.deepEqual(r.profile.tokenLint.problems, ['surrounding-whitespace', 'bearer-prefix']);
  assert.ok(!JSON.stringify(r.profile).includes(TOKEN));
});

test('bad settings are rejected with messages that never carry the token', () => {
  const r = parseProfile({ baseUrl: 'ftp://x', models: [], client: 'nope' as never, timeoutMs: 5 }, Secret.of(TOKEN));
  assert.equal(r.ok, false);
  if (r.ok) return;
  assert.ok(r.errors.some((e) => e.startsWith('baseUrl')));
  assert.ok(r.errors.some((e) => e.startsWith('models')));
  assert.ok(r.errors.some((e) => e.startsWith('client')));
  assert.ok(r.errors.some((e) => e.startsWith('timeoutMs')));
  assert.ok(!r.errors.join(' ').includes(TOKEN));
});

test('duplicate models are checked once', () => {
  const r = parseProfile({ baseUrl: 'https://crazyrouter.com/v1', models: ['gpt-5.4', ' gpt-5.4 '] }, Secret.of(TOKEN));
  assert.ok(r.ok && r.profile.models.length === 1);
});
