import type * as vscode from 'vscode';
import type { ClientId } from '../../core/clients/clients';

const KEY = 'crazyrouter.checklistTicks';

/** Manual checklist items the user ticked, remembered per client across sessions. */
export class ChecklistTicks {
  constructor(private readonly state: vscode.Memento) {}

  all(): Record<string, string[]> {
    return this.state.get<Record<string, string[]>>(KEY, {});
  }

  async set(client: ClientId, itemId: string, checked: boolean): Promise<void> {
    const all = this.all();
    const ticked = new Set(all[client] ?? []);
    if (checked) ticked.add(itemId);
    else ticked.delete(itemId);
    await this.state.update(KEY, { ...all, [client]: [...ticked] });
  }
}
