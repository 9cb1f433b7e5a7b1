import type { GatewayWording } from '../wording';

/**
 * Upstream answers the gateways relay: the channel's own key rejected by OpenAI (401 invalid_api_key).
 * The text is OpenAI's, not the gateway's ({key} stands for the rest of OpenAI's sentence, which new-api
 * 2026-02/08 passes through MaskSensitiveInfo); what the gateway source decides is the status (kept),
 * the envelope, the type and code (the upstream's) and whether a request id is appended.
 */
export const UPSTREAM_RELAYED_WORDINGS: readonly GatewayWording[] = [
  {
    id: 'new-api/en/upstream-invalid-api-key',
    gateway: 'new-api',
    versions: ['new-api@2026-08', 'new-api@2026-02'],
    lang: 'en',
    symptom: 'gateway.channel-key',
    status: 401,
    envelope: 'openai',
    type: 'invalid_request_error',
    code: 'invalid_api_key',
    text: 'Incorrect API key provided: {key}',
    requestIdSuffix: false,
    route: 'relay',
    source:
      'QQhuxuhui/new-api@ccd535ef8 service/error.go (RelayErrorHandler → types.WithOpenAIError keeps status, type, code); relaykit/types/error.go (ToOpenAIError returns RelayError: no request id) | QQhuxuhui/new-api@cac45d9cb service/error.go (RelayErrorHandler); types/error.go (ToOpenAIError)',
  },
  {
    id: 'new-api/en/upstream-invalid-api-key-claude',
    gateway: 'new-api',
    versions: ['new-api@2026-08', 'new-api@2026-02'],
    lang: 'en',
    symptom: 'gateway.channel-key',
    status: 401,
    envelope: 'claude',
    type: 'invalid_api_key',
    text: 'Incorrect API key provided: {key}',
    requestIdSuffix: true,
    route: 'relay',
    source:
      'QQhuxuhui/new-api@ccd535ef8 relaykit/types/error.go (ToClaudeError: type = upstream code, message = Error() with request id); controller/relay.go (Relay defer, RelayFormatClaude) | QQhuxuhui/new-api@cac45d9cb types/error.go (ToClaudeError)',
  },
  {
    id: 'new-api/en/upstream-invalid-api-key@2025-04',
    gateway: 'new-api',
    versions: ['new-api@2025-04'],
    lang: 'en',
    symptom: 'gateway.channel-key',
    status: 401,
    envelope: 'openai',
    type: 'invalid_request_error',
    code: 'invalid_api_key',
    text: 'Incorrect API key provided: {key}',
    requestIdSuffix: true,
    route: 'relay',
    source: 'QQhuxuhui/new-api@ef8ae4db service/error.go (RelayErrorHandler: upstream error object kept); controller/relay.go (Relay: MessageWithRequestId)',
  },
  {
    id: 'new-api/en/upstream-invalid-api-key-claude@2025-04',
    gateway: 'new-api',
    versions: ['new-api@2025-04'],
    lang: 'en',
    symptom: 'gateway.channel-key',
    status: 401,
    envelope: 'claude',
    type: 'new_api_error',
    text: 'Incorrect API key provided: {key}',
    requestIdSuffix: true,
    route: 'relay',
    source: 'QQhuxuhui/new-api@ef8ae4db service/convert.go (OpenAIErrorToClaudeError); controller/relay.go (RelayClaude)',
  },
  {
    id: 'one-api/en/upstream-invalid-api-key',
    gateway: 'one-api',
    versions: ['one-api@2025-02'],
    lang: 'en',
    symptom: 'gateway.channel-key',
    status: 401,
    envelope: 'openai',
    type: 'invalid_request_error',
    code: 'invalid_api_key',
    text: 'Incorrect API key provided: {key}',
    requestIdSuffix: true,
    route: 'relay',
    source:
      'songquanpeng/one-api@8df4a267 relay/controller/error.go (RelayErrorHandler: upstream error object kept); controller/relay.go (Relay: MessageWithRequestId)',
  },
];
