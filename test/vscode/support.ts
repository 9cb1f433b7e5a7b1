import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { DoctorTestApi } from '../../src/extension/extension';

export const EXTENSION_ID = 'crazyrouter.crazyrouter-doctor';

export async function activatedApi(): Promise<DoctorTestApi> {
  const extension = vscode.extensions.getExtension<DoctorTestApi>(EXTENSION_ID);
  assert.ok(extension, `${EXTENSION_ID} is installed in the host`);
  return extension.isActive ? extension.exports : await extension.activate();
}

const originals = new Map<string, unknown>();

/** Sets a user setting, remembering the value it had so `restoreSettings` can put it back. */
export async function setSetting(key: string, value: unknown): Promise<void> {
  const config = vscode.workspace.getConfiguration('crazyrouter');
  if (!originals.has(key)) originals.set(key, config.inspect(key)?.globalValue);
  await config.update(key, value, vscode.ConfigurationTarget.Global);
}

/** Puts back what the harness configured (e.g. a loopback base URL), never the public default. */
export async function restoreSettings(): Promise<void> {
  const config = vscode.workspace.getConfiguration('crazyrouter');
  for (const [key, value] of originals) await config.update(key, value, vscode.ConfigurationTarget.Global);
  originals.clear();
}

export async function until(condition: () => boolean, what: string, timeoutMs = 15_000, pollMs = 25): Promise<void> {
  const started = Date.now();
  while (!condition()) {
    if (Date.now() - started > timeoutMs) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, pollMs));
  }
}
