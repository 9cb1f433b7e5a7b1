import * as z from 'zod/mini';
import type { EnvelopeKind } from '../wordings/wording';

/** The error a gateway or upstream reported, read from the raw body, with the ` (request id: …)` suffix removed. */
export interface GatewayError {
  kind: EnvelopeKind;
  message: string;
  type?: string;
  code?: string;
  requestId?: string;
}

const Code = z.nullish(z.union([z.string(), z.number()]));
const Text = z.optional(z.unknown());
/** `{"error":{…}}`: new-api relay (with `code` since 2025-08), one-api (without). */
const OpenAIEnvelope = z.object({ error: z.looseObject({ message: Text, type: z.optional(z.string()), code: Code }) });
/** `{"error":"…"}`: some proxies and older gateways put the text straight under `error`. */
const StringErrorEnvelope = z.object({ error: z.string() });
/** `{"type":"error","error":{…}}`: new-api on /v1/messages (Anthropic's shape). */
const ClaudeEnvelope = z.object({ type: z.literal('error'), error: z.looseObject({ type: z.optional(z.string()), message: Text }) });
/** `{"success":false,"message":"…"}`: new-api's /api routes (token status, token log). */
const SuccessFalse = z.object({ success: z.literal(false), message: z.optional(z.string()) });
/** `{"message","type","code"}` at the top level: an upstream body passed through, or a customised gateway. */
const FlatEnvelope = z.looseObject({ message: z.string(), type: z.optional(z.string()), code: Code });

// `(request id: …)` in ASCII or full-width parentheses （）, written as \u escapes: the CLI bundle
// stays ASCII (scripts/asciiBundle.mjs).
const REQUEST_ID_SUFFIX = /\s*[(\uff08]request id: ?([^)\uff09]+)[)\uff09]\s*$/i;
const HTML_START = /^\s*(<!doctype html|<html|<head|<body|<\?xml)/i;

export function stripRequestId(message: string): { message: string; requestId?: string } {
  const match = REQUEST_ID_SUFFIX.exec(message);
  if (!match) return { message: message.trim() };
  return { message: message.slice(0, match.index).trim(), requestId: match[1]?.trim() };
}

const asText = (value: unknown): string => (typeof value === 'string' ? value : value === undefined || value === null ? '' : JSON.stringify(value));

/**
 * Reads the error a response body carries, whatever its shape: the OpenAI envelope (with or without
 * `code`), Anthropic's, new-api's `{success:false}`, a flat object, plain text, or nothing at all.
 * A 2xx body counts only in an explicit error shape (the billing routes answer 200 with `{"error":…}`);
 * plain text and empty bodies count only for error statuses. Undefined when the body carries no error.
 */
export function readErrorBody(text: string, status: number): GatewayError | undefined {
  const failed = status >= 400;
  const trimmed = text.trim();
  if (trimmed === '') return failed ? { kind: 'empty', message: '' } : undefined;
  let value: unknown;
  try {
    value = JSON.parse(trimmed);
  } catch {
    if (!failed || HTML_START.test(trimmed)) return undefined;
    return { kind: 'text', ...stripRequestId(trimmed.slice(0, 2_000)) };
  }
  const claude = ClaudeEnvelope.safeParse(value);
  if (claude.success) return build('claude', claude.data.error.message, claude.data.error.type, undefined);
  const openai = OpenAIEnvelope.safeParse(value);
  if (openai.success) {
    const { error } = openai.data;
    return build('code' in error ? 'openai' : 'openai-no-code', error.message, error.type, error.code);
  }
  const plain = StringErrorEnvelope.safeParse(value);
  if (plain.success) return build('openai-no-code', plain.data.error, undefined, undefined);
  const success = SuccessFalse.safeParse(value);
  if (success.success) return build('success-false', success.data.message, undefined, undefined);
  if (!failed) return undefined;
  const flat = FlatEnvelope.safeParse(value);
  if (flat.success) return build('flat', flat.data.message, flat.data.type, flat.data.code);
  return { kind: 'text', message: trimmed.slice(0, 2_000) };
}

function build(kind: EnvelopeKind, rawMessage: unknown, type: string | undefined, code: string | number | null | undefined): GatewayError {
  const { message, requestId } = stripRequestId(asText(rawMessage));
  const codeText = code === null || code === undefined || code === '' ? undefined : String(code);
  return { kind, message, type: type || undefined, code: codeText, requestId };
}

/** new-api and one-api raise their own errors with these types; anything else came from upstream. */
export function isGatewayRaised(error: GatewayError): boolean {
  return error.type === undefined || /^(new_api|one_api)_(error|panic)$/.test(error.type);
}
