import * as vscode from 'vscode';

/** The panel's title (its tab and its document). Text only: no markup in it. */
export const panelTitle = () => vscode.l10n.t('Crazyrouter: Verify Setup').replace(/[<>&"]/g, '');

/** Resources the webview may load: the extension's media and dist folders, nothing else. */
export function localResourceRoots(extensionUri: vscode.Uri): vscode.Uri[] {
  return [vscode.Uri.joinPath(extensionUri, 'media'), vscode.Uri.joinPath(extensionUri, 'dist')];
}

/** VS Code's display language as an HTML language tag (`en`, `zh-cn`); anything unexpected reads as English. */
function htmlLang(language = vscode.env.language): string {
  return /^[A-Za-z]{2,3}(-[A-Za-z0-9]{1,8})*$/.test(language) ? language : 'en';
}

/**
 * The panel's HTML, in VS Code's display language: a strict CSP (no inline script, no eval; scripts only by nonce), styles and
 * fonts from the extension only, and one script, dist/webview.js.
 */
export function panelHtml(webview: vscode.Webview, extensionUri: vscode.Uri): string {
  const nonce = Buffer.from(globalThis.crypto.getRandomValues(new Uint8Array(18))).toString('base64');
  const uri = (...parts: string[]) => webview.asWebviewUri(vscode.Uri.joinPath(extensionUri, ...parts)).toString();
  const csp = [
    "default-src 'none'",
    `style-src ${webview.cspSource}`,
    `font-src ${webview.cspSource}`,
    `img-src ${webview.cspSource} data:`,
    `script-src 'nonce-${nonce}'`,
  ].join('; ');
  return `<!DOCTYPE html>
<html lang="${htmlLang()}">
<head>
  <meta charset="UTF-8">
  <meta http-equiv="Content-Security-Policy" content="${csp}">
  <meta name="viewport" content="width=device-width, initial-scale=1.0">
  <link rel="stylesheet" href="${uri('dist', 'codicons', 'codicon.css')}" id="vscode-codicon-stylesheet">
  <link rel="stylesheet" href="${uri('media', 'panel.css')}">
  <title>${panelTitle()}</title>
</head>
<body>
  <main id="app"></main>
  <script nonce="${nonce}" src="${uri('dist', 'webview.js')}"></script>
</body>
</html>`;
}
