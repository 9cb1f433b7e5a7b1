// Adds to package-lock.json the platform packages of other systems that npm left out of it.
//
// Packages such as oxlint, oxfmt and oxc-parser ship one native binary per platform as optional
// dependencies. npm writes each into the lockfile from its registry manifest; where the registry
// this machine reaches does not hold another platform's binary, npm leaves that entry out, and
// `npm ci` then refuses the lockfile as out of sync ("Missing: @oxlint/binding-darwin-arm64 from
// lock file"). The entry only has to say which system the package is for, so that npm skips it
// elsewhere: this adds it from the napi-rs naming convention (`<os>-<cpu>[-<libc or abi>]`).
// Run it after `npm install` changes the lockfile; `npm ci --dry-run` must then pass.
import { readFileSync, writeFileSync } from 'node:fs';

const LOCK = 'package-lock.json';
const lock = JSON.parse(readFileSync(LOCK, 'utf8'));
const packages = lock.packages;

/** `darwin-arm64`, `linux-x64-musl`, `win32-ia32-msvc`, `android-arm-eabi` → npm's os, cpu, libc fields. */
function platformOf(name) {
  const match =
    /(?:^|[-/])(android|darwin|freebsd|linux|openharmony|win32)-(arm64|arm|x64|ia32|ppc64|riscv64|s390x)(?:-(gnu|musl|gnueabihf|musleabihf|msvc|eabi))?$/.exec(
      name,
    );
  if (!match) return undefined;
  const [, os, cpu, abi] = match;
  const libc = abi === 'gnu' || abi === 'gnueabihf' ? ['glibc'] : abi === 'musl' || abi === 'musleabihf' ? ['musl'] : undefined;
  return { os: [os], cpu: [cpu], ...(libc ? { libc } : {}) };
}

const added = [];
for (const [path, entry] of Object.entries(packages)) {
  for (const [name, version] of Object.entries(entry.optionalDependencies ?? {})) {
    const key = `node_modules/${name}`;
    if (packages[key] || packages[`${path}/node_modules/${name}`]) continue;
    const platform = platformOf(name);
    if (!platform) throw new Error(`${name} (optional dependency of ${path}) is missing from the lockfile and is not a platform binary`);
    packages[key] = { version, ...(entry.dev ? { dev: true } : {}), optional: true, ...(entry.license ? { license: entry.license } : {}), ...platform };
    added.push(`${name}@${version}`);
  }
}
lock.packages = Object.fromEntries(Object.entries(packages).toSorted(([a], [b]) => (a === '' ? -1 : b === '' ? 1 : a.localeCompare(b))));
writeFileSync(LOCK, `${JSON.stringify(lock, null, 2)}\n`);
console.log(added.length ? `added ${added.length} platform entries: ${added.join(', ')}` : 'nothing missing');
