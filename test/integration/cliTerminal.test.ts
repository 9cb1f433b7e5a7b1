// The CLI's live view in a real pseudo-terminal (node-pty), its output rendered by a real
// terminal emulator (@xterm/headless, the core of VS Code's and many IDEs' terminals): at 80 and
// at 40 columns, with Chinese gateway messages (two columns a character), no line is ever wrapped
// by the terminal, no line is wider than the screen, nothing of the live redraws is left behind
// (the final screen holds exactly what a pipe gets, rewrapped), and the verdict is on the last
// screen. NO_COLOR, FORCE_COLOR, TERM=dumb and a pipe each get what they ask for.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { suite, suiteSetup, test } from 'mocha';
import { Terminal } from '@xterm/headless';
import { spawn as spawnPty } from 'node-pty';
import { displayWidth } from '../../src/cli/terminalText';
import { EarlyRuns } from '../support/inTurns';
import { CLI, runCli, type CliOutcome } from '../support/cliProcess';
import { newRequestId } from '../../src/sandbox/httpUtil';

const zh = JSON.parse(readFileSync(path.resolve(__dirname, '../../../l10n/bundle.l10n.zh-cn.json'), 'utf8')) as Record<string, string>;
/**
 * A request id the sandbox gives (src/sandbox/httpUtil.ts `newRequestId`, new-api's shape: a 14-digit
 * time, 9 digits, 8 hex and 8 random letters or digits), found by its shape and length once the
 * whitespace is out (a 40-column terminal breaks an id over two lines), and before times are: an
 * id's random part can hold a time's shape (`…3ms…`). A pattern that ran to the end of the letters
 * and digits ran on into the next words, which the whitespace no longer kept apart.
 */
const REQUEST_ID = /(?<!\d)\d{23}[0-9a-f]{8}[0-9A-Za-z]{8}/g;
const ROWS = 24;
// oxlint-disable-next-line no-control-regex
const SGR = /\u001b\[[0-9;]*m/;
// oxlint-disable-next-line no-control-regex
const CURSOR_MOVES = /\u001b\[\d*[FJAK]/;

function baseEnv(extra: Record<string, string> = {}): Record<string, string> {
  const env: Record<string, string> = {};
  for (const [k, v] of Object.entries(process.env)) if (v !== undefined && !['NO_COLOR', 'FORCE_COLOR', 'CRAZYROUTER_API_KEY', 'CI'].includes(k)) env[k] = v;
  return { ...env, TERM: 'xterm-256color', ...extra };
}

interface Screen {
  code: number;
  raw: string;
  /** Every line the terminal holds, scrollback included, with whether the terminal wrapped it. */
  lines: { text: string; wrapped: boolean }[];
  /** The last screenful. */
  screen: string[];
}

/**
 * What the shell on the terminal prints once the CLI has exited (an OSC sequence, which terminals
 * ignore), with the exit code. Like a terminal's shell, it keeps the terminal open after the CLI
 * exits: node-pty, reading a terminal whose last process has exited, was seen to lose the end of
 * the output under load. Everything before the mark is the CLI's, in order.
 */
const EXITED = /\u001b\]9999;exit=(\d+)\u0007/;
const SHELL = 'node="$1"; shift; "$node" "$@"; printf "\\033]9999;exit=%d\\007" "$?"; read -r _';

/** Runs the CLI in a pseudo-terminal of `cols` × `rows` and renders everything it wrote. */
async function inTerminal(args: string[], cols: number, env = baseEnv(), rows = ROWS): Promise<Screen> {
  const term = new Terminal({ cols, rows, scrollback: 5000, allowProposedApi: true });
  const pty = spawnPty('/bin/sh', ['-c', SHELL, 'sh', process.execPath, CLI, ...args], { cols, rows, env, name: env.TERM ?? 'xterm-256color' });
  let seen = '';
  let code: number | undefined;
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => (pty.kill(), reject(new Error(`no exit within 60 s:\n${seen.slice(-2000)}`))), 60_000);
    pty.onData((data) => {
      if (code !== undefined) return;
      seen += data;
      const exited = EXITED.exec(seen);
      if (!exited) return;
      code = Number(exited[1]);
      seen = seen.slice(0, exited.index);
      pty.write('\r'); // the shell's read: it exits, and the terminal closes
    });
    pty.onExit(() => {
      clearTimeout(timer);
      if (code === undefined) reject(new Error(`the terminal closed before the CLI's exit was seen:\n${seen.slice(-2000)}`));
      else resolve();
    });
  });
  const raw = seen;
  await new Promise<void>((resolve) => term.write(raw, resolve));
  const buffer = term.buffer.active;
  const lines = Array.from({ length: buffer.length }, (_, i) => buffer.getLine(i)!).map((l) => ({ text: l.translateToString(true), wrapped: l.isWrapped }));
  while (lines.length > 0 && lines.at(-1)!.text === '') lines.pop();
  const screen = Array.from({ length: rows }, (_, i) => buffer.getLine(buffer.baseY + i)?.translateToString(true) ?? '');
  term.dispose();
  return { code: code!, raw, lines, screen };
}

