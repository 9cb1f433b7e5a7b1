import * as l10n from '@vscode/l10n';

/**
 * The panel speaks VS Code's display language: from here on `l10n.t` reads the bundle the host sent
 * in its `init` message (the host's vscode.l10n.bundle, English text → translation). Without one,
 * English. Called before anything is rendered, since each view reads its words when it is built.
 */
export function useBundle(contents: Record<string, string> | undefined): void {
  l10n.config({ contents: contents ?? {} });
}
