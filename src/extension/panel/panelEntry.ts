/**
 * The panel half of the extension, bundled on its own as dist/panel.js and loaded the first time
 * the Verify Setup panel opens: the panel controller, its HTML, the message schema (zod) and the
 * client views. Activation does not pay for any of it.
 */
export { VerifyPanel, type PanelContext } from './verifyPanel';
export { ChecklistTicks } from './checklistTicks';
export { useBundle } from '../../core/l10n/localize';
