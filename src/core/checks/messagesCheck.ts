import * as l10n from '@vscode/l10n';
import type { RawMessageStreamEvent } from '@anthropic-ai/sdk/resources/messages';
import { gatewayRoot } from '../urls';
import type { CheckDefinition, CheckOutcome } from './checkTypes';
import { callGateway, failed, readStream, RELAY } from './gatewayCall';
import { protocolFailure } from './protocolOutcome';
import { PROBE_MAX_TOKENS } from './tokenLimit';

const SILENT = { error() {}, warn() {}, info() {}, debug() {} };
const isRecord = (value: unknown): value is Record<string, unknown> => value !== null && typeof value === 'object';
const api = () => l10n.t('Anthropic Messages (/v1/messages), which Claude Code speaks');

/**
 * The Anthropic SDK, loaded (evaluated) only when a client that speaks its protocol is checked: the
 * bundle keeps it behind this import, so a Cursor or Cherry Studio run never pays for it.
 */
export async function loadAnthropicSdk(): Promise<typeof import('@anthropic-ai/sdk').default> {
  return (await import('@anthropic-ai/sdk')).default;
}

/**
 * Claude Code's protocol: Anthropic Messages at the gateway root (`POST {root}/v1/messages`),
 * through the official Anthropic SDK: once with `Authorization: Bearer` (ANTHROPIC_AUTH_TOKEN),
 * once streaming with `x-api-key` (ANTHROPIC_API_KEY).
 */
export function messagesCheck(model: string): CheckDefinition {
  return {
    id: 'protocol:messages',
    kind: 'protocol',
    title: l10n.t('Anthropic Messages for Claude Code ({model})', { model }),
    model,
    needs: ['token'],
    gatedBy: ['auth'],
    sendsToken: true,
    async run(ctx): Promise<CheckOutcome> {
      const client = ctx.client();
      const root = gatewayRoot(ctx.profile.baseUrl);
      const token = ctx.profile.secret.reveal();
      const common = { baseURL: root, maxRetries: 0, timeout: ctx.profile.timeoutMs, fetch: client.fetch, logLevel: 'off' as const, logger: SILENT };
      const Anthropic = await loadAnthropicSdk();
      const anthropic = new Anthropic({ ...common, apiKey: null, authToken: token });
      // What Claude Code sends for ANTHROPIC_API_KEY: x-api-key, and no Authorization header.
      const asApiKey = { signal: ctx.signal, headers: { Authorization: null, 'x-api-key': token } };
      const params = { model, max_tokens: PROBE_MAX_TOKENS, messages: [{ role: 'user' as const, content: 'Reply with the single word: pong' }] };
      const json = await callGateway(client, RELAY, () => anthropic.messages.create(params, { signal: ctx.signal }));
      if (!json.ok) return protocolFailure(json.diagnosis, json.exchange, api());
      const content: unknown[] = json.value !== null && typeof json.value === 'object' && Array.isArray(json.value.content) ? json.value.content : [];
      const text = content.map((b) => (isRecord(b) && b.type === 'text' && typeof b.text === 'string' ? b.text : '')).join('');
      const stream = await callGateway(client, RELAY, () => anthropic.messages.create({ ...params, stream: true }, asApiKey));
      if (!stream.ok) return protocolFailure(stream.diagnosis, stream.exchange, api());
      let streamed = '';
      let stopped = false;
      const broken = await readStream(client, RELAY, async () => {
        for await (const event of stream.value as AsyncIterable<RawMessageStreamEvent | null>) {
          if (event?.type === 'content_block_delta' && event.delta?.type === 'text_delta' && typeof event.delta.text === 'string') streamed += event.delta.text;
          if (event?.type === 'message_stop') stopped = true;
        }
      });
      const metrics = { bearer: true, xApiKey: true, streamedStop: stopped };
      if (broken) return failed(broken, { metrics });
      if (!stopped) return { status: 'fail', symptom: 'stream.cut', summary: l10n.t('The Messages stream ended without message_stop.'), metrics };
      return {
        status: 'pass',
        summary: l10n.t('{url} answers "{text}" with a Bearer token and streams "{streamed}" with x-api-key, as Claude Code needs.', {
          url: `${root}/v1/messages`,
          text: text.trim(),
          streamed: streamed.trim(),
        }),
        metrics,
      };
    },
  };
}
