import type { SymptomRow } from './symptomRow';

/**
 * Every row of seed-cherry-studio-guide.txt → "Common Errors and Fixes", verbatim but for one
 * thing: where the guide names its baseline model, the fix says `{baseline}`, which a run fills
 * with a model that answered in it (the guide's gpt-5.4 when nothing ran).
 */
export const CHERRY_STUDIO_ROWS: readonly SymptomRow[] = [
  { id: 'cherry.check-fails', source: 'cherry-studio-guide', clients: ['cherry-studio'], symptom: 'Check fails', cause: 'wrong API key or pasted value contains spaces', fix: 'regenerate the token and paste a clean sk-... value', matches: ['token.malformed'] },
  { id: 'cherry.401', source: 'cherry-studio-guide', clients: ['cherry-studio'], symptom: '401 unauthorized', cause: 'token expired, was deleted, or is invalid', fix: 'create a new token in Crazyrouter and replace it', matches: ['auth.invalid', 'auth.expired'] },
  { id: 'cherry.403-model', source: 'cherry-studio-guide', clients: ['cherry-studio'], symptom: '403 / model not allowed', cause: 'the selected model is not in the token whitelist', fix: 'allow that model in the token settings', matches: ['model.not-allowed', 'model.none-allowed', 'models.chosen-missing'] },
  { id: 'cherry.404', source: 'cherry-studio-guide', clients: ['cherry-studio'], symptom: '404', cause: 'API URL was entered as a full endpoint path, or the provider type is wrong', fix: 'switch back to the OpenAI provider type and set the URL to https://crazyrouter.com', matches: ['url.wrong-path', 'url.not-found'] },
  { id: 'cherry.check-last-model', source: 'cherry-studio-guide', clients: ['cherry-studio'], symptom: 'Check still fails even though the URL and key look right', cause: 'Cherry Studio often validates against the last conversational model currently present in the provider list, and that model may be invalid', fix: 'keep only {baseline}, remove suspicious models, and run Check again', matches: [] },
  { id: 'cherry.model-list', source: 'cherry-studio-guide', clients: ['cherry-studio'], symptom: 'model list does not load', cause: 'wrong URL, network problem, or provider not enabled', fix: 'run Check, then confirm the provider toggle and network connectivity', matches: ['network.dns', 'network.refused', 'network.reset', 'network.timeout', 'models.list-empty'] },
  { id: 'cherry.chat-fails', source: 'cherry-studio-guide', clients: ['cherry-studio'], symptom: 'connection works but chat still fails', cause: 'the added model is incompatible or unavailable', fix: 'keep only {baseline} for baseline testing', matches: ['model.unavailable', 'request.invalid'] },
  { id: 'cherry.streaming', source: 'cherry-studio-guide', clients: ['cherry-studio'], symptom: 'streaming behaves oddly', cause: 'model-level or client-version compatibility issue', fix: 'switch back to {baseline} and upgrade Cherry Studio', matches: ['stream.not-sse', 'stream.cut', 'stream.no-done', 'stream.malformed', 'stream.error-event'] },
  { id: 'cherry.mcp', source: 'cherry-studio-guide', clients: ['cherry-studio'], symptom: 'MCP tool calls fail', cause: 'the issue is in the MCP service, not the model route', fix: 'disable MCP, confirm the model works, then fix MCP separately', matches: ['tools.no-call', 'tools.error'] },
];

/** Every row of seed-cursor-guide.txt → "Common Errors And Fixes", verbatim (`{baseline}` as above). */
export const CURSOR_ROWS: readonly SymptomRow[] = [
  { id: 'cursor.verify-fails', source: 'cursor-guide', clients: ['cursor'], symptom: 'Verify fails', cause: 'wrong API key or wrong base URL', fix: 're-check the sk-... key and https://crazyrouter.com/v1', matches: ['token.malformed'] },
  { id: 'cursor.401', source: 'cursor-guide', clients: ['cursor'], symptom: '401 unauthorized', cause: 'invalid, expired, or badly pasted token', fix: 'generate a new token and paste the raw value again', matches: ['auth.invalid', 'auth.expired'] },
  { id: 'cursor.403-model', source: 'cursor-guide', clients: ['cursor'], symptom: '403 or model not allowed', cause: 'the model is not in the token allowlist', fix: 'allow that model in Crazyrouter token settings', matches: ['model.not-allowed', 'model.none-allowed', 'models.chosen-missing'] },
  { id: 'cursor.404', source: 'cursor-guide', clients: ['cursor'], symptom: '404', cause: 'base URL was set to the root domain or a full endpoint path', fix: 'use exactly https://crazyrouter.com/v1', matches: ['url.website-html', 'url.wrong-path', 'url.not-found'] },
  { id: 'cursor.no-models', source: 'cursor-guide', clients: ['cursor'], symptom: 'no models show up or the list looks wrong', cause: 'Cursor BYOK refresh failed or the current version has compatibility issues', fix: 'restart Cursor, verify again, and update to the latest stable build if needed', matches: ['models.list-empty'] },
  { id: 'cursor.tab-completion', source: 'cursor-guide', clients: ['cursor'], symptom: 'chat works but Tab Completion does not use Crazyrouter', cause: 'Cursor officially keeps specialized features on built-in models', fix: 'expected behavior, not a Crazyrouter outage', matches: [] },
  { id: 'cursor.custom-models', source: 'cursor-guide', clients: ['cursor'], symptom: 'custom models do not behave correctly', cause: 'Cursor’s custom OpenAI-compatible endpoint support is still inconsistent', fix: 'get {baseline} working first, then test other models gradually', matches: ['model.unavailable', 'request.invalid'] },
  { id: 'cursor.cost-jump', source: 'cursor-guide', clients: ['cursor'], symptom: 'cost jumps unexpectedly', cause: 'one token is shared across too many tools or the allowlist is too wide', fix: 'narrow the model set and give Cursor its own quota cap', matches: ['allowlist.too-wide', 'quota.unlimited'] },
];
