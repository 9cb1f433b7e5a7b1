// The room walls are enforced by the linter, not by memory: a probe file with a forbidden import in
// each room must be rejected by `oxlint` with this repository's config, and an allowed one accepted.
// The probes live in a copy of the repository's layout in a temporary folder, never in src/, which
// npm test's static checks read at the same time.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { test } from 'mocha';

const REPO = path.resolve(__dirname, '../../..');
const OXLINT = path.join(REPO, 'node_modules/.bin/oxlint');

interface Probe {
  where: string;
  code: string;
  /** The rule that must reject it, or undefined when the wall lets it through. */
  rule?: RegExp;
}

const PROBES: Probe[] = [
  { where: 'src/core', code: "import * as vscode from 'vscode';\nexport const x = vscode;", rule: /no-restricted-imports/ },
  { where: 'src/core', code: "import { startSandbox } from '../sandbox/sandboxServer';\nexport const x = startSandbox;", rule: /no-restricted-imports/ },
  { where: 'src/core/checks', code: "import { DoctorLog } from '../../extension/log';\nexport const x = DoctorLog;", rule: /no-restricted-imports/ },
  { where: 'src/webview', code: "import { readFileSync } from 'node:fs';\nexport const x = readFileSync;", rule: /no-nodejs-modules/ },
  { where: 'src/webview', code: "import * as path from 'path';\nexport const x = path;", rule: /no-nodejs-modules/ },
  { where: 'src/webview', code: "import * as vscode from 'vscode';\nexport const x = vscode;", rule: /no-restricted-imports/ },
  { where: 'src/webview', code: "import { verify } from '../core/engine/verify';\nexport const x = verify;", rule: /no-restricted-imports/ },
  {
    where: 'src/webview',
    code: "import { HostMessageSchema } from '../core/protocol/panelProtocol';\nimport { URL_RULES } from '../core/clients/urlRules';\nexport const x = [HostMessageSchema, URL_RULES];",
  },
  { where: 'src/cli', code: "import { DoctorLog } from '../extension/log';\nexport const x = DoctorLog;", rule: /no-restricted-imports/ },
  { where: 'src/sandbox', code: "import { TokenStore } from '../extension/tokenStore';\nexport const x = TokenStore;", rule: /no-restricted-imports/ },
  { where: 'src/sandbox', code: "import * as vscode from 'vscode';\nexport const x = vscode;", rule: /no-restricted-imports/ },
  { where: 'test/unit', code: "import * as vscode from 'vscode';\nexport const x = vscode;", rule: /no-restricted-imports/ },
  { where: 'src/extension', code: "import * as vscode from 'vscode';\nexport const x = vscode;" },
  { where: 'src/extension', code: 'async function later(): Promise<void> {}\nexport function now(): void {\n  later();\n}', rule: /no-floating-promises/ },
];

test(`the linter enforces the room walls (${PROBES.length} probes)`, () => {
  const root = mkdtempSync(path.join(tmpdir(), 'lint-walls-'));
  const files = PROBES.map((p, i) => path.join(root, p.where, `probe_${i}.ts`));
  try {
    for (const config of ['.oxlintrc.json', 'tsconfig.json', 'tsconfig.webview.json', 'package.json'])
      copyFileSync(path.join(REPO, config), path.join(root, config));
    symlinkSync(path.join(REPO, 'node_modules'), path.join(root, 'node_modules'));
    PROBES.forEach((p, i) => {
      mkdirSync(path.dirname(files[i]!), { recursive: true });
      writeFileSync(files[i]!, `${p.code}\n`);
    });
    const run = spawnSync(OXLINT, ['--format=unix', ...files], { cwd: root, encoding: 'utf8' });
    const report = run.stdout;
    PROBES.forEach((probe, i) => {
      const lines = report.split('\n').filter((l) => l.startsWith(path.relative(root, files[i]!)));
      if (probe.rule)
        assert.ok(
          lines.some((l) => probe.rule!.test(l)),
          `${probe.where}: ${probe.code.split('\n')[0]} must be rejected by ${probe.rule}; got ${lines.join(' | ') || 'nothing'}`,
        );
      else assert.deepEqual(lines, [], `${probe.where}: ${probe.code.split('\n')[0]} is allowed`);
    });
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
});
