import assert from 'node:assert/strict';
import { test } from 'mocha';
import { authCheck } from '../../src/core/checks/authCheck';
import { baseUrlCheck } from '../../src/core/checks/baseUrlCheck';
import { tokenCheck } from '../../src/core/checks/tokenCheck';
import { verify } from '../../src/core/engine/verify';
import { parseProfile } from '../../src/core/profile';
import { Secret } from '../../src/core/secret';

test('a plain-http remote base URL fails before the token is sent anywhere', async () => {
  // 192.0.2.0/24 is TEST-NET-1; neither check below sends an anonymous request, and the
  // transport refuses any request carrying the token, so nothing leaves this machine.
  const parsed = parseProfile({ baseUrl: 'http://192.0.2.10/v1' }, Secret.of('sk-0123456789abcdefABCDEF'));
  assert.ok(parsed.ok);
  const report = await verify(parsed.profile, { checks: [tokenCheck, baseUrlCheck, authCheck] });
  const [token, base, auth] = report.results;
  assert.equal(token?.status, 'pass');
  assert.equal(base?.status, 'fail');
  assert.equal(base?.symptom, 'network.insecure-http');
  assert.equal(auth?.status, 'skipped');
  assert.equal(report.results.flatMap((r) => r.evidence).length, 0, 'no request was recorded');
  assert.equal(report.findings[0]?.rowId, 'gateway.insecure-http');
  assert.match(report.findings[0]?.fix ?? '', /https:\/\/crazyrouter\.com\/v1/);
});
