import assert from 'node:assert/strict';
import { test } from 'mocha';
import { isGatewayRaised, readErrorBody, stripRequestId } from '../../src/core/classify/errorEnvelope';

test('the request id suffix is removed and kept', () => {
  assert.deepEqual(stripRequestId('Invalid token (request id: 20260609100105619137295UACPyLo0)'), {
    message: 'Invalid token',
    requestId: '20260609100105619137295UACPyLo0',
  });
  assert.deepEqual(stripRequestId('无效的令牌 （request id: abc）'), { message: '无效的令牌', requestId: 'abc' });
  assert.deepEqual(stripRequestId('plain'), { message: 'plain' });
});

test('new-api envelope, with code', () => {
  const e = readErrorBody('{"error":{"code":"","message":"Invalid token (request id: X1)","type":"new_api_error"}}', 401);
  assert.deepEqual(e, { kind: 'openai', message: 'Invalid token', type: 'new_api_error', code: undefined, requestId: 'X1' });
  assert.ok(e && isGatewayRaised(e));
});

test('one-api and new-api before 2025-08 have no code key', () => {
  const e = readErrorBody(JSON.stringify({ error: { message: '无效的令牌 (request id: 9)', type: 'one_api_error' } }), 401);
  assert.equal(e?.kind, 'openai-no-code');
  assert.equal(e?.message, '无效的令牌');
});

test('an error object with only a message (the SDK would unwrap it; the raw body keeps it)', () => {
  assert.deepEqual(readErrorBody('{"error":{"message":"该令牌已过期"}}', 401), {
    kind: 'openai-no-code',
    message: '该令牌已过期',
    type: undefined,
    code: undefined,
    requestId: undefined,
  });
});

test('Claude envelope on /v1/messages', () => {
  const e = readErrorBody(JSON.stringify({ type: 'error', error: { type: 'authentication_error', message: 'invalid x-api-key' } }), 401);
  assert.equal(e?.kind, 'claude');
  assert.equal(e?.message, 'invalid x-api-key');
});

test("new-api's /api routes: success false", () => {
  assert.deepEqual(readErrorBody('{"success":false,"message":"Token not provided"}', 401), {
    kind: 'success-false',
    message: 'Token not provided',
    type: undefined,
    code: undefined,
    requestId: undefined,
  });
});

test('a flat body (upstream passthrough, or docs.crazyrouter.com) counts only for an error status', () => {
  const body = JSON.stringify({ type: 'authentication_error', code: 'invalid_api_key', message: 'Incorrect API key' });
  assert.equal(readErrorBody(body, 401)?.code, 'invalid_api_key');
  assert.equal(readErrorBody(body, 401)?.kind, 'flat');
  assert.equal(readErrorBody('{"success":true,"message":"","data":[]}', 200), undefined);
});

test('plain text and empty bodies are errors only at an error status; HTML is never read as a message', () => {
  assert.deepEqual(readErrorBody('Invalid token (request id: 7)', 401), { kind: 'text', message: 'Invalid token', requestId: '7' });
  assert.deepEqual(readErrorBody('', 429), { kind: 'empty', message: '' });
  assert.equal(readErrorBody('', 200), undefined);
  assert.equal(readErrorBody('pong', 200), undefined);
  assert.equal(readErrorBody('<html><body>502</body></html>', 502), undefined);
});

test('upstream errors are told apart from gateway errors', () => {
  const upstream = readErrorBody(JSON.stringify({ error: { message: 'x', type: 'upstream_error' } }), 500);
  assert.ok(upstream && !isGatewayRaised(upstream));
});

test('non-errors are undefined', () => {
  assert.equal(readErrorBody('{"object":"list","data":[]}', 200), undefined);
  assert.equal(readErrorBody('{"id":"chatcmpl"', 200), undefined);
});
