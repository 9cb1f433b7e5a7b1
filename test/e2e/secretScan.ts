import { readdirSync, readFileSync, statSync } from 'node:fs';
import * as path from 'node:path';

/**
 * The forms a secret can take in a file: plain, UTF-16LE (Chromium's session and LevelDB stores),
 * and base64 of either, at each of the three byte alignments (the middle of an encoding does not
 * depend on what came before it, once the alignment is fixed).
 */
function needlesFor(secret: string): Buffer[] {
  const forms = [Buffer.from(secret, 'utf8'), Buffer.from(secret, 'utf16le')];
  const base64 = forms.flatMap((bytes) =>
    [0, 1, 2].map((pad) =>
      Buffer.concat([Buffer.alloc(pad), bytes])
        .toString('base64')
        .slice(4, -4),
    ),
  );
  return [...forms, ...base64.map((b) => Buffer.from(b, 'utf8'))];
}

/** Every file under `root` that contains one of `secrets` in any of those forms. Nothing is skipped silently. */
export function filesContaining(root: string, secrets: string[]): string[] {
  const needles = secrets.flatMap(needlesFor);
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
      else if (name === 'Crazyrouter.log')
        for (const m of readFileSync(file, 'utf8').matchAll(/(?:Verification|Health check) of (https?:\/\/\S+)/g)) targets.push(m[1]!);
    }
  };
  walk(root);
  return targets;
}
