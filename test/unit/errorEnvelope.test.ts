import assert from 'node:assert/strict';
import { test } from 'node:test';
import { isGatewayRaised, readErrorEnvelope, stripRequestId } from '../../src/core/classify/errorEnvelope';

test('the request id suffix is removed and kept', () => {
  assert.deepEqual(stripRequestId('Invalid token (request id: 20260609100105619137295UACPyLo0)'), { message: 'Invalid token', requestId: '20260609100105619137295UACPyLo0' });
  assert.deepEqual(stripRequestId('无效的令牌 （request id: abc）'), { message: '无效的令牌', requestId: 'abc' });
  assert.deepEqual(stripRequestId('plain'), { message: 'plain' });
});

test('new-api envelope', () => {
  const e = readErrorEnvelope('{"error":{"message":"Invalid token (request id: X1)","type":"new_api_error","code":""}}');
  assert.deepEqual(e, { message: 'Invalid token', type: 'new_api_error', code: undefined, requestId: 'X1' });
  assert.ok(e && isGatewayRaised(e));
});

test('one-api envelope has no code key', () => {
  const e = readErrorEnvelope({ error: { message: '无效的令牌 (request id: 9)', type: 'one_api_error' } });
  assert.equal(e?.message, '无效的令牌');
  assert.equal(e?.type, 'one_api_error');
});

test('Claude envelope on /v1/messages', () => {
  const e = readErrorEnvelope({ type: 'error', error: { type: 'authentication_error', message: 'invalid x-api-key' } });
  assert.deepEqual(e, { message: 'invalid x-api-key', type: 'authentication_error', code: undefined, requestId: undefined });
});

test('the flat shape from docs.crazyrouter.com', () => {
  const e = readErrorEnvelope({ type: 'authentication_error', code: 'invalid_api_key', message: 'Incorrect API key' });
  assert.equal(e?.code, 'invalid_api_key');
});

test('upstream errors are told apart from gateway errors', () => {
  const upstream = readErrorEnvelope({ error: { message: 'x', type: 'upstream_error' } });
  assert.ok(upstream && !isGatewayRaised(upstream));
});

test('non-envelopes are undefined', () => {
  assert.equal(readErrorEnvelope('<html>'), undefined);
  assert.equal(readErrorEnvelope({ data: [] }), undefined);
  assert.equal(readErrorEnvelope('{"id":"chatcmpl"'), undefined);
});
