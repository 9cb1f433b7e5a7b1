// What ships, as the build and the release checks both read it: the bundles in the .vsix (see
// .vscodeignore) and in the CLI's npm package, and the packages shipped as files rather than bundled.
import { CLI_FILES } from './cliChunks.mjs';

/** The bundles that ship; their esbuild metafile entries say which packages' code they contain. */
export const SHIPPED_BUNDLES = ['dist/extension.js', 'dist/engine.js', 'dist/panel.js', 'dist/webview.js', ...CLI_FILES.map((f) => `dist/${f}`)];

/** Packages whose files are copied into dist as they are: the codicon font (CC-BY-4.0) and its stylesheet. */
export const SHIPPED_PACKAGES = [{ dir: 'node_modules/@vscode/codicons', from: 'dist', files: ['codicon.css', 'codicon.ttf'], to: 'dist/codicons' }];
