// Builds every bundle with esbuild:
//   dist/extension.js  the VS Code host entry (small: registers, loads dist/engine.js on demand)
//   dist/engine.js     the engine, the openai SDK and the sandbox, loaded when a check runs
//   dist/webview.js    the panel's browser code (+ dist/codicons)
//   dist/cli.js, dist/bench.js
//   out/test/**        unit and integration tests (node:test), and the in-VS Code mocha suite
import { build } from 'esbuild';
import { copyFileSync, mkdirSync, readdirSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';

const production = process.argv.includes('--production');
const node = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  sourcemap: production ? false : 'linked',
  logLevel: 'warning',
  legalComments: 'none',
  minify: production,
};

function filesUnder(dir, suffix) {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? filesUnder(path, suffix) : path.endsWith(suffix) ? [path] : [];
  });
}

rmSync('out', { recursive: true, force: true });
rmSync('dist', { recursive: true, force: true });
mkdirSync('dist/codicons', { recursive: true });
for (const file of ['codicon.css', 'codicon.ttf']) copyFileSync(join('node_modules/@vscode/codicons/dist', file), join('dist/codicons', file));

await Promise.all([
  build({
    ...node,
    entryPoints: { extension: 'src/extension/extension.ts', engine: 'src/extension/engineEntry.ts', panel: 'src/extension/panel/panelEntry.ts' },
    outdir: 'dist',
    external: ['vscode'],
  }),
  build({
    ...node,
    entryPoints: { cli: 'src/cli/main.ts', bench: 'src/bench/main.ts', sandbox: 'src/sandbox/main.ts' },
    outdir: 'dist',
    banner: { js: '#!/usr/bin/env node' },
  }),
  build({
    bundle: true,
    platform: 'browser',
    target: 'es2022',
    format: 'iife',
    entryPoints: { webview: 'src/webview/main.ts' },
    outdir: 'dist',
    minify: true,
    sourcemap: false,
    logLevel: 'warning',
    legalComments: 'none',
  }),
  build({
    ...node,
    entryPoints: filesUnder('test', '.test.ts').filter((f) => !f.startsWith('test/vscode') && !f.startsWith('test/e2e')),
    outdir: 'out/test',
    outbase: 'test',
    packages: 'external',
    minify: false,
  }),
  build({
    ...node,
    entryPoints: [...filesUnder('test/vscode', '.ts')],
    outdir: 'out/test/vscode',
    outbase: 'test/vscode',
    packages: 'external',
    external: ['vscode'],
    minify: false,
  }),
  build({ ...node, entryPoints: filesUnder('test/e2e', '.ts'), outdir: 'out/test/e2e', outbase: 'test/e2e', packages: 'external', minify: false }),
  build({ ...node, entryPoints: filesUnder('test/tools', '.ts'), outdir: 'out/test/tools', outbase: 'test/tools', packages: 'external', minify: false }),
]);
