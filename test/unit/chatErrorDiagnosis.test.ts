import assert from 'node:assert/strict';
import { test } from 'mocha';
import { diagnoseChatError } from '../../src/core/vscodeChat/chatErrorDiagnosis';
import { WORDINGS } from '../../src/core/wordings/corpus';

// What reaches a caller of VS Code's chat API when the gateway refuses: the body's error.message as
// new-api wrote it (request id appended), or Copilot's own "token expired or invalid: 401"
// (microsoft/vscode-copilot-chat@31acd00 src/extension/prompt/node/chatMLFetcher.ts _handleError).

test('a gateway message VS Code passes on is recognised from the corpus, with the request id it carried', () => {
  const expired = diagnoseChatError('该令牌已过期 (request id: 20261202091500123456789abcdefgh)');
  assert.equal(expired.symptom, 'auth.expired');
  assert.equal(expired.requestId, '20261202091500123456789abcdefgh');
  assert.ok(expired.rowId, 'a row of the VS Code chat table explains it');
  assert.match(expired.fix, /\S/);
  const allowlist = WORDINGS.find((w) => w.id === 'new-api/en/token-model-forbidden');
  assert.ok(allowlist, 'the corpus has new-api’s English allowlist wording');
  const sent = `${allowlist.text.replace('{model}', 'gpt-5.4')} (request id: 2026120209150012345678)`;
  assert.equal(diagnoseChatError(sent).symptom, 'model.not-allowed');
});

test('Copilot’s own text for a 401 without a message is the key VS Code sent, with the VS Code row’s fix', () => {
  const d = diagnoseChatError('token expired or invalid: 401');
  assert.equal(d.symptom, 'auth.invalid');
  assert.equal(d.rowId, 'gateway.vscode-key');
  assert.match(d.fix, /Chat: Manage Language Models/);
  assert.equal(d.requestId, undefined);
});

test('a message the corpus does not know, or that could mean two things, is inconclusive and says how to find out', () => {
  for (const message of ['Something odd happened upstream', 'token expired or invalid: 403', '']) {
    const d = diagnoseChatError(message);
    assert.equal(d.symptom, undefined, message);
    assert.equal(d.rowId, undefined, message);
    assert.match(d.fix, /Run the checks with the same token/, message);
  }
});
