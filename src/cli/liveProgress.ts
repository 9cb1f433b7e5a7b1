import type { CheckResult } from '../core/checks/checkTypes';
import type { CheckEvent } from '../core/engine/events';
import { checkLines, finishedLiveLine, liveLine } from './printReport';
import { STATUS_ICON, type Terminal } from './style';
import { fitWidth } from './terminalText';
import * as l10n from '@vscode/l10n';

const SPINNER = ['⠋', '⠙', '⠹', '⠸', '⠼', '⠴', '⠦', '⠧', '⠇', '⠏'];

/** CPL (cursor to the start of a line n lines up) and ED (erase below), ECMA-48 §8.3.13 and §8.3.39. */
const up = (lines: number) => (lines > 0 ? `\u001b[${lines}F` : '');
const ERASE_BELOW = '\u001b[J';

/**
 * The checks of a run as they progress. On a terminal: a live block, one line per check cut to the
 * terminal's width (so moving the cursor up by the number of lines drawn is exact), pending, then
 * spinning, then the result; checks that are done, in plan order from the top, leave the block
 * for good, with their summaries wrapped in full; the block never grows taller than the screen.
 * Elsewhere (a pipe, a file, TERM=dumb): each result once, as it finishes.
 */
export class LiveProgress {
  private order: { id: string; title: string }[] = [];
  private readonly running = new Set<string>();
  private readonly done = new Map<string, CheckResult>();
  /** Checks (from the top, in plan order) printed for good above the block. */
  private committed = 0;
  /** Lines of the live block currently on screen. */
  private drawn = 0;
  private frame = 0;
  private timer?: NodeJS.Timeout;

  constructor(
    private readonly out: NodeJS.WriteStream,
    private readonly terminal: Terminal,
  ) {}

  handle(event: CheckEvent): void {
    if (event.type === 'planned') {
      this.order = event.checks;
      if (this.terminal.live) this.timer = setInterval(() => this.redraw(), 80).unref();
    } else if (event.type === 'started') this.running.add(event.id);
    else if (event.type === 'finished') {
      this.running.delete(event.result.id);
      this.done.set(event.result.id, event.result);
      if (!this.terminal.live) this.out.write(`${checkLines(event.result, this.terminal.style, this.terminal.width()).join('\n')}\n`);
    }
    if (this.terminal.live) this.redraw();
  }

  /** Ends the block: every check that is left is printed for good. */
  stop(): void {
    clearInterval(this.timer);
    if (!this.terminal.live) return;
    const width = this.terminal.width()!;
    const rest = this.order.slice(this.committed).flatMap(({ id, title }) => {
      const result = this.done.get(id);
      return result
        ? checkLines(result, this.terminal.style, width)
        : [liveLine(this.terminal.style.dim(STATUS_ICON.pending), title, '', '', this.terminal.style, width, this.terminal.style.dim)];
    });
    this.out.write(`${up(this.drawn)}${ERASE_BELOW}${rest.map((l) => `${l}\n`).join('')}`);
    this.drawn = 0;
    this.committed = this.order.length;
  }

  private redraw(): void {
    const width = this.terminal.width()!;
    const { style } = this.terminal;
    this.frame = (this.frame + 1) % SPINNER.length;
    const leaving: string[] = [];
    while (this.committed < this.order.length && this.done.has(this.order[this.committed]!.id))
      leaving.push(...checkLines(this.done.get(this.order[this.committed++]!.id)!, style, width));
    let lines = this.order.slice(this.committed).map(({ id, title }) => {
      const result = this.done.get(id);
      if (result) return finishedLiveLine(result, style, width);
      const state = this.running.has(id) ? 'running' : 'pending';
      const icon = state === 'running' ? SPINNER[this.frame]! : STATUS_ICON.pending;
      return liveLine(style.status(state, icon), title, '', '', style, width, style.dim);
    });
    // The cursor cannot move above the top of the screen: the block keeps a line free below it.
    const room = this.terminal.rows() - 2;
    if (lines.length > room)
      lines = [
        ...lines.slice(0, room - 1),
        style.dim(fitWidth(`  ${l10n.t('… {count} more checks waiting', { count: String(lines.length - room + 1) })}`, width - 1)),
      ];
    this.out.write(`${up(this.drawn)}${ERASE_BELOW}${[...leaving, ...lines].map((l) => `${l}\n`).join('')}`);
    this.drawn = lines.length;
  }
}