/**
 * A report's text with what differs between two runs taken out (times, the sandbox's port, request
 * ids) and without whitespace, so text wrapped differently compares equal. Split into the header,
 * the check blocks (sorted: a pipe prints them as they finish, a terminal in plan order) and the rest.
 */
function normalized(lines: string[]): { header: string; checks: string[]; tail: string } {
  const squeeze = (text: string) =>
    text
      .replace(/\s+/g, '')
      .replace(REQUEST_ID, '#id')
      .replace(/\d+(\.\d+)?(ms|毫秒)/g, '#ms')
      .replace(/127\.0\.0\.1:\d+/g, 'HOST')
      // The usage window, its hourly chart and the chart's peak are read against the clock: the
      // sandbox's history is a call every 30 minutes back from now, so two runs either side of a
      // half hour (:00 or :30) pair its calls into hours differently (seen once: 05:30).
      .replace(/\d{4}-\d\d-\d\d\d\d:\d\d/g, 'TIME')
      .replace(/[▁▂▃▄▅▆▇█]+/g, 'BARS')
      .replace(/(peak|峰值)(\D{0,3})[\d.,]+/g, '$1$2#');
  const firstBlank = lines.indexOf('');
  const afterChecks = lines.indexOf('', firstBlank + 1);
  const checks: string[] = [];
  for (const line of lines.slice(firstBlank + 1, afterChecks)) {
    if (/^ {2}\S/.test(line)) checks.push(line);
    else checks[checks.length - 1] += line;
  }
  return { header: squeeze(lines.slice(0, firstBlank).join('')), checks: checks.map(squeeze).toSorted(), tail: squeeze(lines.slice(afterChecks).join('')) };
}

const TITLES = ['Token format', 'Reachability', 'Base URL shape', 'Authentication', 'Model list and allowlist', 'Quota', 'Streaming (gpt-5.4)'];

/**
 * Every run the tests below judge, each a CLI process of its own. They are started together when
 * the first suite starts, 3 at a time (each mostly waits: the gateway's log is given time), and
 * each test awaits its own.
 */
type Run =
  | { in: 'terminal'; args: readonly string[]; cols: number; rows?: number; env?: Record<string, string> }
  | { in: 'pipe'; args: readonly string[]; env?: Record<string, string> };
const HEALTHY: readonly string[] = [];
test("the comparison takes the sandbox's request ids out whole, whatever their random part holds", () => {
  for (let n = 0; n < 200; n++) {
    const id = newRequestId();
    assert.equal(id.replace(REQUEST_ID, '#id'), '#id', id);
  }
  // Two runs' reports that differ only in their ids, one of which holds a time's shape (3ms).
  const report = (id: string) => [
    'header',
    '',
    '  ✔ check 12 ms',
    '',
    `      request id: ${id.slice(0, 20)}`,
    `      ${id.slice(20)}`,
    '',
    'Checklist (Cursor)',
  ];
  assert.deepEqual(normalized(report('202612030319205010039305a3c9e01x3msNoAB')), normalized(report('202612030319224072908765a3c9e01eKOZ6Z1y')));
});

