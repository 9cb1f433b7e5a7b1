/** An error and its nested causes, outermost first (undici nests the socket error two levels deep). */
export function causeChain(error: unknown, limit = 8): object[] {
  const chain: object[] = [];
  let current: unknown = error;
  while (current && typeof current === 'object' && chain.length < limit) {
    chain.push(current);
    current = (current as { cause?: unknown }).cause;
  }
  return chain;
}

const field = (value: object, name: 'code' | 'message'): string | undefined => {
  const v = (value as Record<string, unknown>)[name];
  return typeof v === 'string' ? v : undefined;
};

export const codeOf = (value: object) => field(value, 'code');
export const messageOf = (value: object) => field(value, 'message');
