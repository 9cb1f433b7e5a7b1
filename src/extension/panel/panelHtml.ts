import * as vscode from 'vscode';

/** Resources the webview may load: the extension's media and dist folders, nothing else. */
export function localResourceRoots(extensionUri: vscode.Uri): vscode.Uri[] {
  return [vscode.Uri.joinPath(extensionUri, 'media'), vscode.Uri.joinPath(extensionUri, 'dist')];
}

/**
 * The panel's HTML: a strict CSP (no inline script, no eval; scripts only by nonce), styles and
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
<html lang="en">
<head>
  <meta charset="UTF-8">
  <meta http-equiv="Content-Security-Policy" content="${csp}">
  <meta name="viewport" content="width=device-width, initial-scale=1.0">
  <link rel="stylesheet" href="${uri('dist', 'codicons', 'codicon.css')}" id="vscode-codicon-stylesheet">
  <link rel="stylesheet" href="${uri('media', 'panel.css')}">
  <title>Crazyrouter: Verify Setup</title>
</head>
<body>
  <main id="app"></main>
  <script nonce="${nonce}" src="${uri('dist', 'webview.js')}"></script>
</body>
</html>`;
}
