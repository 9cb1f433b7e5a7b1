// ThirdPartyNotices.txt: the licence texts of every package whose code a shipped bundle contains,
// found from esbuild's metafiles (what was really bundled, not what package.json lists), plus
// packages shipped as files rather than bundled (the codicon font). A package without a licence
// file fails the build unless its terms were copied by hand into packaging/licenses/: nothing ships
// whose terms we cannot reproduce.
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** The package directory a bundled input belongs to: the last node_modules/<name> or node_modules/@scope/<name> in its path. */
export function packageDirOf(input) {
  const match = /^(.*node_modules\/(?:@[^/]+\/)?[^/]+)\//.exec(input.replaceAll('\\', '/'));
  return match?.[1];
}

const NOTICE_FILE = /^(licen[cs]e|copying|notice)([-._].*)?$/i;

function describe(dir) {
  const pkg = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8'));
  const files = readdirSync(dir)
    .filter((f) => NOTICE_FILE.test(f))
    .toSorted();
  const repository = typeof pkg.repository === 'string' ? pkg.repository : pkg.repository?.url;
  const texts = files.map((f) => ({ file: f, text: readFileSync(join(dir, f), 'utf8').trim() }));
  // A package that ships no licence file: its terms copied by hand from its repository (the file names the commit).
  const byHand = join('packaging', 'licenses', `${pkg.name.replace('/', '+')}.txt`);
  if (texts.length === 0 && existsSync(byHand))
    texts.push({
      file: byHand,
      text: readFileSync(byHand, 'utf8')
        .replace(/^#.*\n/, '')
        .trim(),
    });
  if (texts.length === 0) throw new Error(`${pkg.name}@${pkg.version} ships no licence file; add its terms by hand (${byHand}) or drop it`);
  return { name: pkg.name, version: pkg.version, license: pkg.license ?? '(see below)', repository, texts };
}

/**
 * @param {{ metafiles: import('esbuild').Metafile[], outputs: string[], shippedPackages: string[], out: string, product: string }} options
 *   outputs: the bundles that ship (keys of the metafiles' outputs); shippedPackages: package dirs shipped as files.
 */
export function writeThirdPartyNotices({ metafiles, outputs, shippedPackages, out, product }) {
  const dirs = new Set(shippedPackages);
  for (const metafile of metafiles) {
    for (const [output, info] of Object.entries(metafile.outputs)) {
      if (!outputs.includes(output)) continue;
      for (const input of Object.keys(info.inputs)) {
        const dir = packageDirOf(input);
        if (!dir) continue;
        if (!existsSync(join(dir, 'package.json'))) throw new Error(`${input} is bundled from ${dir}, which has no package.json to name its licence`);
        dirs.add(dir);
      }
    }
  }
  const packages = [...dirs].map(describe).toSorted((a, b) => a.name.localeCompare(b.name));
  const rule = '='.repeat(78);
  const text = [
    `${product} uses the third-party software listed below. Each is distributed under its own`,
    'licence, reproduced here as its package ships it.',
    '',
    ...packages.map((p) => `  ${p.name} ${p.version} (${p.license})`),
    '',
    ...packages.flatMap((p) => [
      rule,
      `${p.name} ${p.version}${p.repository ? `  ${p.repository.replace(/^git\+/, '')}` : ''}`,
      rule,
      '',
      ...p.texts.flatMap((t) => [`--- ${t.file} ---`, '', t.text, '']),
    ]),
  ].join('\n');
  writeFileSync(out, `${text.trimEnd()}\n`);
  return packages.map((p) => `${p.name}@${p.version}`);
}
