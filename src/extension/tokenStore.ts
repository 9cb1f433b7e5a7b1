import type * as vscode from 'vscode';
import { Secret } from '../core/secret';

const KEY = 'crazyrouter.token';

/**
 * The token lives only in VS Code's SecretStorage. It is handed out wrapped in a `Secret`, so it
 * prints as a mask anywhere it might end up by mistake.
 */
export class TokenStore {
  readonly onDidChange: vscode.Event<void>;
  private cached?: Secret | null;

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

  async get(): Promise<Secret | undefined> {
    if (this.cached === undefined) {
      const value = await this.secrets.get(KEY);
      this.cached = value ? Secret.of(value) : null;
    }
    return this.cached ?? undefined;
  }

  async has(): Promise<boolean> {
    return (await this.get()) !== undefined;
  }

  /** Stores the token as pasted, trimmed (the engine's lint reports other problems). */
  async store(raw: string): Promise<Secret> {
    const secret = Secret.of(raw.trim());
    await this.secrets.store(KEY, secret.reveal());
    this.cached = secret;
    return secret;
  }

  async forget(): Promise<void> {
    await this.secrets.delete(KEY);
    this.cached = null;
  }
}
