import Module from 'node:module';

/**
 * The least of the `vscode` API that activation touches, so dist/extension.js can be required and
 * activated in plain Node. Every call is recorded; nothing is implemented beyond that.
 */
export function installVscodeStub(calls: string[]): void {
  const disposable = { dispose() {} };
  const event = () => disposable;
  const record =
    (name: string) =>
    (..._args: unknown[]) => {
      calls.push(name);
      return disposable;
    };
  const stub = {
    commands: {
      registerCommand: record('commands.registerCommand'),
      executeCommand: async (name: string) => void calls.push(`commands.executeCommand(${name})`),
    },
    lm: { registerTool: record('lm.registerTool') },
    // English, as VS Code gives it without a language pack (placeholders left as they are).
    l10n: { t: (message: string) => message, bundle: undefined },
    window: {
      registerWebviewPanelSerializer: record('window.registerWebviewPanelSerializer'),
      createStatusBarItem: record('window.createStatusBarItem'),
      createOutputChannel: record('window.createOutputChannel'),
    },
    workspace: {
      onDidChangeConfiguration: record('workspace.onDidChangeConfiguration'),
      getConfiguration: () => ({ get: (_k: string, d: unknown) => d, inspect: () => undefined }),
    },
    Uri: { joinPath: (...parts: unknown[]) => parts },
    StatusBarAlignment: { Left: 1, Right: 2 },
    ConfigurationTarget: { Global: 1 },
    ViewColumn: { Active: -1 },
    // oxlint-disable-next-line typescript/no-extraneous-class -- a stand-in for vscode.ThemeColor, constructed by the code under test
    ThemeColor: class {},
    // oxlint-disable-next-line typescript/no-extraneous-class -- a stand-in for vscode.MarkdownString
    MarkdownString: class {},
    EventEmitter: class {
      event = event;
      fire() {}
      dispose() {}
    },
  };
  const resolve = (Module as unknown as { _resolveFilename: (request: string, ...rest: unknown[]) => string })._resolveFilename;
  (Module as unknown as { _resolveFilename: typeof resolve })._resolveFilename = function (request: string, ...rest: unknown[]) {
    return request === 'vscode' ? 'vscode' : resolve.call(this, request, ...rest);
  };
  require.cache.vscode = { id: 'vscode', filename: 'vscode', loaded: true, exports: stub } as unknown as NodeJS.Module;
}

/** A minimal ExtensionContext: no token stored, so activation must not create any UI. */
export function stubContext(): unknown {
  const memento = { get: (_k: string, d: unknown) => d, update: async () => {}, keys: () => [] };
  return {
    subscriptions: [],
    extensionUri: { fsPath: process.cwd() },
    globalState: memento,
    workspaceState: memento,
    secrets: { get: async () => undefined, store: async () => {}, delete: async () => {}, onDidChange: () => ({ dispose() {} }) },
  };
}
