import { HostMessageSchema, WebviewMessageSchema, type HostMessage, type PanelSettings, type WebviewRequest } from '../core/protocol/panelProtocol';

interface VsCodeApi {
  postMessage(message: unknown): void;
  getState(): unknown;
  setState(state: unknown): void;
}
declare function acquireVsCodeApi(): VsCodeApi;

const api = acquireVsCodeApi();

export type Reply = Extract<HostMessage, { type: 'reply' }>;
type Listener = (message: Exclude<HostMessage, Reply>) => void;

let nextRequestId = 0;
const pending = new Map<number, (reply: Reply) => void>();

/**
 * Sends a request to the host, validated first, and resolves with the host's reply to it (paired by
 * request id). An invalid request is a bug: it is not sent and resolves as refused.
 */
export function request(message: WebviewRequest): Promise<Reply> {
  const requestId = nextRequestId++;
  const parsed = WebviewMessageSchema.safeParse({ ...message, requestId });
  if (!parsed.success) {
    console.error('crazyrouter: refused to send an invalid message', parsed.error.issues);
    return Promise.resolve({ type: 'reply', requestId, ok: false });
  }
  return new Promise((resolve) => {
    pending.set(requestId, resolve);
    api.postMessage(parsed.data);
  });
}

/** Sends a request whose reply only matters for its notice (shown by `onNotice`). */
export function post(message: WebviewRequest, onNotice?: (reply: Reply) => void): void {
  void request(message).then((reply) => reply.notice && onNotice?.(reply));
}

/** Listens for host messages; anything that fails the shared schema is dropped; replies go to their request. */
export function onHostMessage(handler: Listener): void {
  window.addEventListener('message', (event: MessageEvent) => {
    const parsed = HostMessageSchema.safeParse(event.data);
    if (!parsed.success) {
      console.warn(
        'crazyrouter: dropped a malformed message from the host',
        parsed.error.issues.map((i) => i.path.join('.')),
      );
      return;
    }
    const message = parsed.data;
    if (message.type !== 'reply') return handler(message);
    const resolve = pending.get(message.requestId);
    pending.delete(message.requestId);
    resolve?.(message);
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
