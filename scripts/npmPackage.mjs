// The CLI's npm package, dist/npm: the command (dist/cli.js, the doctor it starts, dist/cli-main.js, and the
// chunks the doctor requires when a run needs them: scripts/cliChunks.mjs), its Simplified Chinese strings
// (l10n/, read only for --lang zh-cn or a Chinese locale), the notices, a README and the licence,
// with a manifest made from the extension's package.json (one name, one version). The extension's
// own manifest stays private: its "files" would clash with .vscodeignore in vsce, and
// publishing it to npm would ship the extension bundles to people who want the command.
//   npm pack ./dist/npm      npm publish ./dist/npm
import { copyFileSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { CLI_FILES } from './cliChunks.mjs';

export function writeNpmPackage(out = 'dist/npm') {
  const root = JSON.parse(readFileSync('package.json', 'utf8'));
  mkdirSync(out, { recursive: true });
  const manifest = {
    name: root.name,
    version: root.version,
    description: 'Checks whether your AI clients are correctly connected to Crazyrouter (an OpenAI-compatible gateway), and says exactly what to fix.',
    keywords: root.keywords,
    license: root.license,
    repository: root.repository,
    bin: { [root.name]: './cli.js' },
    files: [...CLI_FILES, 'l10n/bundle.l10n.zh-cn.json', 'ThirdPartyNotices.txt'],
    engines: { node: root.engines.node },
  };
  writeFileSync(join(out, 'package.json'), `${JSON.stringify(manifest, null, 2)}\n`);
  for (const file of CLI_FILES) copyFileSync(join('dist', file), join(out, file));
  mkdirSync(join(out, 'l10n'), { recursive: true });
  copyFileSync('dist/l10n/bundle.l10n.zh-cn.json', join(out, 'l10n', 'bundle.l10n.zh-cn.json'));
  copyFileSync('dist/ThirdPartyNotices.txt', join(out, 'ThirdPartyNotices.txt'));
  copyFileSync('packaging/npm/README.md', join(out, 'README.md'));
  copyFileSync('LICENSE', join(out, 'LICENSE'));
  return manifest;
}
