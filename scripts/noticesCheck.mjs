// What dist/ThirdPartyNotices.txt must hold, checked apart from the code that writes it
// (scripts/thirdPartyNotices.mjs): for every package whose code a shipped bundle contains (read from
// the build's esbuild metafile, dist/metafile.json) and every package shipped as files, a section
// named "<name> <version>" with the text of each of its licence files, and its licence named in the
// list (the codicon font: CC-BY-4.0). npm run check:release runs it on the production build;
// test/unit/notices.test.ts on the development build and on copies with a notice taken out.
//   node scripts/noticesCheck.mjs [notices file]      (default dist/ThirdPartyNotices.txt; exit 1 on a gap)
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { SHIPPED_BUNDLES, SHIPPED_PACKAGES } from './shipped.mjs';
import { packageDirOf } from './thirdPartyNotices.mjs';

const RULE = '='.repeat(78);
const LICENCE_FILE = /^(licen[cs]e|copying|notice)([-._].*)?$/i;

/** The package directories whose code or files ship. */
function shippedPackageDirs(metafile) {
  const dirs = new Set(SHIPPED_PACKAGES.map((p) => p.dir));
  const problems = [];
  for (const bundle of SHIPPED_BUNDLES) {
    const output = metafile.outputs[bundle];
    if (!output) {
      problems.push(`${bundle} ships, but the metafile does not say what it contains`);
      continue;
    }
    for (const input of Object.keys(output.inputs)) {
      const dir = packageDirOf(input);
      if (dir) dirs.add(dir);
    }
  }
  return { dirs: [...dirs].toSorted(), problems };
}

/** Each notices section by the "<name> <version>" that heads it. */
function sectionsOf(notices) {
  const parts = notices.split(`${RULE}\n`);
  const sections = new Map();
  for (let i = 1; i + 1 < parts.length; i += 2) sections.set(parts[i].split('  ')[0].trim(), parts[i + 1]);
  return sections;
}

/** What the notices lack, one line per gap; empty when every shipped package's terms are there. */
export function noticeProblems({ metafile, notices }) {
  const { dirs, problems } = shippedPackageDirs(metafile);
  const sections = sectionsOf(notices);
  for (const dir of dirs) {
    const pkg = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8'));
    const name = `${pkg.name} ${pkg.version}`;
    const files = readdirSync(dir)
      .filter((f) => LICENCE_FILE.test(f))
      .map((f) => join(dir, f));
    // A package that ships no licence file: the terms copied by hand into packaging/licenses/ (their first line names the source).
    const byHand = join('packaging', 'licenses', `${pkg.name.replace('/', '+')}.txt`);
    if (files.length === 0 && existsSync(byHand)) files.push(byHand);
    if (files.length === 0) problems.push(`${name} ships, but has no licence file to reproduce`);
    const section = sections.get(name);
    if (section === undefined) {
      problems.push(`${name} ships, but has no section in the notices`);
      continue;
    }
    for (const file of files) {
      const text = readFileSync(file, 'utf8')
        .replace(file === byHand ? /^#.*\n/ : /^$/, '')
        .trim();
      if (!section.includes(text)) problems.push(`${name}: the text of its ${file === byHand ? byHand : basename(file)} is missing`);
    }
    if (typeof pkg.license === 'string' && !notices.includes(`  ${name} (${pkg.license})\n`))
      problems.push(`${name}: its licence (${pkg.license}) is not named in the list`);
  }
  return problems;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const notices = readFileSync(process.argv[2] ?? 'dist/ThirdPartyNotices.txt', 'utf8');
  const problems = noticeProblems({ metafile: JSON.parse(readFileSync('dist/metafile.json', 'utf8')), notices });
  for (const p of problems) console.error(`✖ ${p}`);
  if (problems.length === 0) console.log('✔ the notices hold the licence of every package that ships');
  process.exit(problems.length === 0 ? 0 : 1);
}
