import assert from 'node:assert/strict';
import { test } from 'mocha';
import stringWidth from 'string-width';
import { displayWidth, hanging, NARROW_ONLY, wrapWidth } from '../../src/cli/terminalText';

const widths = (lines: string[]) => lines.map(displayWidth);

test('a word longer than a line is cut so that no line, continuation included, is wider than the terminal', () => {
  for (const [first, text, width, indent] of [
    ['    ', 'claude-sonnet-4-5-20250929-thinking-x-and-some-more', 20, 6],
    ['', '这是一个很长的没有空格的中文句子用来测试换行是否正确处理所有的宽字符', 20, 2],
    ['  ✔ ', 'https://crazyrouter.com/v1/chat/completions/with/a/very/long/path/indeed', 24, 4],
  ] as const) {
    const lines = hanging(first, text, width, indent);
    assert.ok(
      widths(lines).every((w) => w <= width),
      `${JSON.stringify(lines)} (${widths(lines).join(', ')} columns, at most ${width})`,
    );
    assert.equal(lines.map((l, i) => (i === 0 ? l.slice(first.length) : l.trimStart())).join(''), text.replace(/\s+/g, ''), 'nothing is lost');
  }
});

test('a first line narrower than the rest is filled, and the rest take whole lines', () => {
  const lines = wrapWidth('abcdefghijklmnopqrstuvwxyz', 10, 4);
  assert.deepEqual(lines, ['abcd', 'efghijklmn', 'opqrstuvwx', 'yz']);
});

test('the characters displayWidth counts without string-width are each one column to string-width, and text of them is as wide as long', () => {
  const narrow: string[] = [];
  for (let code = 0x20; code <= 0x2fff; code++) {
    const char = String.fromCodePoint(code);
    if (NARROW_ONLY.test(char)) narrow.push(char);
  }
  assert.ok(narrow.length > 700, `${narrow.length} characters`);
  for (const char of narrow) assert.equal(stringWidth(char), 1, `U+${char.codePointAt(0)!.toString(16)} ${char}`);
  const text = narrow.join('');
  assert.equal(stringWidth(text), text.length);
  assert.equal(displayWidth(text), text.length);
  // …and each is a grapheme cluster of its own, as fitWidth and wrapWidth take them without the segmenter.
  const clusters = [...new Intl.Segmenter(undefined, { granularity: 'grapheme' }).segment(text)].map((s) => s.segment);
  assert.deepEqual(clusters, [...text]);
  // Outside the set, string-width decides.
  for (const other of ['中文', '✅', 'e\u0301', '👍🏽', '\u00ad', 'a\u200db']) assert.equal(displayWidth(other), stringWidth(other), other);
});
