// Builds every bundle with esbuild:
//   dist/extension.js  the VS Code host entry (small: registers, loads dist/engine.js on demand)
//   dist/engine.js     the engine, the openai SDK and the sandbox, loaded when a check runs
//   dist/panel.js      the panel's host side, loaded when the panel opens
//   dist/webview.js    the panel's browser code (+ dist/codicons)
//   dist/cli.js        the crazyrouter-doctor command: starts dist/cli-main.js, the doctor, from V8's code
//                      cache (+ dist/cli-*.js, packages only some runs need: scripts/cliChunks.mjs;
//                      dist/l10n, its Chinese strings); dist/bench.js,
//                      dist/sandbox.js (the gateway in a process of its own)
//   out/test/**        unit and integration tests (with out/src/**, compiled file by file), and the
//                      in-VS Code suite (both mocha, tdd interface)
//
// node scripts/build.mjs               development: source maps, the webview unminified with inline maps
// node scripts/build.mjs --production  what ships: minified, no maps, dist/npm (the CLI's npm package)
// Both write dist/ThirdPartyNotices.txt and dist/metafile.json (what each bundle contains, for scripts/noticesCheck.mjs).
// node scripts/build.mjs --watch       development, rebuilt on every change (the F5 task; tests are not watched)
import { build, context } from 'esbuild';
import { copyFileSync, mkdirSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { asciiComments } from './asciiBundle.mjs';
import { CLI_CHUNKS, cliChunkImports } from './cliChunks.mjs';
import { writeNpmPackage } from './npmPackage.mjs';
import { SHIPPED_BUNDLES, SHIPPED_PACKAGES } from './shipped.mjs';
import { writeThirdPartyNotices } from './thirdPartyNotices.mjs';

const production = process.argv.includes('--production');
const watch = process.argv.includes('--watch');

/**
 * The Anthropic SDK imports `standardwebhooks` for webhook signature checks, which the doctor never
 * makes; that package ships no licence file (package.json says MIT, its repository's LICENSE is
 * Apache-2.0). It is replaced by a module that refuses, so it does not ship at all.
 */
const leaveOutWebhooks = {
  name: 'leave-out-webhooks',
  setup(b) {
    b.onResolve({ filter: /^standardwebhooks$/ }, () => ({ path: 'standardwebhooks', namespace: 'left-out' }));
    b.onLoad({ filter: /.*/, namespace: 'left-out' }, () => ({
      contents: 'export class Webhook { constructor() { throw new Error("webhook verification is not part of Crazyrouter Doctor"); } }',
      loader: 'js',
    }));
  },
};

const node = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  sourcemap: production ? false : 'linked',
  logLevel: 'warning',
  legalComments: 'none',
  minify: production,
  metafile: true,
  plugins: [leaveOutWebhooks],
  // jsonc-parser's main is a UMD build that requires its parts at run time (esbuild cannot follow
  // that); its ESM build bundles. Tests keep packages external and get the UMD build from Node.
  alias: { 'jsonc-parser': 'jsonc-parser/lib/esm/main.js' },
};

function filesUnder(dir, suffix) {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? filesUnder(path, suffix) : path.endsWith(suffix) ? [path] : [];
  });
}

/**
 * Prints what VS Code's $esbuild-watch problem matcher reads (the yo code template's format): one
 * "started" when the first bundle starts rebuilding and one "finished" when the last is done, so
 * F5 waits for every bundle.
 */
let rebuilding = 0;
const problemMatcher = {
  name: 'problem-matcher',
  setup(b) {
    b.onStart(() => {
      if (rebuilding++ === 0) console.log('[watch] build started');
    });
    b.onEnd((result) => {
      for (const { text, location } of result.errors) {
        console.error(`✘ [ERROR] ${text}`);
        if (location) console.error(`    ${location.file}:${location.line}:${location.column}:`);
      }
      if (--rebuilding === 0) console.log('[watch] build finished');
    });
  },
};

/** dist/cli-main.js stays ASCII, so the launcher reads it as a one-byte string (scripts/asciiBundle.mjs). */
const asciiCliMain = {
  name: 'ascii-cli-main',
  setup(b) {
    b.onEnd((result) => {
      if (result.errors.length > 0) return;
      const left = asciiComments(join(b.initialOptions.outdir, 'cli-main.js'));
      if (left.length > 0) console.warn(`dist/cli-main.js is not ASCII (read as UTF-8, more slowly): write these with \\u escapes\n${left.join('\n')}`);
    });
  },
};

