import type { CheckResult } from '../core/checks/checkTypes';
import type { CheckEvent } from '../core/engine/events';
import { checkLine } from './printReport';
import { visibleText } from '../core/visibleText';
import { STATUS_ICON, type Style } from './style';

const SPINNER = ['⠋', '⠙', '⠹', '⠸', '⠼', '⠴', '⠦', '⠧', '⠇', '⠏'];

/**
 * Check lines that update in place on a terminal: pending, spinning while running, then the
 * result. Elsewhere (a pipe, CI) each result is printed once, as it finishes.
 */
export class LiveProgress {
  private order: { id: string; title: string }[] = [];
  private readonly running = new Set<string>();
  private readonly done = new Map<string, CheckResult>();
  private drawn = 0;
  private frame = 0;
  private timer?: NodeJS.Timeout;

  constructor(
    private readonly out: NodeJS.WriteStream,
    private readonly style: Style,
  ) {}

  private get live(): boolean {
    return this.out.isTTY;
  }

  handle(event: CheckEvent): void {
    if (event.type === 'planned') {
      this.order = event.checks;
      if (this.live) this.timer = setInterval(() => this.redraw(), 80).unref();
    } else if (event.type === 'started') this.running.add(event.id);
    else if (event.type === 'finished') {
      this.running.delete(event.result.id);
      this.done.set(event.result.id, event.result);
      if (!this.live) this.out.write(`${checkLine(event.result, this.style)}\n`);
    }
    if (this.live) this.redraw();
  }

  stop(): void {
    clearInterval(this.timer);
    if (this.live) this.redraw();
  }

  private redraw(): void {
    this.frame = (this.frame + 1) % SPINNER.length;
    const lines = this.order.map(({ id, title }) => {
      const result = this.done.get(id);
      if (result) return checkLine(result, this.style);
      const state = this.running.has(id) ? 'running' : 'pending';
      const icon = state === 'running' ? SPINNER[this.frame]! : STATUS_ICON.pending;
      return `  ${this.style.status(state, icon)} ${this.style.dim(visibleText(title))}`;
    });
    const up = this.drawn > 0 ? `\u001b[${this.drawn}F` : '';
    this.out.write(`${up}${lines.map((l) => `\u001b[2K${l}`).join('\n')}\n`);
    this.drawn = lines.length;
  }
}
