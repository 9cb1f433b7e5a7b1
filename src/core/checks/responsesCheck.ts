import * as l10n from '@vscode/l10n';
import type { ResponseStreamEvent } from 'openai/resources/responses/responses';
import type { CheckDefinition, CheckOutcome } from './checkTypes';
import { callGateway, failed, readStream, RELAY } from './gatewayCall';
import { protocolFailure } from './protocolOutcome';
import { PROBE_MAX_TOKENS } from './tokenLimit';

const api = () => l10n.t('the Responses API (/v1/responses)');

/** The text of a Responses API answer (`output[].content[]` of type output_text), read defensively. */
function outputText(value: unknown): string {
  const output = (value as { output?: unknown } | null)?.output;
  if (!Array.isArray(output)) return '';
  return output
    .flatMap((item: { content?: unknown }) => (Array.isArray(item?.content) ? item.content : []))
    .map((part: { type?: unknown; text?: unknown }) => (part?.type === 'output_text' && typeof part.text === 'string' ? part.text : ''))
    .join('');
}

/** The Responses API (`POST {base}/responses`), JSON and streaming: what current Codex (and Continue for gpt-5 / o-series models) speak. */
export function responsesCheck(model: string, client = 'Codex'): CheckDefinition {
  return {
    id: 'protocol:responses',
    kind: 'protocol',
    title: l10n.t('Responses API for {client} ({model})', { client, model }),
    model,
    needs: ['token'],
    gatedBy: ['auth'],
    sendsToken: true,
    async run(ctx): Promise<CheckOutcome> {
      const sdk = ctx.client();
      const params = { model, input: 'Reply with the single word: pong', max_output_tokens: PROBE_MAX_TOKENS };
      // A plain POST: the SDK's responses.create post-processes the body and throws on anything but a Response.
      const json = await callGateway(sdk, RELAY, () => sdk.sdk.post<unknown>('/responses', { ...sdk.request, body: params }));
      if (!json.ok) return protocolFailure(json.diagnosis, json.exchange, api());
      const text = outputText(json.value);
      const stream = await callGateway(sdk, RELAY, () => sdk.sdk.responses.create({ ...params, stream: true }, sdk.request));
      if (!stream.ok) return protocolFailure(stream.diagnosis, stream.exchange, api());
      let deltas = 0;
      let completed = false;
      const broken = await readStream(sdk, RELAY, async () => {
        for await (const event of stream.value as AsyncIterable<ResponseStreamEvent | null>) {
          if (event?.type === 'response.output_text.delta') deltas++;
          if (event?.type === 'response.completed') completed = true;
        }
      });
      const metrics = { deltas, completed };
      if (broken) return failed(broken, { metrics });
      if (!completed) return { status: 'fail', symptom: 'stream.cut', summary: l10n.t('The Responses stream ended without response.completed.'), metrics };
      return {
        status: 'pass',
        summary: l10n.t('{url} answers "{text}" and streams {deltas} delta(s) to response.completed, as {client} needs.', {
          url: `${ctx.profile.baseUrl}/responses`,
          text: text.trim(),
          deltas,
          client,
        }),
        metrics,
      };
    },
  };
}
