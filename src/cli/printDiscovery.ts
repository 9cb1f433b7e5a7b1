import { homedir } from 'node:os';
import * as l10n from '@vscode/l10n';
import { localizedChecklist } from '../core/clients/checklists';
import { CLIENT_IDS } from '../core/clients/clients';
import { discoverConfigs } from '../core/discovery/discoverConfigs';
import type { ScanTick } from '../core/discovery/scanChecklist';
import { visibleJson, visibleText } from '../core/visibleText';
import { EXIT, type CliIo } from './cliIo';
import { STATUS_ICON, terminalFor } from './style';
import { alignLabels } from './terminalText';

/** Everything a config file holds is shown through visibleText: no control character reaches the terminal. */
const v = (text: string | undefined) => visibleText(text ?? '');

/** How a checklist item a scan proves is marked in the terminal. */
const TICK: Record<ScanTick['state'], { tone: 'pass' | 'warn' | 'fail'; mark: string }> = {
  verified: { tone: 'pass', mark: STATUS_ICON.pass },
  warned: { tone: 'warn', mark: STATUS_ICON.warn },
  failed: { tone: 'fail', mark: STATUS_ICON.fail },
};

/**
 * `--discover`: the clients' configuration files and databases on this machine, judged against
 * the gateway being checked (`--base-url`, default Crazyrouter); nothing is written.
 */
export async function printDiscovery(io: CliIo, json: boolean, gateway: string): Promise<number> {
  let found;
  try {
    found = await discoverConfigs({ home: io.env.HOME || homedir(), env: io.env, workspaceFolders: [process.cwd()], baseUrl: gateway, signal: io.signal });
  } catch (error) {
    if (io.signal?.aborted) return EXIT.cancelled;
    throw error;
  }
  if (json) {
    io.stdout.write(`${visibleJson(found)}\n`);
    return EXIT.ok;
  }
  const { style } = terminalFor(io.stdout, io.env);
  const items = new Map(CLIENT_IDS.flatMap((client) => localizedChecklist(client).map((item) => [item.id, item.text] as const)));
  if (found.length === 0) io.stdout.write(`${l10n.t('No client configuration found.')}\n`);
  // The three labels share one column, in display columns (a Chinese label is twice as wide as its characters).
  const [configured, willCall, tokenLabel] = alignLabels([l10n.t('configured:'), l10n.t('will call:'), l10n.t('token:')]);
  for (const f of found) {
    const tone = f.problems.length > 0 ? 'warn' : f.notRead ? 'skipped' : 'pass';
    io.stdout.write(
      `${style.status(tone, tone === 'pass' ? '✔' : tone === 'warn' ? '⚠' : 'ℹ')} ${style.bold(v(f.client))} ${v(f.entry)}  ${style.dim(v(f.file))}\n`,
    );
    if (f.baseUrl) io.stdout.write(`    ${configured}${v(f.baseUrl)}\n    ${willCall}${f.predictedUrl ? v(f.predictedUrl) : l10n.t('(nothing)')}\n`);
    if (f.tokenSource) {
      const source = v(f.tokenSource);
      const from = f.tokenFingerprint
        ? l10n.t('from {source} (fingerprint {fingerprint})', { source, fingerprint: v(f.tokenFingerprint) })
        : l10n.t('from {source}', { source });
      io.stdout.write(`    ${tokenLabel}${from}\n`);
    }
    if (f.notRead) io.stdout.write(`    ${style.status('skipped', 'ℹ')} ${l10n.t('not read: {reason}', { reason: v(f.notRead) })}\n`);
    for (const p of f.problems) io.stdout.write(`    ${style.status('warn', '!')} ${v(p)}\n`);
    for (const tick of f.checklist) {
      const mark = style.status(TICK[tick.state].tone, TICK[tick.state].mark);
      io.stdout.write(`    ${l10n.t('checklist {mark} “{item}” — {reason}', { mark, item: v(items.get(tick.item)), reason: v(tick.reason) })}\n`);
    }
    if (f.valueToType || f.problems.length > 0)
      io.stdout.write(`    ${l10n.t('corrected (copy by hand):')}\n${visibleText(f.snippet, true).replace(/^/gm, '      ')}\n`);
  }
  return EXIT.ok;
}
