// `npm run corpus:drift -- [--at REV] [--repo owner/name=GIT_DIR]…`: checks the wording corpus
// against the gateways' real source, read from git mirrors (the session's `fetch`, or any clone):
// every wording's text must still be in the file its `source` names: the locale key's value for
// i18n messages, every literal piece of the text for Go string literals. Without --at, each
// wording is checked at the commit it cites; with --at REV (e.g. a newer upstream HEAD), the
// wordings of the newest snapshot are checked at REV, which is how a drifting gateway shows up.
// Not part of `npm test`: CI has no copy of the gateways' source. Exits 1 on any mismatch.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import * as path from 'node:path';
import { parseArgs } from 'node:util';
import { WORDINGS } from '../../src/core/wordings/corpus';
import { UPSTREAM_RELAYED_WORDINGS } from '../../src/core/wordings/corpus/upstreamRelayed';
import type { GatewayWording } from '../../src/core/wordings/wording';

interface Segment {
  repo: string;
  commit: string;
  paths: string[];
}

/** `owner/repo@commit path (note); path (note) | owner/repo@commit …` */
export function parseSource(source: string): Segment[] {
  return source.split(' | ').flatMap((part) => {
    const match = /^([\w.-]+\/[\w.-]+)@([0-9a-f]+) (.+)$/.exec(part.trim());
    if (!match) return [];
    const paths = match[3]!
      .split(';')
      .map((p) => p.trim().replace(/\s*\(.*$/, ''))
      .filter(Boolean);
    return [{ repo: match[1]!, commit: match[2]!, paths }];
  });
}

const cache = new Map<string, string | undefined>();
function show(gitDir: string, rev: string, file: string): string | undefined {
  const key = `${gitDir}:${rev}:${file}`;
  if (!cache.has(key)) {
    const out = spawnSync('git', ['--git-dir', gitDir, 'show', `${rev}:${file}`], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
    cache.set(key, out.status === 0 ? out.stdout : undefined);
  }
  return cache.get(key);
}

/** Go source with string concatenations joined and escaped quotes plain, so literals read whole. */
const goText = (text: string) => text.replace(/"\s*\+\s*"/g, '').replace(/\\"/g, '"');
const fragments = (text: string) =>
  text
    .split(/\{[a-zA-Z]+\}/)
    .map((f) => f.trim())
    .filter((f) => f.length >= 2);
const localeValue = (yaml: string, key: string) => {
  const line = yaml.split('\n').find((l) => l.startsWith(`${key}:`));
  const raw = line?.slice(key.length + 1).trim();
  return raw === undefined ? undefined : (JSON.parse(raw.startsWith('"') ? raw : JSON.stringify(raw)) as string).replace(/\{\{\s*\.(\w+)\s*\}\}/g, '{$1}');
};
const samePattern = (a: string, b: string) => a.replace(/\{\w+\}/g, '{}') === b.replace(/\{\w+\}/g, '{}');

function holds(wording: GatewayWording, gitDir: string, rev: string, paths: string[]): string | undefined {
  for (const file of paths) {
    const text = show(gitDir, rev, file);
    if (text === undefined) continue;
    if (file.endsWith('.yaml') && wording.key) {
      const value = localeValue(text, wording.key);
      if (value !== undefined && samePattern(value, wording.text)) return undefined;
      continue;
    }
    const source = goText(text);
    if (fragments(wording.text).every((f) => source.includes(f))) return undefined;
  }
  return `not found in ${paths.join(', ')} at ${rev}`;
}

function main(): number {
  const { values } = parseArgs({ options: { at: { type: 'string' }, repo: { type: 'string', multiple: true } } });
  const dirs = new Map<string, string>();
  for (const spec of values.repo ?? []) {
    const [name, dir] = spec.split('=');
    if (name && dir) dirs.set(name, dir);
  }
  const gitDirOf = (repo: string) => dirs.get(repo) ?? path.join('/work/.mirror', repo.replace('/', '+'), 'repo');
  const providerText = new Set(UPSTREAM_RELAYED_WORDINGS.map((w) => w.id));
  const newest = new Set(['new-api@2026-08', 'one-api@2025-02']);
  let checked = 0;
  let skipped = 0;
  const drift: string[] = [];
  for (const wording of WORDINGS) {
    // The relayed upstream answers carry the provider's text; only their handling is the gateway's.
    if (providerText.has(wording.id)) continue;
    if (values.at && !wording.versions.some((v) => newest.has(v))) continue;
    const segments = parseSource(wording.source);
    const segment = values.at ? segments[0] : undefined;
    for (const s of segment ? [segment] : segments) {
      const gitDir = gitDirOf(s.repo);
      if (!existsSync(gitDir)) {
        skipped++;
        continue;
      }
      checked++;
      const problem = holds(wording, gitDir, values.at ?? s.commit, s.paths);
      if (problem) drift.push(`${wording.id}: "${wording.text}" ${problem}`);
    }
  }
  console.log(
    `corpus drift: ${checked} source citations checked${values.at ? ` at ${values.at}` : ' at their commits'}, ${skipped} skipped (no mirror), ${drift.length} mismatched`,
  );
  for (const line of drift) console.log(`  ✖ ${line}`);
  return drift.length > 0 || checked === 0 ? 1 : 0;
}

process.exit(main());
