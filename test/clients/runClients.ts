// `npm run test:clients`: the real Codex, Claude Code, Continue and Cline CLIs, pinned and installed
// from npm, each configured as a user would against a loopback recording gateway with every URL
// shape users type. Each pair passes when the path the client really called equals the doctor's
// prediction, and `--discover` reads the config file that client really used. Loopback only.
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { primaryCall, URL_RULES } from '../../src/core/clients/urlRules';
import { discoverConfigs } from '../../src/core/discovery/discoverConfigs';
import { CLIENT_PACKAGES } from './clientPackages';
import { DRIVERS, type ClientDriver, type Step } from './clientDrivers';
import { installClient } from './installClients';
import { startRecordingGateway, type RecordedRequest } from './recordingGateway';

const KEY = 'sk-ClientConformanceLoopback0000';
const PRELOAD = path.resolve(__dirname, '../../../test/clients/loopbackOnly.cjs');
const STEP_TIMEOUT_MS = 90_000;

interface Outcome {
  pair: string;
  ok: boolean;
  lines: string[];
}

/** Runs one step in its own process group with a clean, loopback-only environment. */
function runStep(bin: string, step: Step, home: string, logFile: string): Promise<{ code: number | null; output: string }> {
  const env: Record<string, string> = {
    PATH: `${path.dirname(process.execPath)}:/usr/local/bin:/usr/bin:/bin`,
    HOME: home,
    XDG_CONFIG_HOME: path.join(home, '.config'),
    XDG_DATA_HOME: path.join(home, '.local', 'share'),
    XDG_CACHE_HOME: path.join(home, '.cache'),
    XDG_STATE_HOME: path.join(home, '.local', 'state'),
    TMPDIR: path.join(home, 'tmp'),
    LANG: 'C.UTF-8',
    TERM: 'dumb',
    NO_COLOR: '1',
    NODE_OPTIONS: `--require ${PRELOAD}`,
    LOOPBACK_LOG: logFile,
    ...step.env,
  };
  return new Promise((resolve) => {
    const child = spawn(bin, step.args, { cwd: home, env, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (d: Buffer) => (output += d.toString()));
    child.stderr.on('data', (d: Buffer) => (output += d.toString()));
    const timer = setTimeout(() => {
      output += `\n[killed after ${STEP_TIMEOUT_MS / 1000} s]`;
      try {
        process.kill(-child.pid!, 'SIGKILL');
      } catch {}
    }, STEP_TIMEOUT_MS);
    child.on('close', (code) => {
      clearTimeout(timer);
      // Nothing a client spawned may outlive its run (Cline's hub daemon did, by default).
      try {
        process.kill(-child.pid!, 'SIGKILL');
      } catch {}
      resolve({ code, output });
    });
  });
}

const sent = (r: RecordedRequest) => r.method === 'POST' && r.kind !== 'count_tokens';
const pathOf = (url: string) => {
  const u = new URL(url);
  return `${u.pathname}${u.search}`;
};

async function runPair(driver: ClientDriver, bin: string, suffix: string, model: string): Promise<Outcome> {
  const gateway = await startRecordingGateway();
  const home = mkdtempSync(path.join(tmpdir(), `clients-${driver.name}-`));
  const logFile = path.join(home, 'loopback.log');
  const typed = `${gateway.origin}${suffix}`;
  const pair = `${driver.name} ${CLIENT_PACKAGES[driver.name].version} · "${suffix || '(root)'}"${driver.models.length > 1 ? ` · ${model}` : ''}`;
  const lines: string[] = [];
  try {
    require('node:fs').mkdirSync(path.join(home, 'tmp'));
    let last = { code: 0 as number | null, output: '' };
    for (const step of driver.configure(home, typed, model, KEY)) last = await runStep(bin, step, home, logFile);
    const first = gateway.requests.find(sent);
    const predicted = primaryCall(URL_RULES[driver.rule].predict(typed, model));
    const expected = predicted ? pathOf(predicted.url) : '(nothing)';
    const observed = first ? `${first.path}${first.query}` : '(nothing)';
    let ok = observed === expected;
    lines.push(`${ok ? '✔' : '✖'} ${pair}: called ${observed}; the doctor predicted ${expected}`);
    if (!first) lines.push(`    the client sent nothing (exit ${last.code}): ${last.output.trim().split('\n').slice(-4).join(' | ').slice(0, 600)}`);
    // Discovery must find the file the client really used, with the value the user typed.
    const found = await discoverConfigs({ home, env: {}, workspaceFolders: [] });
    const mine = found.find((f) => f.client === driver.discoveredAs && f.baseUrl === typed);
    if (!mine) {
      ok = false;
      lines.push(
        `    ✖ --discover did not find ${driver.discoveredAs} with ${typed} (found: ${found.map((f) => `${f.client} ${f.baseUrl ?? '-'}`).join(', ') || 'nothing'})`,
      );
    } else if (mine.rule === driver.rule && mine.predictedUrl && first && pathOf(mine.predictedUrl) !== observed) {
      ok = false;
      lines.push(`    ✖ --discover predicts ${mine.predictedUrl} for ${mine.file}`);
    }
    const offLoopback = existsSync(logFile) ? readFileSync(logFile, 'utf8').trim() : '';
    if (offLoopback) lines.push(`    (kept on loopback: ${[...new Set(offLoopback.split('\n'))].join(', ')})`);
    return { pair, ok, lines };
  } finally {
    await gateway.close();
    rmSync(home, { recursive: true, force: true });
  }
}

async function main(): Promise<number> {
  const started = Date.now();
  const only = process.env.CLIENTS_ONLY?.split(',');
  const outcomes: Outcome[] = [];
  for (const driver of DRIVERS.filter((d) => !only || only.includes(d.name))) {
    const bin = installClient(driver.name);
    for (const model of driver.models)
      for (const suffix of driver.typed) {
        const outcome = await runPair(driver, bin, suffix, model);
        for (const line of outcome.lines) console.log(line);
        outcomes.push(outcome);
      }
  }
  const failed = outcomes.filter((o) => !o.ok).length;
  console.log(
    `\nclients: ${outcomes.length - failed} of ${outcomes.length} (client, typed value) pairs match the doctor in ${((Date.now() - started) / 1000).toFixed(0)} s`,
  );
  return failed > 0 || outcomes.length === 0 ? 1 : 0;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
