import { createHash } from 'node:crypto';

/** A token's fingerprint for comparing tools: sha256, 12 hex characters. Never shown with the token. */
export function fingerprint(token: string): string {
  return createHash('sha256')
    .update(token.trim().replace(/^bearer\s+/i, ''))
    .digest('hex')
    .slice(0, 12);
}
