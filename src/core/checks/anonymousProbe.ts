import { asksForToken } from '../classify/classifyAnswer';
import type { Diagnosis } from '../classify/diagnosis';
import type { CheckContext } from './checkTypes';
import { callGateway } from './gatewayCall';

export type ProbeVerdict =
  /** The gateway's JSON 401: this URL is the API and wants a token. */
  | { kind: 'api' }
  /** It answered without asking for a token: not what Crazyrouter does. */
  | { kind: 'open' }
  /** Something else answered (the website, a wrong path, a network failure…). */
  | { kind: 'wrong'; diagnosis: Diagnosis };

/**
 * POSTs `body` to `url` without any token, as the client would call it: is this URL the gateway's
 * API? Nothing is spent and nothing leaks if the URL points somewhere else.
 */
export async function anonymousProbe(ctx: CheckContext, url: string, body: Record<string, unknown>): Promise<ProbeVerdict> {
  const client = ctx.client();
  const call = await callGateway(client, { route: 'relay', anonymous: true }, () => client.anonymousSdk.post(url, { ...client.anonymous, body }));
  if (call.ok) return { kind: 'open' };
  if (asksForToken(call.exchange)) return { kind: 'api' };
  return { kind: 'wrong', diagnosis: call.diagnosis };
}
