import { loadAnthropicSdk } from '../checks/messagesCheck';
import type { ClientId } from '../clients/clients';
import { DEFAULT_URL_RULE } from '../clients/clientUrlDefaults';
import { URL_RULES } from '../clients/urlRules';

/**
 * Loads ahead of a run what the run for `client` will need beyond the engine itself: the Anthropic
 * SDK only when the client speaks Anthropic Messages (its URL rule's protocol, as the plan reads it).
 */
export async function prepareFor(client: ClientId): Promise<void> {
  if (URL_RULES[DEFAULT_URL_RULE[client]].protocol === 'anthropic-messages') await loadAnthropicSdk();
}
