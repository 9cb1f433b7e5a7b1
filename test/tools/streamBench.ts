// `npm run bench:stream [-- --runs N]`: does the streaming verdict hold with real parts under load?
// The gateway runs in a process of its own (dist/sandbox.js, which sends X-Accel-Buffering: no) and
// streams like a fast model (a token every 4 ms unless --chunk-interval says otherwise),
// and the doctor runs full verifications against it, as a user's run does:
//   1. directly, while two CPU-burning processes compete for this 2-core machine: 0 "buffered";
//   2. through a real nginx that holds the stream back (gzip on text/event-stream): "buffered" every time;
//   3. through a real nginx that streams: 0 "buffered".
// Prints one table of figures measured in this run; exits 1 when a goal is missed.
import { spawn, type ChildProcess } from 'node:child_process';
import { parseArgs } from 'node:util';
import { verify } from '../../src/core/engine/verify';
import { parseProfile } from '../../src/core/profile';
import { Secret } from '../../src/core/secret';
import { startNginx, type NginxMode } from '../support/nginx';
import { startSandboxProcess, type SandboxProcess } from '../support/sandboxProcess';

interface Tally {
  runs: number;
  buffered: number;
  incremental: number;
  inconclusive: number;
  other: number;
  remeasured: number;
  /** Runs in which the chunks were read within 15 ms of each other: what a timing-only rule calls buffered. */
  bursts: number;
  worstStallMs: number;
}

async function tally(baseUrl: string, key: string, runs: number): Promise<Tally> {
  const parsed = parseProfile({ baseUrl, client: 'cursor' }, Secret.of(key));
  if (!parsed.ok) throw new Error(parsed.errors.join('; '));
  const t: Tally = { runs, buffered: 0, incremental: 0, inconclusive: 0, other: 0, remeasured: 0, bursts: 0, worstStallMs: 0 };
  for (let i = 0; i < runs; i++) {
    const report = await verify(parsed.profile);
    const stream = report.results.find((r) => r.id === 'streaming');
    const delivery = stream?.symptom === 'stream.buffered' ? 'buffered' : stream?.metrics.delivery;
    if (delivery === 'buffered') t.buffered++;
    else if (delivery === 'incremental') t.incremental++;
    else if (delivery === 'inconclusive') t.inconclusive++;
    else t.other++;
    if (stream?.metrics.attempts === 2) t.remeasured++;
    if (stream?.metrics.attempts === 2 || (Number(stream?.metrics.spreadMs) < 15 && Number(stream?.metrics.contentChunks) >= 4)) t.bursts++;
    t.worstStallMs = Math.max(t.worstStallMs, Number(stream?.metrics.loopStallMs ?? 0));
  }
  return t;
}

function burnCpu(count: number): ChildProcess[] {
  return Array.from({ length: count }, () => spawn(process.execPath, ['-e', 'for (;;) {}'], { stdio: 'ignore' }));
}

async function throughNginx(gateway: SandboxProcess, mode: NginxMode, runs: number): Promise<Tally> {
  const nginx = await startNginx(gateway.origin, mode);
  try {
    return await tally(`${nginx.origin}/v1`, gateway.key, runs);
  } finally {
    await nginx.stop();
  }
}

async function main(): Promise<number> {
  const { values } = parseArgs({ options: { runs: { type: 'string', default: '50' }, 'chunk-interval': { type: 'string', default: '4' } } });
  const runs = Number(values.runs);
  // A fast model: tokens 4 ms apart (250 tokens/s), so a stall of the doctor can swallow a whole stream.
  const gateway = await startSandboxProcess('healthy', ['--chunk-interval', values['chunk-interval']]);
  try {
    const burners = burnCpu(2);
    let loaded: Tally;
    try {
      loaded = await tally(gateway.baseUrl, gateway.key, runs);
    } finally {
      for (const b of burners) b.kill('SIGKILL');
    }
    const buffering = await throughNginx(gateway, 'buffering', runs);
    const streaming = await throughNginx(gateway, 'streaming', runs);
    const rows: [string, Tally, string, boolean][] = [
      ['out-of-process gateway, 2 CPU burners', loaded, `0 buffered of ${runs}`, loaded.buffered === 0],
      ['nginx that holds the stream back', buffering, `${runs} buffered of ${runs}`, buffering.buffered === runs],
      ['nginx that streams', streaming, `0 buffered of ${runs}`, streaming.buffered === 0],
    ];
    console.log(
      '| Setup | "buffered" | incremental | inconclusive | other | read in one burst | measured twice | longest stall before the first chunk | goal | |',
    );
    console.log('|---|---|---|---|---|---|---|---|---|---|');
    for (const [name, t, goal, ok] of rows) {
      console.log(
        `| ${name} | ${t.buffered} | ${t.incremental} | ${t.inconclusive} | ${t.other} | ${t.bursts} | ${t.remeasured} | ${t.worstStallMs} ms | ${goal} | ${ok ? '✔' : '✖'} |`,
      );
    }
    return rows.every((r) => r[3]) ? 0 : 1;
  } finally {
    await gateway.stop();
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
