import { readFileSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { REPO } from './codeServer';

interface LanguagePackManifest {
  name: string;
  publisher: string;
  version: string;
  contributes: { localizations: { languageId: string; localizedLanguageName: string; translations: { id: string; path: string }[] }[] };
}

/**
 * Registers a language pack that `code-server --install-extension` put into `extensionsDir`, as
 * VS Code's server does after it installs one itself (its language pack service's postInstall
 * writes <user-data-dir>/languagepacks.json; the command-line install skips that). code-server reads
 * the file on each page load to choose the workbench's messages and the extension host's language
 * for `--locale`; without an entry the window stays English.
 */
export function registerLanguagePack(fixture: string, userDataDir: string, extensionsDir: string): void {
  const manifest = JSON.parse(readFileSync(path.join(REPO, fixture, 'package.json'), 'utf8')) as LanguagePackManifest;
  const id = `${manifest.publisher}.${manifest.name}`;
  const installed = path.join(extensionsDir, `${id}-${manifest.version}`);
  const packs = Object.fromEntries(
    manifest.contributes.localizations.map((l) => [
      l.languageId,
      {
        hash: `${manifest.name}-${manifest.version}`,
        extensions: [{ extensionIdentifier: { id }, version: manifest.version }],
        translations: Object.fromEntries(l.translations.map((t) => [t.id, path.join(installed, t.path)])),
        label: l.localizedLanguageName,
      },
    ]),
  );
  writeFileSync(path.join(userDataDir, 'languagepacks.json'), JSON.stringify(packs, null, 2));
}
