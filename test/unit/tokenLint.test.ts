import assert from 'node:assert/strict';
import { test } from 'node:test';
import { lintToken } from '../../src/core/tokenLint';

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
];

for (const [name, raw, problems] of cases) {
  test(`lint: ${name}`, () => {
    const lint = lintToken(raw);
    assert.deepEqual(lint.problems, problems);
    if (!problems.includes('not-sk-shaped') && !problems.includes('empty')) assert.equal(lint.cleaned, GOOD);
  });
}
