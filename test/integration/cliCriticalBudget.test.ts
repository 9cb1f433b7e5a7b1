// The CLI keeps the critical rate limit's ledger in its state file, so CLI runs one after another
// (each its own process) share one budget against the same gateway, and the file holds no token.
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { test } from 'mocha';
import { runCli } from '../support/cliProcess';
import { startSandboxProcess } from '../support/sandboxProcess';

async function cliJson(baseUrl: string, key: string, stateHome: string, extra: string[] = []) {
  const { stdout } = await runCli(['--base-url', baseUrl, '--model', 'gpt-5.4', '--json', ...extra], {
    ...process.env,
    CRAZYROUTER_API_KEY: key,
    XDG_STATE_HOME: stateHome,
    NO_COLOR: '1',
  });
  return JSON.parse(stdout) as { results: { id: string; status: string; summary: string; details: string[] }[] };
}

test('CLI runs share the critical budget through $XDG_STATE_HOME/crazyrouter-doctor, origins and times only', async () => {
  const stateHome = mkdtempSync(path.join(tmpdir(), 'crazyrouter-doctor-state-'));
  const gateway = await startSandboxProcess('healthy');
  const critical = async () => (await gateway.requests()).filter((r) => r.critical).length;
  try {
    await cliJson(gateway.baseUrl, gateway.key, stateHome);
    assert.equal(await critical(), 2, 'a full run: the token status and the log');
    await cliJson(gateway.baseUrl, gateway.key, stateHome, ['--health']);
    assert.equal(await critical(), 3, 'a health check: the token status (a new process keeps no answer)');
    const file = path.join(stateHome, 'crazyrouter-doctor', 'critical-budget.json');
    const written = readFileSync(file, 'utf8');
    assert.ok(!written.includes(gateway.key) && !written.includes(gateway.key.slice(3, 20)), 'no token in the file');
    const ledger = JSON.parse(written) as { v: number; origins: Record<string, { spent: number[] }> };
    assert.deepEqual(Object.keys(ledger.origins), [gateway.origin]);
    assert.equal(ledger.origins[gateway.origin]?.spent.length, 3);

    // Twelve more spent by other runs in this window: the next run may send one, and keeps the last five for the dashboard login.
    const now = Date.now();
    ledger.origins[gateway.origin]!.spent.push(...Array.from({ length: 11 }, (_, i) => now - i * 1000));
    writeFileSync(file, JSON.stringify(ledger));
    const report = await cliJson(gateway.baseUrl, gateway.key, stateHome);
    assert.equal(await critical(), 4, 'one more, the fifteenth of the window');
    const log = report.results.find((r) => r.id === 'log');
    assert.equal(log?.status, 'skipped');
    assert.match(log?.summary ?? '', /keeps the last 5 for your dashboard login/);
  } finally {
    await gateway.stop();
    rmSync(stateHome, { recursive: true, force: true });
  }
});

test('a state file that is not a ledger starts afresh; one that cannot be written leaves the run its own budget', async () => {
  const stateHome = mkdtempSync(path.join(tmpdir(), 'crazyrouter-doctor-state-'));
  const gateway = await startSandboxProcess('healthy');
  try {
    mkdirSync(path.join(stateHome, 'crazyrouter-doctor'));
    writeFileSync(path.join(stateHome, 'crazyrouter-doctor', 'critical-budget.json'), '{ not json');
    const report = await cliJson(gateway.baseUrl, gateway.key, stateHome);
    assert.equal(report.results.find((r) => r.id === 'log')?.status, 'pass');
    const blocked = path.join(stateHome, 'a-file');
    writeFileSync(blocked, '');
    const unwritable = await cliJson(gateway.baseUrl, gateway.key, blocked);
    assert.equal(unwritable.results.find((r) => r.id === 'log')?.status, 'pass');
  } finally {
    await gateway.stop();
    rmSync(stateHome, { recursive: true, force: true });
  }
});
