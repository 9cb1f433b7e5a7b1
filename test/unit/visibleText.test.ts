import assert from 'node:assert/strict';
import { test } from 'mocha';
import { visibleJson, visibleText } from '../../src/core/visibleText';

/** What a terminal acts on: C0 (but tab and line feed), DEL, C1, and the direction controls. */
// oxlint-disable-next-line no-control-regex -- finding control characters is the point
const ACTS = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/;

const cases: [name: string, input: string, shown: string][] = [
  ['an erase-screen CSI', '\u001b[2Jhi', '\\x1b[2Jhi'],
  ['a window title (OSC 0, ended by BEL)', '\u001b]0;pwned\u0007', '\\x1b]0;pwned\\x07'],
  ['an OSC 8 hyperlink', '\u001b]8;;https://evil.example\u001b\\click\u001b]8;;\u001b\\', '\\x1b]8;;https://evil.example\\x1b\\click\\x1b]8;;\\x1b\\'],
  ['a bell', 'ding\u0007', 'ding\\x07'],
  ['a bare carriage return that would overwrite the line', 'FAIL\r✔ PASS', 'FAIL\\x0d✔ PASS'],
  ['a backspace', 'ab\bc', 'ab\\x08c'],
  ['DEL', 'a\u007f', 'a\\x7f'],
  ['a C1 CSI (U+009B)', '\u009b31m', '\\x9b31m'],
  ['a right-to-left override', '\u202etxt.exe', '\\u202etxt.exe'],
  ['a right-to-left isolate and its end', '\u2067abc\u2069', '\\u2067abc\\u2069'],
  ['the Arabic letter mark and the direction marks', '\u061c\u200e\u200f', '\\u061c\\u200e\\u200f'],
  ['a NUL', 'a\u0000b', 'a\\x00b'],
  ['line breaks and tabs, on one line', 'a\r\nb\nc\td', 'a b c d'],
  ['ordinary text in any script is left alone', 'gpt-5.4 模型 ✔ — “quoted” 🙂', 'gpt-5.4 模型 ✔ — “quoted” 🙂'],
];

for (const [name, input, shown] of cases) {
  test(`visibleText: ${name}`, () => {
    const out = visibleText(input);
    assert.equal(out, shown);
    assert.doesNotMatch(out, ACTS);
  });
}

test('visibleText keeps line breaks when asked, but still escapes a bare carriage return', () => {
  assert.equal(visibleText('one\r\ntwo\nthree\rfour', true), 'one\ntwo\nthree\\x0dfour');
  assert.doesNotMatch(visibleText('\u001b[1A\r\u202e\n', true), ACTS);
});

test('visibleText leaves nothing a terminal acts on, whatever the code point (every one below U+3000)', () => {
  let all = '';
  for (let c = 0; c < 0x3000; c++) all += String.fromCharCode(c);
  assert.doesNotMatch(visibleText(all), ACTS);
  assert.doesNotMatch(visibleText(all, true), ACTS);
});

test('visibleJson escapes what a terminal acts on, in keys and values, and parses back to the same value', () => {
  const value = { [`key\u202e`]: ['\u001b]0;t\u0007', '\u009b2J\u007f', '\u2066x\u2069\r', 'plain ✔ 模型'], n: 1, nested: { ok: true } };
  const json = visibleJson(value);
  assert.doesNotMatch(json, ACTS);
  assert.match(json, /\\u202e/);
  assert.deepEqual(JSON.parse(json), value);
  assert.equal(visibleJson({ a: 'b' }), JSON.stringify({ a: 'b' }, null, 2), 'ordinary JSON is unchanged');
});