const SCENARIOS = [
  ['a healthy run', HEALTHY],
  ['a failing run with Chinese gateway messages', ['--scenario', 'ip-restricted', '--gateway-lang', 'zh-CN']],
  ['another, with full-width punctuation', ['--scenario', 'no-channel', '--gateway-lang', 'zh-CN']],
] as const;
const CHINESE = ['--lang', 'zh-cn', '--scenario', 'reasoning-model', '--gateway-lang', 'zh-CN'];
const SHORT_SCREEN_MODELS = ['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h'];
const RUNS: Record<string, Run> = {
  ...Object.fromEntries([80, 40].flatMap((cols) => SCENARIOS.map(([what, args]) => [`${what} at ${cols}`, { in: 'terminal', args, cols } satisfies Run]))),
  ...Object.fromEntries(SCENARIOS.map(([what, args]) => [`${what} piped`, { in: 'pipe', args } satisfies Run])),
  chinese: { in: 'terminal', args: CHINESE, cols: 40 },
  'chinese piped': { in: 'pipe', args: CHINESE },
  'short screen': { in: 'terminal', args: [...SHORT_SCREEN_MODELS.flatMap((m) => ['--model', m]), '--latency', '150'], cols: 60, rows: 10 },
  'no colour': { in: 'terminal', args: HEALTHY, cols: 80, env: { NO_COLOR: '1' } },
  'forced colour piped': { in: 'pipe', args: HEALTHY, env: { FORCE_COLOR: '1', NO_COLOR: '1' } },
  'empty FORCE_COLOR piped': { in: 'pipe', args: HEALTHY, env: { FORCE_COLOR: '' } },
  'dumb terminal': { in: 'terminal', args: HEALTHY, cols: 50, env: { TERM: 'dumb' } },
};

const runs = new EarlyRuns<string, Screen | CliOutcome>((name) => {
  const run = RUNS[name];
  if (!run) throw new Error(`no run named ${name}`);
  return run.in === 'terminal' ? inTerminal([...run.args], run.cols, baseEnv(run.env), run.rows) : runCli([...run.args], baseEnv(run.env));
}, 3);
const terminal = async (name: string) => (await runs.of(name)) as Screen;
const pipe = async (name: string) => (await runs.of(name)) as CliOutcome;
suiteSetup(() => runs.start(Object.keys(RUNS)));

