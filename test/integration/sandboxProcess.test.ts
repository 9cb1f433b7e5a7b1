// The sandbox gateway in its own process prints a request's line when the response closes, which
// can be after the client has its answer; `requests()` (a `sync` on its standard input) waits for
// what is in flight, so a test never reads the list before the gateway has written it.
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import * as path from 'node:path';
import { createInterface } from 'node:readline';
import { suite, test } from 'mocha';
import { DIST, startSandboxProcess } from '../support/sandboxProcess';

suite('the sandbox gateway in a process of its own', () => {
  test('requests() waits for a stream still being answered, then lists it answered', async () => {
    const gateway = await startSandboxProcess('healthy', ['--chunk-interval', '40']);
    try {
      const response = await fetch(`${gateway.baseUrl}/chat/completions`, {
        method: 'POST',
        headers: { authorization: `Bearer ${gateway.key}`, 'content-type': 'application/json' },
        body: JSON.stringify({ model: 'gpt-5.4', stream: true, messages: [{ role: 'user', content: 'Say hi' }] }),
      });
      assert.equal(response.status, 200);
      const reader = response.body!.getReader();
      const first = await reader.read();
      assert.ok(!first.done, 'the stream has begun');
      const served = await gateway.requests();
      const chat = served.find((r) => r.path === '/v1/chat/completions');
      assert.equal(chat?.status, 200, JSON.stringify(served));
      assert.equal(chat?.authenticated, true);
      while (!(await reader.read()).done);
      assert.deepEqual((await gateway.requests()).length, served.length, 'nothing more was served');
    } finally {
      await gateway.stop();
    }
  });

  test('requests() after the gateway stopped says so instead of waiting forever', async () => {
    const gateway = await startSandboxProcess('healthy');
    await gateway.stop();
    await assert.rejects(gateway.requests(), /sandbox stopped/);
  });

  test('node dist/sandbox.js alone: one gateway, a line per request, `sync` once nothing is in flight, gone when its input closes', async () => {
    const child = spawn(process.execPath, [path.join(DIST, 'sandbox.js'), '--scenario', 'wrong-token', '--exit-with-stdin'], {
      stdio: ['pipe', 'pipe', 'inherit'],
    });
    try {
      const lines = createInterface({ input: child.stdout })[Symbol.asyncIterator]();
      const next = async () => JSON.parse(((await lines.next()).value as string | undefined) ?? 'null') as Record<string, unknown> | null;
      const where = (await next()) as { baseUrl: string; scenario: string };
      assert.equal(where.scenario, 'wrong-token');
      const response = await fetch(`${where.baseUrl}/models`, { headers: { authorization: 'Bearer sk-not-this-one' } });
      assert.equal(response.status, 401);
      await response.arrayBuffer();
      child.stdin.write('sync\n');
      const served = (await next()) as { request: { method: string; path: string; status: number; authenticated: boolean } };
      assert.deepEqual([served.request.method, served.request.path, served.request.status, served.request.authenticated], ['GET', '/v1/models', 401, false]);
      assert.deepEqual(await next(), { synced: true });
      const exited = new Promise<number | null>((resolve) => child.once('exit', resolve));
      child.stdin.end();
      assert.equal(await exited, 0);
    } finally {
      child.kill();
    }
  });

  test('a start the host refuses (an unknown gateway version, an unknown option) fails that start only; the other gateways go on', async () => {
    const gateway = await startSandboxProcess('healthy');
    try {
      await assert.rejects(startSandboxProcess('healthy', ['--gateway', 'no-such-gateway']), /--gateway must be one of/);
      await assert.rejects(startSandboxProcess('healthy', ['--no-such-option']), /Unknown option/);
      const response = await fetch(`${gateway.baseUrl}/models`, { headers: { authorization: `Bearer ${gateway.key}` } });
      assert.equal(response.status, 200);
      await response.arrayBuffer();
      assert.equal((await gateway.requests()).length, 1);
    } finally {
      await gateway.stop();
    }
  });
});
