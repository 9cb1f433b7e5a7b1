import * as z from 'zod/mini';

/** The error a gateway or upstream reported, with the ` (request id: …)` suffix removed. */
export interface GatewayError {
  message: string;
  type?: string;
  code?: string;
  requestId?: string;
}

const Code = z.nullish(z.union([z.string(), z.number()]));
const OpenAIEnvelope = z.object({
  error: z.looseObject({ message: z.optional(z.string()), type: z.optional(z.string()), code: Code }),
});
const ClaudeEnvelope = z.object({ type: z.literal('error'), error: z.object({ type: z.optional(z.string()), message: z.optional(z.string()) }) });
/** The shape docs.crazyrouter.com shows: fields at the top level. */
const FlatEnvelope = z.object({ message: z.optional(z.string()), type: z.optional(z.string()), code: Code });

const REQUEST_ID_SUFFIX = /\s*[(（]request id: ?([^)）]+)[)）]\s*$/i;

export function stripRequestId(message: string): { message: string; requestId?: string } {
  const match = REQUEST_ID_SUFFIX.exec(message);
  if (!match) return { message: message.trim() };
  return { message: message.slice(0, match.index).trim(), requestId: match[1]?.trim() };
}

/** Reads an error envelope from a parsed body or body text; undefined when there is none. */
export function readErrorEnvelope(body: unknown): GatewayError | undefined {
  let value = body;
  if (typeof value === 'string') {
    try {
      value = JSON.parse(value);
    } catch {
      return undefined;
    }
  }
  const claude = ClaudeEnvelope.safeParse(value);
  if (claude.success) return build(claude.data.error.message ?? '', claude.data.error.type, undefined);
  const openai = OpenAIEnvelope.safeParse(value);
  if (openai.success) return build(openai.data.error.message ?? '', openai.data.error.type, openai.data.error.code);
  const flat = FlatEnvelope.safeParse(value);
  if (flat.success && (flat.data.message || flat.data.code) && flat.data.type) return build(flat.data.message ?? '', flat.data.type, flat.data.code);
  return undefined;
}

function build(rawMessage: string, type: string | undefined, code: string | number | null | undefined): GatewayError {
  const { message, requestId } = stripRequestId(rawMessage);
  const codeText = code === null || code === undefined || code === '' ? undefined : String(code);
  return { message, type: type || undefined, code: codeText, requestId };
}

/** new-api and one-api raise their own errors with these types; anything else came from upstream. */
export function isGatewayRaised(error: GatewayError): boolean {
  return error.type === undefined || /^(new_api|one_api)_(error|panic)$/.test(error.type) || error.type === 'invalid_request_error';
}
