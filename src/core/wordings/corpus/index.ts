import type { GatewayWording } from '../wording';
import { NEW_API_LOCALE_WORDINGS } from './newApiLocales';
import { NEW_API_FIXED_WORDINGS } from './newApiFixed';
import { UPSTREAM_RELAYED_WORDINGS } from './upstreamRelayed';
import { ONE_API_WORDINGS } from './oneApi';

/** Every wording in the corpus: new-api locale and hard-coded messages, relayed upstream answers, one-api. */
export const WORDINGS: readonly GatewayWording[] = [...NEW_API_LOCALE_WORDINGS, ...NEW_API_FIXED_WORDINGS, ...UPSTREAM_RELAYED_WORDINGS, ...ONE_API_WORDINGS];
