// Builds every bundle with esbuild: the CLI and the benchmark (Node), and the tests (one bundle per
// test file, dependencies left external so `instanceof` checks see the same openai classes).
import { build } from 'esbuild';
import { readdirSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';

const production = process.argv.includes('--production');
const common = { bundle: true, platform: 'node', target: 'node20', format: 'cjs', sourcemap: production ? false : 'linked', logLevel: 'warning', legalComments: 'none' };

function filesUnder(dir, suffix) {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? filesUnder(path, suffix) : path.endsWith(suffix) ? [path] : [];
  });
}

rmSync('out', { recursive: true, force: true });
await Promise.all([
  build({ ...common, entryPoints: { cli: 'src/cli/main.ts', bench: 'src/bench/main.ts' }, outdir: 'dist', minify: production, banner: { js: '#!/usr/bin/env node' } }),
  build({ ...common, entryPoints: filesUnder('test', '.test.ts'), outdir: 'out/test', outbase: 'test', packages: 'external' }),
]);
