import assert from 'node:assert/strict';
import { test } from 'mocha';
import { causeCodes, classifyNetwork } from '../../src/core/classify/classifyNetwork';

/** undici's shape: TypeError('fetch failed') with the socket error as cause. */
const fetchFailed = (code: string, message = code) => Object.assign(new TypeError('fetch failed'), { cause: Object.assign(new Error(message), { code }) });

const CASES: [string, string][] = [
  ['ENOTFOUND', 'network.dns'],
  ['EAI_AGAIN', 'network.dns'],
  ['ECONNREFUSED', 'network.refused'],
  ['EHOSTUNREACH', 'network.refused'],
  ['ECONNRESET', 'network.reset'],
  ['UND_ERR_SOCKET', 'network.reset'],
  ['UND_ERR_CONNECT_TIMEOUT', 'network.timeout'],
  ['ETIMEDOUT', 'network.timeout'],
  ['DEPTH_ZERO_SELF_SIGNED_CERT', 'network.tls'],
  ['CERT_HAS_EXPIRED', 'network.tls'],
  ['UNABLE_TO_VERIFY_LEAF_SIGNATURE', 'network.tls'],
  ['ERR_TLS_CERT_ALTNAME_INVALID', 'network.tls'],
];

for (const [code, symptom] of CASES) {
  test(`network error ${code} → ${symptom}`, () => {
    const d = classifyNetwork(fetchFailed(code), 'crazyrouter.com');
    assert.equal(d?.symptom, symptom);
    assert.match(d.summary, new RegExp(code));
  });
}

test('codes are read along the whole cause chain', () => {
  const deep = { cause: { cause: { code: 'ECONNREFUSED' } } };
  assert.deepEqual(causeCodes(deep), ['ECONNREFUSED']);
});

test('"other side closed" without a code is a reset', () => {
  const error = Object.assign(new TypeError('terminated'), { cause: new Error('other side closed') });
  assert.equal(classifyNetwork(error, 'h')?.symptom, 'network.reset');
});

test('unknown errors are not claimed', () => {
  assert.equal(classifyNetwork(new Error('weird'), 'h'), undefined);
});