suite('the live view in a real terminal', () => {
  for (const cols of [80, 40]) {
    for (const [what, args] of SCENARIOS) {
      test(`${what} at ${cols} columns: nothing wraps, nothing is left behind, the verdict is on the last screen`, async () => {
        const run = await terminal(`${what} at ${cols}`);
        const pipeRun = await pipe(`${what} piped`);
        assert.equal(run.code, pipeRun.code, run.raw.slice(-1500));
        for (const [i, line] of run.lines.entries()) {
          assert.equal(line.wrapped, false, `line ${i} was wrapped by the terminal: ${JSON.stringify(line.text)}`);
          assert.ok(displayWidth(line.text) <= cols, `line ${i} is ${displayWidth(line.text)} columns wide`);
        }
        const text = run.lines.map((l) => l.text);
        // A live line left behind by a wrong cursor movement would be a second line for its check.
        for (const title of TITLES)
          assert.equal(text.filter((l) => /^ {2}\S /.test(l) && l.slice(4).startsWith(title)).length, 1, `${title} once:\n${text.join('\n')}`);
        const verdict = run.code === 0 ? /^PASS: / : /^FAIL: /;
        assert.ok(
          run.screen.some((l) => verdict.test(l)),
          `the verdict is on the final screen:\n${run.screen.join('\n')}`,
        );
        assert.deepEqual(normalized(text), normalized(pipeRun.stdout.trimEnd().split('\n')), 'the terminal holds exactly what a pipe gets');
        assert.match(run.raw, SGR, 'a terminal without NO_COLOR gets colour');
        if (args.length > 0)
          assert.ok(
            text.some((l) => /[\u4e00-\u9fff]/.test(l)),
            'Chinese text was drawn',
          );
      });
    }
  }

  test('in Chinese (--lang zh-cn) at 40 columns: nothing wraps, nothing is left behind, the verdict is on the last screen', async () => {
    // A warning with its labelled fix, the cost and usage tables, and the gateway's Chinese message.
    const run = await terminal('chinese');
    const pipeRun = await pipe('chinese piped');
    assert.equal(run.code, pipeRun.code, run.raw.slice(-1500));
    for (const [i, line] of run.lines.entries()) {
      assert.equal(line.wrapped, false, `line ${i} was wrapped by the terminal: ${JSON.stringify(line.text)}`);
      assert.ok(displayWidth(line.text) <= 40, `line ${i} is ${displayWidth(line.text)} columns wide`);
    }
    const text = run.lines.map((l) => l.text);
    assert.ok(text.includes(zh['What to fix']!), text.join('\n'));
    assert.ok(text.some((l) => l.startsWith(`      ${zh['fix:']!}`)));
    const verdicts = [zh.PASS, zh.WARN, zh.FAIL].map((word) => `${word!}：`);
    assert.ok(
      run.screen.some((l) => verdicts.some((v) => l.startsWith(v))),
      `the Chinese verdict is on the final screen:\n${run.screen.join('\n')}`,
    );
    assert.deepEqual(normalized(text), normalized(pipeRun.stdout.trimEnd().split('\n')), 'the terminal holds exactly what a pipe gets');
  });

  test('a screen shorter than the plan keeps the live block on it', async () => {
    const run = await terminal('short screen');
    assert.match(run.raw, /more checks waiting/, 'the block was cut to the screen');
    assert.ok(run.lines.every((l) => !l.wrapped));
    const text = run.lines.map((l) => l.text);
    for (const model of SHORT_SCREEN_MODELS) assert.equal(text.filter((l) => new RegExp(`^  \\S Chat with ${model}\\b`).test(l)).length, 1, text.join('\n'));
    assert.ok(!text.some((l) => l.includes('more checks waiting')), 'the cut line is gone at the end');
  });
});

suite('colour and plain lines', () => {
  test('NO_COLOR: the live view without a single colour', async () => {
    const run = await terminal('no colour');
    assert.doesNotMatch(run.raw, SGR);
    assert.match(run.raw, CURSOR_MOVES, 'still redrawn in place');
  });

  test('a pipe gets plain lines: no colour, no cursor movement, one line per result', async () => {
    const out = await pipe('a healthy run piped');
    assert.equal(out.code, 0);
    assert.doesNotMatch(out.stdout, SGR);
    assert.doesNotMatch(out.stdout, CURSOR_MOVES);
    assert.equal(out.stdout.split('\n').filter((l) => l.includes('Reachability')).length, 1);
  });

  test('FORCE_COLOR colours a pipe, and wins over NO_COLOR (force-color.org); an empty FORCE_COLOR does not', async () => {
    const forced = (await pipe('forced colour piped')).stdout;
    assert.match(forced, SGR);
    assert.doesNotMatch(forced, CURSOR_MOVES, 'colour, but still one line per result');
    assert.doesNotMatch((await pipe('empty FORCE_COLOR piped')).stdout, SGR);
  });

  test('TERM=dumb: plain lines, fitted to the width, no cursor movement', async () => {
    const run = await terminal('dumb terminal');
    assert.doesNotMatch(run.raw, CURSOR_MOVES);
    assert.doesNotMatch(run.raw, SGR);
    assert.ok(run.lines.every((l) => !l.wrapped && displayWidth(l.text) <= 50));
  });
});
