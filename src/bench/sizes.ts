import { existsSync, statSync } from 'node:fs';

export const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;

/** Bytes of a built file, or NaN when it is missing (the goal check then fails). */
export function sizeOf(file: string): number {
  return existsSync(file) ? statSync(file).size : Number.NaN;
}
