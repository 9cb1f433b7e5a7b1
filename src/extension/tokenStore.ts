import type * as vscode from 'vscode';
import { GATEWAY_ROOT } from '../core/clients/clients';
import { Secret } from '../core/secret';

const KEY = 'crazyrouter.token';
/** Where a token goes unless the user said otherwise: Crazyrouter itself. */
export const DEFAULT_TOKEN_ORIGIN = new URL(GATEWAY_ROOT).origin;

interface Stored {
  token: Secret;
  /** The origin the token was saved for: the doctor sends it nowhere else without asking. */
  origin: string;
  /** When it was saved (ISO time; absent for tokens saved before this was kept): which token a result belongs to. */
  savedAt?: string;
}

/** `{"token","origin"}` since origins are bound; a bare token (saved before) belongs to Crazyrouter. */
function decode(value: string): Stored {
  try {
    const parsed = JSON.parse(value) as { token?: unknown; origin?: unknown; savedAt?: unknown };
    if (typeof parsed.token === 'string' && typeof parsed.origin === 'string')
      return { token: Secret.of(parsed.token), origin: parsed.origin, savedAt: typeof parsed.savedAt === 'string' ? parsed.savedAt : undefined };
  } catch {
    // a bare token
  }
  return { token: Secret.of(value), origin: DEFAULT_TOKEN_ORIGIN };
}

/**
 * The token lives only in VS Code's SecretStorage, together with the origin it was saved for. It is
 * handed out wrapped in a `Secret`, so it prints as a mask anywhere it might end up by mistake.
 */
export class TokenStore {
  readonly onDidChange: vscode.Event<void>;
  private cached?: Stored | null;

  constructor(private readonly secrets: vscode.SecretStorage) {
    this.onDidChange = (listener, thisArgs, disposables) =>
      secrets.onDidChange(
        (e) => {
          if (e.key !== KEY) return;
          this.cached = undefined;
          listener.call(thisArgs);
        },
        undefined,
        disposables,
      );
  }

  private async stored(): Promise<Stored | undefined> {
    if (this.cached === undefined) {
      const value = await this.secrets.get(KEY);
      this.cached = value ? decode(value) : null;
    }
    return this.cached ?? undefined;
  }

  async get(): Promise<Secret | undefined> {
    return (await this.stored())?.token;
  }

  /** The origin the stored token is bound to. */
  async origin(): Promise<string | undefined> {
    return (await this.stored())?.origin;
  }

  async has(): Promise<boolean> {
    return (await this.stored()) !== undefined;
  }

  /** When the stored token was saved, or undefined (none, or saved before this was kept). */
  async savedAt(): Promise<string | undefined> {
    return (await this.stored())?.savedAt;
  }

  /** Stores the token as pasted, trimmed (the engine's lint reports other problems), bound to `origin`. */
  async store(raw: string, origin: string = DEFAULT_TOKEN_ORIGIN): Promise<Secret> {
    const stored = { token: Secret.of(raw.trim()), origin: new URL(origin).origin, savedAt: new Date().toISOString() };
    await this.secrets.store(KEY, JSON.stringify({ token: stored.token.reveal(), origin: stored.origin, savedAt: stored.savedAt }));
    this.cached = stored;
    return stored.token;
  }

  async forget(): Promise<void> {
    await this.secrets.delete(KEY);
    this.cached = null;
  }
}
