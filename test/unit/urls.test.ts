import assert from 'node:assert/strict';
import { test } from 'mocha';
import { baseUrlHints } from '../../src/core/checks/baseUrlCheck';
import { gatewayRoot, isInsecureRemote, isLoopbackHost, trimBase } from '../../src/core/urls';

test('gateway root strips /v1 and what follows', () => {
  assert.equal(gatewayRoot('https://crazyrouter.com/v1'), 'https://crazyrouter.com');
  assert.equal(gatewayRoot('https://crazyrouter.com/v1/'), 'https://crazyrouter.com');
  assert.equal(gatewayRoot('https://crazyrouter.com'), 'https://crazyrouter.com');
  assert.equal(gatewayRoot('http://127.0.0.1:8080/v1/v1'), 'http://127.0.0.1:8080');
  assert.equal(gatewayRoot('https://h.example/proxy/v1'), 'https://h.example/proxy');
});

test('a base URL is trimmed of spaces and trailing slashes', () => {
  assert.equal(trimBase(' https://x/v1// '), 'https://x/v1');
});

test('plain http is insecure only to remote hosts', () => {
  assert.equal(isInsecureRemote('http://127.0.0.1:3000/v1'), false);
  assert.equal(isInsecureRemote('http://localhost/v1'), false);
  assert.equal(isInsecureRemote('http://[::1]:80/v1'), false);
  assert.equal(isInsecureRemote('http://crazyrouter.com/v1'), true);
  assert.equal(isInsecureRemote('https://crazyrouter.com/v1'), false);
  assert.ok(isLoopbackHost('127.8.9.10'));
});

test('base URL hints explain the common mistakes', () => {
  assert.deepEqual(baseUrlHints('https://crazyrouter.com/v1'), []);
  assert.ok(baseUrlHints('https://crazyrouter.com/v1/v1').some((h) => /twice/.test(h)));
  assert.ok(baseUrlHints('https://crazyrouter.com/v1/chat/completions').some((h) => /endpoint path/.test(h)));
  assert.ok(baseUrlHints('https://crazyrouter.com').some((h) => /ends with \/v1/.test(h)));
});
