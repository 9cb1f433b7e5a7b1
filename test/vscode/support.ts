import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { DoctorTestApi } from '../../src/extension/extension';

export const EXTENSION_ID = 'crazyrouter.crazyrouter-doctor';

export async function activatedApi(): Promise<DoctorTestApi> {
  const extension = vscode.extensions.getExtension<DoctorTestApi>(EXTENSION_ID);
  assert.ok(extension, `${EXTENSION_ID} is installed in the host`);
  return extension.isActive ? extension.exports : await extension.activate();
}

export async function setSetting(key: string, value: unknown): Promise<void> {
  await vscode.workspace.getConfiguration('crazyrouter').update(key, value, vscode.ConfigurationTarget.Global);
}

export async function until(condition: () => boolean, what: string, timeoutMs = 15_000): Promise<void> {
  const started = Date.now();
  while (!condition()) {
    if (Date.now() - started > timeoutMs) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 25));
  }
}
