/**
 * Names package.json uses too (it cannot import them): test/unit/manifest.test.ts holds the two
 * together. Plain constants, so that test loads this file without VS Code.
 */

/** The language-model tool, as contributes.languageModelTools names it. */
export const DOCTOR_TOOL = 'crazyrouter_runDoctor';

/**
 * The context keys the walkthrough's steps complete on (`completionEvents: onContext:…`) and the
 * command palette's `when` clauses read.
 */
export const CONTEXT_KEYS = {
  tokenStored: 'crazyrouter.tokenStored',
  clientChosen: 'crazyrouter.clientChosen',
  hasRun: 'crazyrouter.hasRun',
  nothingFailing: 'crazyrouter.nothingFailing',
} as const;
