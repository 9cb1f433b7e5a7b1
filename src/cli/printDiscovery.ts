import { homedir } from 'node:os';
import { discoverConfigs } from '../core/discovery/discoverConfigs';
import { visibleText } from '../core/visibleText';
import { EXIT, type CliIo } from './cliIo';
import { terminalFor } from './style';

/** Everything a config file holds is shown through visibleText: no control character reaches the terminal. */
const v = (text: string | undefined) => visibleText(text ?? '');

/** `--discover`: the clients' configuration files on this machine, judged; nothing is written. */
export async function printDiscovery(io: CliIo, json: boolean): Promise<number> {
  let found;
  try {
    found = await discoverConfigs({ home: io.env.HOME || homedir(), env: io.env, workspaceFolders: [process.cwd()], signal: io.signal });
  } catch (error) {
    if (io.signal?.aborted) return EXIT.cancelled;
    throw error;
  }
  if (json) {
    io.stdout.write(`${JSON.stringify(found, null, 2)}\n`);
    return EXIT.ok;
  }
  const { style } = terminalFor(io.stdout, io.env);
  if (found.length === 0) io.stdout.write('No Codex, Claude Code, Continue or Cline configuration found.\n');
  for (const f of found) {
    const tone = f.problems.length > 0 ? 'warn' : 'pass';
    io.stdout.write(`${style.status(tone, tone === 'pass' ? '✔' : '⚠')} ${style.bold(v(f.client))} ${v(f.entry)}  ${style.dim(v(f.file))}\n`);
    if (f.baseUrl) io.stdout.write(`    configured: ${v(f.baseUrl)}\n    will call:  ${v(f.predictedUrl ?? '(nothing)')}\n`);
    if (f.tokenSource) io.stdout.write(`    token:      from ${v(f.tokenSource)} (fingerprint ${v(f.tokenFingerprint ?? 'unknown')})\n`);
    for (const p of f.problems) io.stdout.write(`    ${style.status('warn', '!')} ${v(p)}\n`);
    if (f.valueToType || f.problems.length > 0) io.stdout.write(`    corrected (copy by hand):\n${visibleText(f.snippet, true).replace(/^/gm, '      ')}\n`);
  }
  return EXIT.ok;
}
