// npm run check:release: is what we would publish exactly what should ship, and can the tools that
// publish it read it? Needs a production build (npm run package makes one and the .vsix).
//   0. CHANGELOG.md has a section for package.json's version.
//   1. `vsce ls` lists only runtime files plus the notices, and the .vsix holds the same; the notices
//      hold the licence text of every package whose code or files ship (scripts/noticesCheck.mjs).
//   2. `ovsx publish` reads the .vsix and uploads it to a loopback stand-in for an Open VSX registry,
//      which checks it received that very file (no traffic leaves the machine).
//   3. `npm pack --dry-run` of the CLI's package (dist/npm) lists only the CLI's files, its Chinese
//      strings, the notices, README, LICENSE and package.json.
//   4. The packed tarball runs through `npx` under its name: --version, and a check against the
//      sandbox, in English and with --lang zh-cn.
import { execFileSync, spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:http';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { CLI_FILES } from './cliChunks.mjs';
import { noticeProblems } from './noticesCheck.mjs';

const VSIX = 'crazyrouter-doctor.vsix';
const manifest = JSON.parse(readFileSync('package.json', 'utf8'));
const problems = [];
const expectSame = (what, actual, expected) => {
  const extra = actual.filter((f) => !expected.includes(f));
  const missing = expected.filter((f) => !actual.includes(f));
  if (extra.length || missing.length)
    problems.push(`${what}: ${extra.length ? `unexpected ${extra.join(', ')}` : ''}${missing.length ? ` missing ${missing.join(', ')}` : ''}`);
  else console.log(`✔ ${what}: ${actual.length} files, as expected`);
};
const run = (command, args, options = {}) => execFileSync(command, args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], ...options });

// 0. The release has its changelog section.
if (!readFileSync('CHANGELOG.md', 'utf8').includes(`\n## [${manifest.version}] - `))
  problems.push(`CHANGELOG.md has no "## [${manifest.version}] - <date>" section`);
else console.log(`✔ CHANGELOG.md has a section for ${manifest.version}`);

// 1. The extension package.
const RUNTIME = [
  'package.json',
  'package.nls.json',
  'package.nls.zh-cn.json',
  'README.md',
  'CHANGELOG.md',
  'LICENSE',
  'media/icon.png',
  'media/icon.svg',
  'media/panel.css',
  'media/walkthrough/client.svg',
  'media/walkthrough/fix.svg',
  'media/walkthrough/run.svg',
  'media/walkthrough/save.svg',
  'media/walkthrough/token.svg',
  'dist/extension.js',
  'dist/engine.js',
  'dist/panel.js',
  'dist/webview.js',
  'dist/codicons/codicon.css',
  'dist/codicons/codicon.ttf',
  'dist/ThirdPartyNotices.txt',
  'l10n/bundle.l10n.zh-cn.json',
];
const listed = run('node_modules/.bin/vsce', ['ls', '--no-dependencies']).trim().split('\n');
expectSame('vsce ls', listed, RUNTIME);
const { readZip } = await import('@vscode/vsce/out/zip.js');
const entries = [...(await readZip(VSIX, () => true)).keys()].filter((name) => name.startsWith('extension/')).map((name) => name.slice('extension/'.length));
// vsce's reader lower-cases names, and vsce stores LICENSE as LICENSE.txt.
expectSame(
  `${VSIX} contents`,
  entries,
  RUNTIME.map((f) => (f === 'LICENSE' ? 'license.txt' : f.toLowerCase())),
);

// The notices' contents: every package in a shipped bundle (the production build's metafile) or shipped as files.
const noticesText = readFileSync('dist/ThirdPartyNotices.txt', 'utf8');
const noticeGaps = noticeProblems({ metafile: JSON.parse(readFileSync('dist/metafile.json', 'utf8')), notices: noticesText });
if (noticeGaps.length) problems.push(`dist/ThirdPartyNotices.txt:\n  ${noticeGaps.join('\n  ')}`);
else console.log('✔ dist/ThirdPartyNotices.txt holds the licence text of every package that ships, the codicon font’s CC-BY-4.0 included');

