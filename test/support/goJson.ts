import type { EnvelopeKind } from '../../src/core/wordings/wording';

/**
 * A string as Go's encoding/json writes it: like JSON.stringify, but `<`, `>`, `&` and U+2028/9 escaped.
 * Kept apart from the sandbox on purpose: the corpus test needs an oracle that shares no code with it.
 */
export const goString = (value: string) =>
  JSON.stringify(value)
    .replace(/</g, '\\u003c')
    .replace(/>/g, '\\u003e')
    .replace(/&/g, '\\u0026')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');

/**
 * The body a gateway writes for an error, byte for byte as research/wordings-notes.md §2 describes
 * the Go code: `gin.H` maps with keys sorted; the relay's OpenAIError struct in field order.
 */
export function goErrorBody(kind: EnvelopeKind, message: string, type: string | undefined, code: string | undefined): string {
  switch (kind) {
    case 'openai':
      return `{"error":{"code":${goString(code ?? '')},"message":${goString(message)},"type":${goString(type ?? '')}}}`;
    case 'openai-no-code':
      return `{"error":{"message":${goString(message)},"type":${goString(type ?? '')}}}`;
    case 'claude':
      return `{"error":{"type":${goString(type ?? '')},"message":${goString(message)}},"type":"error"}`;
    case 'success-false':
      return `{"message":${goString(message)},"success":false}`;
    case 'flat':
      return `{"message":${goString(message)},"type":${goString(type ?? '')},"code":${goString(code ?? '')}}`;
    case 'text':
      return message;
    case 'empty':
      return '';
  }
}
