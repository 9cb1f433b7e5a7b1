/** What became of a checklist item in a run: proved by its check, warned, failed, not run, or left for the user to tick. */
export const CHECKLIST_STATES = ['verified', 'warned', 'failed', 'not-run', 'manual'] as const;
export type ChecklistState = (typeof CHECKLIST_STATES)[number];
