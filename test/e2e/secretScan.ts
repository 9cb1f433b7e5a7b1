import { readdirSync, readFileSync, statSync } from 'node:fs';
import * as path from 'node:path';

/**
 * Every file under `root` that contains one of `secrets`, as plain text or UTF-16 (how some
 * Chromium stores keep strings). Files over 64 MB are read too; nothing is skipped silently.
 */
export function filesContaining(root: string, secrets: string[]): string[] {
  const needles = secrets.flatMap((s) => [Buffer.from(s, 'utf8'), Buffer.from(s, 'utf16le')]);
  const hits: string[] = [];
  const walk = (dir: string) => {
    for (const name of readdirSync(dir)) {
      const file = path.join(dir, name);
      const stat = statSync(file, { throwIfNoEntry: false });
      if (!stat) continue;
      if (stat.isDirectory()) walk(file);
      else if (stat.isFile()) {
        const content = readFileSync(file);
        if (needles.some((n) => content.includes(n))) hits.push(path.relative(root, file));
      }
    }
  };
  walk(root);
  return hits;
}

/** The base URLs the extension checked, read from its own log (Output → Crazyrouter) under `root`. */
export function checkedTargets(root: string): string[] {
  const targets: string[] = [];
  const walk = (dir: string) => {
    for (const name of readdirSync(dir)) {
      const file = path.join(dir, name);
      if (statSync(file).isDirectory()) walk(file);
      else if (name === 'Crazyrouter.log') for (const m of readFileSync(file, 'utf8').matchAll(/(?:Verification|Health check) of (https?:\/\/\S+)/g)) targets.push(m[1]!);
    }
  };
  walk(root);
  return targets;
}
