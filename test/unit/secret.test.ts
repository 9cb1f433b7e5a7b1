import assert from 'node:assert/strict';
import { test } from 'mocha';
import { inspect } from 'node:util';
import { redact, redactDeep } from '../../src/core/redact';
import { Secret } from '../../src/core/secret';

const TOKEN = 'sk-CanaryToken1234567890abcdefXYZ';

test('a Secret prints, serialises and inspects as a mask', () => {
  const secret = Secret.of(TOKEN);
  assert.equal(String(secret), '[redacted token]');
  assert.equal(`${secret}`, '[redacted token]');
  assert.equal(JSON.stringify({ secret }), '{"secret":"[redacted token]"}');
  assert.ok(!inspect({ nested: { secret } }, { depth: 5 }).includes(TOKEN));
  assert.ok(!Object.keys(secret).length, 'no enumerable fields hold the value');
  assert.equal(secret.reveal(), TOKEN);
});

test('the hint shows only the prefix and last four characters', () => {
  assert.equal(Secret.of(TOKEN).hint(), 'sk-…fXYZ');
  assert.equal(Secret.of('').hint(), '(none)');
  assert.equal(Secret.of('sk-short').hint(), 'sk-…');
});

test('redact removes the token as pasted, trimmed and without Bearer, and any sk- token', () => {
  const pasted = Secret.of(`  Bearer ${TOKEN}\n`);
  const text = `header Bearer ${TOKEN} and raw ${TOKEN} and other sk-OtherToken0987654321abcd end`;
  const out = redact(text, pasted);
  assert.ok(!out.includes(TOKEN));
  assert.ok(!out.includes('sk-OtherToken0987654321abcd'));
  assert.match(out, /sk-\[redacted\]/);
});

test('redact keeps gateway-masked keys and short strings', () => {
  assert.equal(redact('[sk-abc***xyz] 该令牌额度已用尽'), '[sk-abc***xyz] 该令牌额度已用尽');
  assert.equal(redact('sk-... is the format'), 'sk-... is the format');
});

test('redactDeep walks objects and arrays', () => {
  const out = redactDeep({ a: [TOKEN, { b: `x ${TOKEN}` }], n: 3 }, Secret.of(TOKEN));
  assert.ok(!JSON.stringify(out).includes(TOKEN));
  assert.equal(out.n, 3);
});

test('redact finds the token however a gateway escaped it: JSON, URL-encoded, HTML references, mixed', () => {
  const secret = Secret.of(TOKEN);
  const json = JSON.stringify({ model: TOKEN }).replace('-', '\\u002d');
  const allEscaped = [...TOKEN].map((c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`).join('');
  const url = encodeURIComponent(TOKEN).replace(/[A-Za-z0-9]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  const html = [...TOKEN].map((c, i) => (i % 2 ? `&#${c.charCodeAt(0)};` : `&#x${c.charCodeAt(0).toString(16)};`)).join('');
  const mixed = `sk\\u002d${TOKEN.slice(3, 10)}%${TOKEN.charCodeAt(10).toString(16)}${TOKEN.slice(11)}`;
  for (const form of [json, allEscaped, url, html, mixed, TOKEN.slice(3)]) {
    const out = redact(`the gateway said: ${form} (request id: 1)`, secret);
    assert.match(out, /sk-\[redacted\]/, form);
    for (let i = 0; i + 12 <= TOKEN.length; i++) assert.ok(!out.includes(TOKEN.slice(i, i + 12)), `no 12 characters of the token remain: ${out}`);
  }
});

test("redact's quick test never lets a form through: padded references, upper-case escapes, secrets holding escape characters or non-ASCII", () => {
  const padded = [...TOKEN].map((c, i) => (i % 2 ? `&#000${c.charCodeAt(0)};` : `&#X00${c.charCodeAt(0).toString(16).toUpperCase()};`)).join('');
  const upperJson = [...TOKEN].map((c) => `\\U00${c.charCodeAt(0).toString(16).toUpperCase()}`).join('');
  for (const form of [padded, upperJson, TOKEN.toUpperCase()]) {
    assert.match(redact(`said: ${form}`, Secret.of(TOKEN)), /sk-\[redacted\]/, form);
  }
  for (const odd of ['sk-ab%41cdEFGH1234', 'sk-ab&#65;cdEFGH1234', 'sk-ab\\u0041cdEFGH', 'sk-ΣΣabcdefgh1234']) {
    const said = `said: ${odd} and ${odd.replace('Σ', 'ς')}`;
    const out = redact(said, Secret.of(odd));
    assert.ok(!out.includes(odd.slice(3)), `${odd} survived: ${out}`);
    assert.ok(!out.includes(odd.slice(3).replace('Σ', 'ς')), `${odd}, case-folded, survived: ${out}`);
  }
});

test('an escape that starts right before the token cannot hide it from the quick test (seeded, 4,200 texts)', () => {
  let seed = 20261122;
  const next = () => (seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) / 2 ** 32;
  const pick = (chars: string) => chars[Math.floor(next() * chars.length)]!;
  const BODY = 'abcdefABCDEF0123456789u';
  const TAIL = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_-';
  const PREFIXES = ['%', '%4', '%a', '\\', '\\u', '\\u0', '\\u00', '\\U00', '&#', '&#x', '&#0', 'x'];
  const forms = (t: string) => [
    t,
    t.slice(3),
    JSON.stringify(t).slice(1, -1).replace('-', '\\u002d'),
    [...t].map((c, i) => (i % 3 === 0 ? `%${c.charCodeAt(0).toString(16)}` : c)).join(''),
    [...t].map((c, i) => (i % 4 === 1 ? `&#${c.charCodeAt(0)};` : c)).join(''),
  ];
  for (let n = 0; n < 100; n++) {
    const token = `sk-${Array.from({ length: 6 }, () => pick(BODY)).join('')}${Array.from({ length: 40 }, () => pick(TAIL)).join('')}`;
    const secret = Secret.of(token);
    for (const prefix of PREFIXES)
      for (const form of forms(token).slice(0, n % 2 ? 5 : 2)) {
        const out = redact(`said: ${prefix}${form} (request id: 1)`, secret);
        for (let i = 3; i + 12 <= token.length; i++) assert.ok(!out.includes(token.slice(i, i + 12)), `${prefix}${form} survived as ${out}`);
      }
  }
});
