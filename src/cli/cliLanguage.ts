import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { useBundle } from '../core/l10n/localize';
import { languageFromEnv, type UiLanguage } from '../core/l10n/uiLanguage';

/**
 * The Simplified Chinese strings, beside the running bundle: the build copies
 * l10n/bundle.l10n.zh-cn.json to dist/l10n (for `npm start`) and into the npm package. Read only
 * when asked for, so an English run neither loads nor parses them, and dist/cli.js stays its size.
 */
const CHINESE = path.join(__dirname, 'l10n', 'bundle.l10n.zh-cn.json');

/**
 * Chooses the language of everything the command prints (`--lang`, else LC_ALL, LC_MESSAGES, LANG)
 * and loads its strings. Call before anything is printed: `l10n.t` reads the bundle when called.
 * Strings that cannot be read leave the run in English, said once on standard error.
 */
export function useCliLanguage(env: NodeJS.ProcessEnv, flag: UiLanguage | undefined, stderr: NodeJS.WritableStream): UiLanguage {
  const language = languageFromEnv(env, flag);
  if (language === 'en') {
    useBundle(undefined);
    return language;
  }
  try {
    useBundle(JSON.parse(readFileSync(CHINESE, 'utf8')) as Record<string, string>);
    return language;
  } catch {
    useBundle(undefined);
    stderr.write(`crazyrouter-doctor: the Simplified Chinese strings (${CHINESE}) could not be read; the output is in English.\n`);
    return 'en';
  }
}