const bundles = [
  {
    ...node,
    entryPoints: { extension: 'src/extension/extension.ts', engine: 'src/extension/engineEntry.ts', panel: 'src/extension/panel/panelEntry.ts' },
    outdir: 'dist',
    external: ['vscode'],
  },
  {
    ...node,
    entryPoints: {
      cli: 'src/cli/launch.ts',
      'cli-main': 'src/cli/main.ts',
      ...Object.fromEntries(CLI_CHUNKS.map((c) => [c.file.replace(/\.js$/, ''), c.entry])),
      bench: 'src/bench/main.ts',
      sandbox: 'src/sandbox/main.ts',
    },
    outdir: 'dist',
    banner: { js: '#!/usr/bin/env node' },
    plugins: [...node.plugins, cliChunkImports, asciiCliMain],
    // A chunk's `import()` as a require in a promise: the doctor runs as a vm.Script (src/cli/launch.ts),
    // where a real dynamic import has no loader, and the chunks are CommonJS.
    supported: { 'dynamic-import': false },
  },
  {
    bundle: true,
    platform: 'browser',
    target: 'es2022',
    format: 'iife',
    entryPoints: { webview: 'src/webview/main.ts' },
    outdir: 'dist',
    // Readable in the webview's developer tools while developing (Developer: Open Webview Developer Tools).
    minify: production,
    sourcemap: production ? false : 'inline',
    logLevel: 'warning',
    legalComments: 'none',
    metafile: true,
  },
];

/**
 * The unit and integration tests are compiled file by file, not bundled: a relative import (and a
 * relative `import()`, as a require in a promise) stays a `require` of the compiled sibling; JSON is
 * still inlined, as `src/core/version.ts` reads package.json from a path that only exists in the
 * source tree. A mocha worker runs many test files; bundled, each file brought and warmed up its own
 * copy of the engine, so a worker compiled and optimised the same code once per file. Shared, it
 * does so once: the suite went 81 → 62 CPU-s and 44 → 36 s (mocha alone, one run each, same machine
 * and hour). The files a worker runs share module state: in src/ only caches of constant data
 * (`^let` in src/core, src/cli, src/sandbox) and the webview bridge's (loaded by its own test only);
 * in test/support, the sandbox host and the Python server, one per worker.
 */
const relativeImportsStayImports = {
  name: 'relative-imports-stay-imports',
  setup(b) {
    // Called for relative JSON imports only (the filter runs in esbuild): they are inlined; every
    // other relative import is external (the `external` patterns below), which esbuild decides
    // without asking this process.
    b.onResolve({ filter: /^\.\.?\/.*\.json$/ }, (args) => ({ path: join(args.resolveDir, args.path) }));
  },
};

/** Test folders bundled on their own (each its entry points, with `vscode` or a browser driver); the rest of test/ is compiled file by file. */
const BUNDLED_TEST_DIRS = ['vscode', 'e2e', 'tools', 'clients'];

const tests = [
  {
    ...node,
    entryPoints: [...filesUnder('src', '.ts'), ...filesUnder('test', '.ts').filter((f) => !BUNDLED_TEST_DIRS.some((d) => f.startsWith(`test/${d}/`)))],
    outdir: 'out',
    outbase: '.',
    packages: 'external',
    plugins: [relativeImportsStayImports],
    external: ['./*', '../*'],
    // A relative `import()` as a require in a promise: Node's ESM loader would not find the
    // extensionless sibling (`import('./mcp/mcpServer')` in src/cli/main.ts).
    supported: { 'dynamic-import': false },
    alias: {},
    minify: false,
    metafile: false,
  },
  ...BUNDLED_TEST_DIRS.map((dir) => ({
    ...node,
    entryPoints: filesUnder(`test/${dir}`, '.ts'),
    outdir: `out/test/${dir}`,
    outbase: `test/${dir}`,
    packages: 'external',
    alias: {},
    external: ['vscode'],
    minify: false,
    metafile: false,
  })),
];

rmSync('out', { recursive: true, force: true });
rmSync('dist', { recursive: true, force: true });
for (const { dir, from, files, to } of SHIPPED_PACKAGES) {
  mkdirSync(to, { recursive: true });
  for (const file of files) copyFileSync(join(dir, from, file), join(to, file));
}
// The CLI's Simplified Chinese strings, read beside dist/cli.js when --lang or the locale asks for
// them (src/cli/cliLanguage.ts), and packed into dist/npm. The extension reads l10n/ itself.
mkdirSync('dist/l10n', { recursive: true });
copyFileSync('l10n/bundle.l10n.zh-cn.json', 'dist/l10n/bundle.l10n.zh-cn.json');

if (watch) {
  for (const options of bundles) await (await context({ ...options, plugins: [...(options.plugins ?? []), problemMatcher] })).watch();
} else {
  const results = await Promise.all([...bundles, ...tests].map((options) => build(options)));
  const metafiles = results.flatMap((r) => (r.metafile ? [r.metafile] : []));
  writeFileSync(
    'dist/metafile.json',
    JSON.stringify({ inputs: Object.assign({}, ...metafiles.map((m) => m.inputs)), outputs: Object.assign({}, ...metafiles.map((m) => m.outputs)) }),
  );
  const notices = writeThirdPartyNotices({
    metafiles,
    outputs: SHIPPED_BUNDLES,
    shippedPackages: SHIPPED_PACKAGES.map((p) => p.dir),
    out: 'dist/ThirdPartyNotices.txt',
    product: 'Crazyrouter Doctor',
  });
  if (production) {
    console.log(`dist/ThirdPartyNotices.txt: ${notices.length} packages (${notices.join(', ')})`);
    const cli = writeNpmPackage();
    console.log(`dist/npm: ${cli.name}@${cli.version}, the CLI's npm package (npm pack ./dist/npm)`);
  }
}
