// Every `l10n.t('…')` and `vscode.l10n.t('…')` in src, as @vscode/l10n-dev finds them. Shared by
// test/unit/l10nBundle.test.ts (the bundles hold exactly these) and scripts/l10nExport.mjs
// (which writes them), so both read the same files the same way.
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import * as path from 'node:path';

const REPO = path.resolve(__dirname, '../../..');
const ROOMS = ['core', 'cli', 'extension', 'webview'];

/** The .ts files of src's rooms, relative to the repository (e.g. `src/core/urls.ts`). */
export function sourceFiles(): string[] {
  const under = (dir: string): string[] =>
    readdirSync(path.join(REPO, dir)).flatMap((name) => {
      const file = path.join(dir, name);
      return statSync(path.join(REPO, file)).isDirectory() ? under(file) : file.endsWith('.ts') ? [file] : [];
    });
  return ROOMS.flatMap((room) => under(path.join('src', room)));
}

/** What @vscode/l10n-dev extracts from these files (all of src's rooms by default). */
export async function sourceStrings(files: string[] = sourceFiles()): ReturnType<GetL10nJson> {
  const getL10nJson = await extractor();
  return getL10nJson(files.map((file) => ({ extension: '.ts', contents: readFileSync(path.join(REPO, file), 'utf8') })));
}

type GetL10nJson = (typeof import('@vscode/l10n-dev'))['getL10nJson'];
type TreeSitter = { Language?: { prototype: { query?: (this: object, source: string) => unknown } } };

/**
 * @vscode/l10n-dev 0.0.35 (dist/main.js, `ScriptAnalyzer.analyze`) compiles the same tree-sitter
 * queries again for every file: ~45 ms a file, 10 s of a 2-core machine for src, nearly all of it
 * query compilation. A query is a pure function of the grammar and its text, so web-tree-sitter's
 * `Language.prototype.query` (in the copy l10n-dev itself loads) keeps each compiled query; the
 * extraction is the same (814 strings either way), in ~0.3 s. web-tree-sitter 0.20's `init()`
 * replaces its own `module.exports`, so the class is taken before l10n-dev loads and calls it;
 * should it be missing (l10n-dev loaded earlier, a later web-tree-sitter), nothing is kept and
 * the extraction is only slower.
 */
let loading: Promise<GetL10nJson> | undefined;
function extractor(): Promise<GetL10nJson> {
  loading ??= (async () => {
    const treeSitter = createRequire(require.resolve('@vscode/l10n-dev'))('web-tree-sitter') as TreeSitter;
    const { getL10nJson } = require('@vscode/l10n-dev') as typeof import('@vscode/l10n-dev');
    // web-tree-sitter is initialised (and `Language` set on it) once l10n-dev has analysed one file.
    await getL10nJson([{ extension: '.ts', contents: "import * as vscode from 'vscode'; vscode.l10n.t('');" }]);
    const proto = treeSitter.Language?.prototype;
    const compile = proto?.query;
    if (proto && typeof compile === 'function') {
      const compiled = new WeakMap<object, Map<string, unknown>>();
      proto.query = function keptQuery(this: object, source: string) {
        let byText = compiled.get(this);
        if (!byText) compiled.set(this, (byText = new Map()));
        if (!byText.has(source)) byText.set(source, compile.call(this, source));
        return byText.get(source);
      };
    }
    return getL10nJson;
  })();
  return loading;
}
