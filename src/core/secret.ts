import { inspect } from 'node:util';

const MASK = '[redacted token]';
const tokens = new WeakMap<Secret, string>();

/**
 * An API token that cannot leak by accident: it prints, serialises and inspects as a mask.
 * The raw value is reachable only through `reveal()`, which the transport calls when it builds
 * the Authorization header, and through `redact()`, which scrubs text that might contain it.
 */
export class Secret {
  private constructor(value: string) {
    tokens.set(this, value);
  }

  static of(value: string): Secret {
    return new Secret(value);
  }

  reveal(): string {
    return tokens.get(this) ?? '';
  }

  get isEmpty(): boolean {
    return this.reveal().length === 0;
  }

  /** A hint safe to show: `sk-…7Q2f` (the last four characters only when the token is long enough). */
  hint(): string {
    const value = this.reveal().trim();
    if (value.length === 0) return '(none)';
    if (value.length < 16) return `${value.slice(0, 3)}…`;
    return `${value.slice(0, 3)}…${value.slice(-4)}`;
  }

  toString(): string {
    return MASK;
  }

  toJSON(): string {
    return MASK;
  }

  [inspect.custom](): string {
    return MASK;
  }
}
