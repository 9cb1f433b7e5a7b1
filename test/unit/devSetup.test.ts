// F5 from a fresh clone: the launch configurations name tasks that exist, the tasks run scripts
// that exist, and what they point at is what the build makes. The development build keeps the
// panel's browser code debuggable (an inline source map back to src/webview).
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse, type ParseError } from 'jsonc-parser';
import { test } from 'mocha';

const REPO = join(__dirname, '../../..');
const read = (file: string) => readFileSync(join(REPO, file), 'utf8');
function jsonc(file: string): unknown {
  const errors: ParseError[] = [];
  const value: unknown = parse(read(file), errors, { allowTrailingComma: true });
  assert.deepEqual(errors, [], `${file} parses`);
  return value;
}

interface Launch {
  configurations: { name: string; type: string; preLaunchTask?: string; args?: string[]; program?: string; outFiles?: string[] }[];
}
interface Tasks {
  tasks: {
    label: string;
    type?: string;
    script?: string;
    dependsOn?: string[];
    problemMatcher?: string;
    group?: string | { kind: string; isDefault?: boolean };
  }[];
}

const launch = jsonc('.vscode/launch.json') as Launch;
const { tasks } = jsonc('.vscode/tasks.json') as Tasks;
const scripts = (JSON.parse(read('package.json')) as { scripts: Record<string, string> }).scripts;
const resolvePath = (value: string) => value.replace('${workspaceFolder}', REPO);

test('every launch configuration runs after a task that exists, and the default build task watches', () => {
  const labels = new Set(tasks.map((t) => t.label));
  const defaultBuild = tasks.find((t) => typeof t.group === 'object' && t.group.isDefault);
  assert.ok(defaultBuild, 'a default build task');
  for (const c of launch.configurations) {
    const task = c.preLaunchTask === '${defaultBuildTask}' ? defaultBuild.label : c.preLaunchTask;
    assert.ok(task && labels.has(task), `${c.name}: pre-launch task ${c.preLaunchTask}`);
  }
  for (const t of tasks) {
    for (const dependency of t.dependsOn ?? []) assert.ok(labels.has(dependency), `${t.label} depends on ${dependency}`);
    if (t.type === 'npm') assert.ok(t.script && scripts[t.script], `${t.label}: npm script ${t.script}`);
  }
  assert.match(scripts.watch ?? '', /build\.mjs --watch/);
});

test('Run Extension loads this folder, Extension Tests the in-host suite, and every file they name is built', () => {
  const run = launch.configurations.find((c) => c.name === 'Run Extension');
  assert.ok(run?.args?.includes('--extensionDevelopmentPath=${workspaceFolder}'));
  const tests = launch.configurations.find((c) => c.args?.some((a) => a.startsWith('--extensionTestsPath=')));
  const suite = tests?.args?.find((a) => a.startsWith('--extensionTestsPath='))?.split('=')[1];
  assert.ok(suite && existsSync(`${resolvePath(suite)}.js`), `the suite entry ${suite} is built`);
  for (const c of launch.configurations) if (c.program) assert.ok(existsSync(resolvePath(c.program)), `${c.name}: ${c.program}`);
  assert.ok(existsSync(join(REPO, 'dist/extension.js')) && existsSync(join(REPO, 'dist/extension.js.map')), 'the host bundle has its source map');
});

test('the mocha configuration finds the source maps of both trees the tests are compiled to (out/test and out/src)', () => {
  const mocha = launch.configurations.find((c) => c.program?.endsWith('mocha/bin/mocha.js'));
  const roots = (mocha?.outFiles ?? []).map((glob) => resolvePath(glob).replace(/\*\*\/\*\.js$/, ''));
  for (const compiled of ['out/test/unit/devSetup.test.js', 'out/src/core/secret.js']) {
    assert.ok(existsSync(join(REPO, `${compiled}.map`)), `${compiled} has its source map`);
    assert.ok(
      roots.some((root) => join(REPO, compiled).startsWith(root)),
      `${compiled} is under one of ${roots.join(', ')}`,
    );
  }
});

test('the development webview bundle maps back to src/webview, so its developer tools show the TypeScript', () => {
  const bundle = read('dist/webview.js');
  const inline = /\/\/# sourceMappingURL=data:application\/json;base64,([A-Za-z0-9+/=]+)\s*$/.exec(bundle);
  assert.ok(inline, 'an inline source map (a webview cannot fetch a separate .map file)');
  const map = JSON.parse(Buffer.from(inline[1]!, 'base64').toString('utf8')) as { sources: string[] };
  assert.ok(
    map.sources.some((s) => s.endsWith('src/webview/main.ts')),
    map.sources.filter((s) => s.includes('src/')).join(', '),
  );
});
