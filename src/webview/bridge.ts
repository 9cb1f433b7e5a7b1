import { HostMessageSchema, WebviewMessageSchema, type HostMessage, type PanelSettings, type WebviewMessage } from '../core/protocol/panelProtocol';

interface VsCodeApi {
  postMessage(message: unknown): void;
  getState(): unknown;
  setState(state: unknown): void;
}
declare function acquireVsCodeApi(): VsCodeApi;

const api = acquireVsCodeApi();

/** Sends a message to the host, validated first; an invalid one is a bug and is not sent. */
export function post(message: WebviewMessage): void {
  const parsed = WebviewMessageSchema.safeParse(message);
  if (!parsed.success) {
    console.error('crazyrouter: refused to send an invalid message', parsed.error.issues);
    return;
  }
  api.postMessage(parsed.data);
}

/** Listens for host messages; anything that fails the shared schema is dropped. */
export function onHostMessage(handler: (message: HostMessage) => void): void {
  window.addEventListener('message', (event: MessageEvent) => {
    const parsed = HostMessageSchema.safeParse(event.data);
    if (!parsed.success) {
      console.warn(
        'crazyrouter: dropped a malformed message from the host',
        parsed.error.issues.map((i) => i.path.join('.')),
      );
      return;
    }
    handler(parsed.data);
  });
}

/** What the webview keeps across reloads: the form's settings only (never the token). */
export function savedSettings(): PanelSettings | undefined {
  const state = api.getState() as { settings?: PanelSettings } | undefined;
  return state?.settings;
}

export function saveSettingsState(settings: PanelSettings): void {
  api.setState({ settings });
}
