import * as l10n from '@vscode/l10n';

/**
 * Every user-facing string goes through `l10n.t` of `@vscode/l10n` (`vscode.l10n.t` in the host),
 * imported as `import * as l10n from '@vscode/l10n'`: the English text is the key, and
 * `@vscode/l10n-dev` finds each literal only in that form. Strings that live as data (the guides'
 * rows and checklists) pass through `l10n.t` where they are read. A process (the CLI, the engine
 * and the panel in the extension host, the webview) chooses its bundle once with `useBundle`;
 * without one, `l10n.t` returns the English text.
 */
export function useBundle(contents: Record<string, string> | undefined): void {
  l10n.config({ contents: contents ?? {} });
}
