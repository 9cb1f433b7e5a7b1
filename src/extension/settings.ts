import * as vscode from 'vscode';
import { CLIENT_IDS, DEFAULT_CLIENT, GATEWAY_OPENAI_BASE, RECOMMENDED_MODELS, type ClientId } from '../core/clients/clients';
import { PROFILE_LIMITS } from '../core/profileLimits';
import { MIN_HEALTH_INTERVAL_MINUTES } from './settingsLimits';

export const SECTION = 'crazyrouter';

export interface DoctorSettings {
  baseUrl: string;
  client: ClientId;
  models: string[];
  healthIntervalMinutes: number;
  timeoutMs: number;
}

/**
 * A setting that steers the token: only the user's own value counts, never a workspace's (the
 * manifest scopes these `application`; reading `globalValue` keeps that true in forks too).
 */
function userValue<T>(config: vscode.WorkspaceConfiguration, key: string, fallback: T): T {
  const inspected = config.inspect<T>(key);
  return inspected?.globalValue ?? inspected?.defaultValue ?? fallback;
}

/** The extension's settings, with the manifest's defaults when a value is missing or malformed. */
export function readSettings(): DoctorSettings {
  const config = vscode.workspace.getConfiguration(SECTION);
  const client = config.get<string>('client', DEFAULT_CLIENT);
  const models = config.get<string[]>('models', [...RECOMMENDED_MODELS]).filter((m) => typeof m === 'string' && m.trim());
  // Settings files hold whatever a person typed: read as unknown, converted here.
  const interval = Number(userValue<unknown>(config, 'healthCheck.intervalMinutes', 30));
  const baseUrl = String(userValue<unknown>(config, 'baseUrl', GATEWAY_OPENAI_BASE)).trim();
  return {
    baseUrl: baseUrl || GATEWAY_OPENAI_BASE,
    client: (CLIENT_IDS as readonly string[]).includes(client) ? (client as ClientId) : DEFAULT_CLIENT,
    models: models.length > 0 ? models.slice(0, PROFILE_LIMITS.maxModels) : [...RECOMMENDED_MODELS],
    healthIntervalMinutes: !(interval > 0) ? 0 : Math.max(MIN_HEALTH_INTERVAL_MINUTES, interval),
    timeoutMs: Math.round(Math.max(1, Number(userValue<unknown>(config, 'requestTimeoutSeconds', 20)) || 20) * 1000),
  };
}

/** Saves what the user chose in the panel (user settings; never the token). */
export async function saveSettings(changes: Partial<Pick<DoctorSettings, 'baseUrl' | 'client' | 'models'>>): Promise<void> {
  const config = vscode.workspace.getConfiguration(SECTION);
  const current = readSettings();
  for (const key of ['baseUrl', 'client', 'models'] as const) {
    const value = changes[key];
    if (value !== undefined && JSON.stringify(value) !== JSON.stringify(current[key])) await config.update(key, value, vscode.ConfigurationTarget.Global);
  }
}
