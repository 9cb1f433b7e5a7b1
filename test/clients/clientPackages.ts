// The real client CLIs the conformance tier runs, pinned. Versions and the settings that keep each
// one on loopback come from running them (research/clients.md §B, 2026-11-22); bump a version only
// together with a green `npm run test:clients`.
import * as path from 'node:path';

export type ClientName = 'codex' | 'claude-code' | 'continue' | 'cline';

export interface ClientPackage {
  pkg: string;
  version: string;
  bin: string;
}

export const CLIENT_PACKAGES: Record<ClientName, ClientPackage> = {
  codex: { pkg: '@openai/codex', version: '0.169.0', bin: 'codex' },
  'claude-code': { pkg: '@anthropic-ai/claude-code', version: '2.1.330', bin: 'claude' },
  continue: { pkg: '@continuedev/cli', version: '1.5.47', bin: 'cn' },
  cline: { pkg: 'cline', version: '3.0.65', bin: 'cline' },
};

/** Outside node_modules (like code-server in .vscode-test): git-ignored, kept between runs. */
export const CLIENTS_DIR = path.resolve(__dirname, '../../../.clients-test');

export const installDir = (name: ClientName) => path.join(CLIENTS_DIR, `${name}-${CLIENT_PACKAGES[name].version}`);
export const binPath = (name: ClientName) => path.join(installDir(name), 'node_modules', '.bin', CLIENT_PACKAGES[name].bin);
