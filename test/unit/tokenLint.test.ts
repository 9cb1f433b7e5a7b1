import assert from 'node:assert/strict';
import { test } from 'mocha';
import { lintToken, UNSENDABLE } from '../../src/core/tokenLint';

const GOOD = 'sk-AbCdEf0123456789GhIjKl';

test('a clean token has no problems', () => {
  assert.deepEqual(lintToken(GOOD), { problems: [], cleaned: GOOD });
});

const cases: [string, string, string[]][] = [
  ['empty', '', ['empty']],
  ['only spaces', '   \n', ['empty']],
  ['trailing newline', `${GOOD}\n`, ['surrounding-whitespace']],
  ['leading space', ` ${GOOD}`, ['surrounding-whitespace']],
  ['Bearer header pasted', `Bearer ${GOOD}`, ['bearer-prefix']],
  ['lowercase bearer with spaces', `  bearer ${GOOD} `, ['surrounding-whitespace', 'bearer-prefix']],
  ['quoted', `"${GOOD}"`, ['quoted']],
  ['space inside', `${GOOD.slice(0, 10)} ${GOOD.slice(10)}`, ['inner-whitespace']],
  ['not sk-shaped', 'pk-live-123', ['not-sk-shaped']],
  ['too short', 'sk-123', ['not-sk-shaped']],
  ['a zero-width space inside (copied from a web page)', `${GOOD.slice(0, 10)}\u200b${GOOD.slice(10)}`, ['invisible-characters', 'not-sk-shaped']],
  ['a byte-order mark inside', `${GOOD.slice(0, 10)}\ufeff${GOOD.slice(10)}`, ['invisible-characters', 'not-sk-shaped']],
  ['a right-to-left override', `${GOOD}\u202e`, ['invisible-characters', 'not-sk-shaped']],
  ['an escape character', `${GOOD.slice(0, 10)}\u001b${GOOD.slice(10)}`, ['control-characters', 'not-sk-shaped']],
  ['a Cyrillic letter that looks Latin', `${GOOD.slice(0, 10)}\u0430${GOOD.slice(11)}`, ['non-ascii', 'not-sk-shaped']],
];

test('characters no HTTP header may carry make the token unsendable', () => {
  for (const problem of ['invisible-characters', 'control-characters', 'non-ascii', 'empty'] as const) assert.ok(UNSENDABLE.includes(problem), problem);
  assert.ok(!UNSENDABLE.includes('surrounding-whitespace'), 'whitespace is cleaned and reported, not fatal');
});

for (const [name, raw, problems] of cases) {
  test(`lint: ${name}`, () => {
    const lint = lintToken(raw);
    assert.deepEqual(lint.problems, problems);
    if (!problems.includes('not-sk-shaped') && !problems.includes('empty')) assert.equal(lint.cleaned, GOOD);
  });
}