// 2. ovsx reads and uploads it to a loopback registry.
const vsixBytes = readFileSync(VSIX);
let received;
const registry = createServer((req, res) => {
  const chunks = [];
  req.on('data', (c) => chunks.push(c));
  req.on('end', () => {
    const url = new URL(req.url ?? '/', 'http://registry');
    if (req.method === 'POST' && url.pathname === '/api/-/publish') {
      received = Buffer.concat(chunks);
      res.writeHead(201, { 'Content-Type': 'application/json' });
      res.end(JSON.stringify({ namespace: manifest.publisher, name: manifest.name, version: manifest.version, targetPlatform: 'universal' }));
    } else {
      res.writeHead(404, { 'Content-Type': 'application/json' });
      res.end('{"error":"not found"}');
    }
  });
});
await new Promise((r) => registry.listen(0, '127.0.0.1', r));
const registryUrl = `http://127.0.0.1:${registry.address().port}`;
const ovsx = await new Promise((done) => {
  const child = spawn(process.execPath, ['node_modules/ovsx/bin/ovsx', 'publish', VSIX, '-r', registryUrl, '-p', 'loopback-test']);
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (d) => (stdout += d));
  child.stderr.on('data', (d) => (stderr += d));
  child.on('close', (status) => done({ status, stdout, stderr }));
});
registry.close();
const expectedLine = `Published ${manifest.publisher}.${manifest.name} v${manifest.version}`;
if (ovsx.status !== 0 || !ovsx.stdout.includes(expectedLine)) problems.push(`ovsx publish: exit ${ovsx.status}\n${ovsx.stdout}${ovsx.stderr}`);
else if (!received?.equals(vsixBytes)) problems.push('ovsx publish: the registry did not receive the .vsix byte for byte');
else console.log(`✔ ovsx read ${VSIX} and uploaded all ${vsixBytes.length} bytes: "${expectedLine}"`);

// 3. The npm package of the CLI.
const NPM_PACKAGE = 'dist/npm';
const cliManifest = JSON.parse(readFileSync(join(NPM_PACKAGE, 'package.json'), 'utf8'));
const [pack] = JSON.parse(run('npm', ['pack', `./${NPM_PACKAGE}`, '--dry-run', '--json']));
expectSame(
  'npm pack ./dist/npm --dry-run',
  pack.files.map((f) => f.path),
  ['LICENSE', 'README.md', 'package.json', ...CLI_FILES, 'l10n/bundle.l10n.zh-cn.json', 'ThirdPartyNotices.txt'],
);
if (readFileSync(join(NPM_PACKAGE, 'ThirdPartyNotices.txt'), 'utf8') !== noticesText)
  problems.push('dist/npm/ThirdPartyNotices.txt differs from dist/ThirdPartyNotices.txt');
if (cliManifest.dependencies || cliManifest.version !== manifest.version || cliManifest.name !== manifest.name)
  problems.push(`dist/npm/package.json: ${JSON.stringify(cliManifest)} (no dependencies, the extension's name and version)`);
if (!manifest.private) problems.push('package.json must stay private: the CLI is published from dist/npm');

// 4. npx runs it by name from the tarball.
const dir = mkdtempSync(join(tmpdir(), 'crazyrouter-npx-'));
try {
  const tarball = resolve(dir, JSON.parse(run('npm', ['pack', `./${NPM_PACKAGE}`, '--json', '--pack-destination', dir]))[0].filename);
  // In English whatever this machine's locale (the CLI follows LC_ALL, LC_MESSAGES and LANG); --lang wins over it.
  const npx = (...args) =>
    spawnSync('npx', ['--yes', `--package=${tarball}`, manifest.name, ...args], { cwd: dir, encoding: 'utf8', env: { ...process.env, LC_ALL: 'C' } });
  const version = npx('--version');
  if (version.stdout.trim() !== manifest.version) problems.push(`npx ${manifest.name} --version printed ${JSON.stringify(version.stdout + version.stderr)}`);
  // Claude Code's protocol is checked with the Anthropic SDK, from its chunk (scripts/cliChunks.mjs).
  const doctor = npx('--scenario', 'healthy', '--client', 'claude-code');
  if (doctor.status !== 0 || !/^PASS: /m.test(doctor.stdout))
    problems.push(`npx ${manifest.name} --scenario healthy --client claude-code: exit ${doctor.status}\n${doctor.stdout}${doctor.stderr}`);
  else console.log(`✔ npx --package=<tarball> ${manifest.name}: --version ${version.stdout.trim()}, and a passing check of Claude Code against the sandbox`);
  // The Chinese strings travel in the tarball: the verdict comes out in Chinese.
  const passZh = JSON.parse(readFileSync('l10n/bundle.l10n.zh-cn.json', 'utf8')).PASS;
  const chinese = npx('--lang', 'zh-cn', '--scenario', 'healthy');
  if (chinese.status !== 0 || !chinese.stdout.trimEnd().split('\n').at(-1).startsWith(`${passZh}：`) || chinese.stderr.includes('could not be read'))
    problems.push(`npx ${manifest.name} --lang zh-cn --scenario healthy: exit ${chinese.status}\n${chinese.stdout}${chinese.stderr}`);
  else console.log(`✔ npx --package=<tarball> ${manifest.name} --lang zh-cn: the verdict in Chinese ("${passZh}：…")`);
} finally {
  rmSync(dir, { recursive: true, force: true });
}

if (problems.length) {
  console.error(`\n${problems.map((p) => `✖ ${p}`).join('\n')}`);
  process.exit(1);
}
