// Installs each pinned client from the npm registry into .clients-test/<name>-<version>, once.
// Their install scripts only link the platform binary that npm itself fetched (no other download).
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { binPath, CLIENT_PACKAGES, installDir, type ClientName } from './clientPackages';

export function installClient(name: ClientName): string {
  const { pkg, version } = CLIENT_PACKAGES[name];
  const dir = installDir(name);
  const mark = path.join(dir, '.installed');
  if (existsSync(mark) && existsSync(binPath(name))) return binPath(name);
  const started = Date.now();
  mkdirSync(dir, { recursive: true });
  writeFileSync(path.join(dir, 'package.json'), JSON.stringify({ name: `clients-test-${name}`, private: true }));
  execFileSync('npm', ['install', '--no-audit', '--no-fund', '--no-save', '--loglevel=error', `${pkg}@${version}`], {
    cwd: dir,
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  if (!existsSync(binPath(name))) throw new Error(`${pkg}@${version} installed without its ${CLIENT_PACKAGES[name].bin} binary`);
  writeFileSync(mark, `${pkg}@${version}\n`);
  console.log(`== installed ${pkg}@${version} in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  return binPath(name);
}
