// Drives the Verify Setup panel in code-server as a person does (palette, fields, buttons) and
// asserts what the panel shows after each run.
import assert from 'node:assert/strict';
import type { FrameLocator } from 'playwright-core';
import { iconGaps, liveRegions, wordsBrokenInside } from './panelChecks';
import { newVerdict, runIdOf, type Verdict } from './workbenchDriver';

export async function fill(frame: FrameLocator, selector: string, value: string): Promise<void> {
  await editSetup(frame);
  const input = frame.locator(`${selector} input`);
  await input.fill(value);
  await input.dispatchEvent('change');
}

/**
 * Pastes the token into the field and, like a person, leaves it there a moment before saving: long
 * enough for Chromium to write its session state, which must never hold the token.
 */
export async function saveToken(frame: FrameLocator, token: string, dwellMs = 0): Promise<void> {
  await editSetup(frame);
  await frame.locator('#token-input').fill(token);
  if (dwellMs > 0) await new Promise((r) => setTimeout(r, dwellMs));
  await frame.locator('#save-token').click();
  await frame.locator('#token-state', { hasText: `sk-…${token.slice(-4)}` }).waitFor();
}

/**
 * Presses Run (the form's, or "Run again" once the setup has folded into its summary line) and
 * waits for this run's verdict. The banner still shows the previous run's verdict until the host
 * answers, so the wait is for a banner with a run id other than the one before.
 */
export async function run(frame: FrameLocator, expected: Verdict): Promise<number> {
  const previous = await runIdOf(frame);
  const started = Date.now();
  await runButton(frame).click();
  await newVerdict(frame, previous, expected);
  return Date.now() - started;
}

export function runButton(frame: FrameLocator) {
  return frame.locator('#run:visible, #run-again:visible').first();
}

/** Opens the folded setup for editing (after a result it is one line with an Edit button). */
export async function editSetup(frame: FrameLocator): Promise<void> {
  const edit = frame.locator('#edit-setup');
  if (await edit.isVisible()) await edit.click();
  await frame.locator('#setup-form').waitFor();
}

export async function expectFinding(frame: FrameLocator, checkId: string, rowId: string, fix: RegExp): Promise<void> {
  const row = frame.locator(`li.check[data-check-id="${checkId}"][data-status="fail"]`);
  await row.waitFor();
  assert.match((await row.locator('.fix').textContent()) ?? '', fix, `fix shown next to ${checkId}`);
  assert.ok(await row.locator('.guide-row').isVisible(), `the guide row that explains ${checkId} is shown beside its fix`);
  const tableRow = frame.locator(`tr.symptom-row.matched-fail[data-row-id="${rowId}"]`);
  await tableRow.waitFor();
  assert.match((await tableRow.locator('.fix-cell').textContent()) ?? '', fix, `row ${rowId} holds the fix`);
}

/** What must hold after every run: the defects a user met before, each as an assertion. */
export async function expectTidyPanel(frame: FrameLocator): Promise<void> {
  assert.equal(await frame.locator('summary', { hasText: /Evidence \(0 requests\)/ }).count(), 0, 'no "Evidence (0 requests)"');
  const verdict = (await frame.locator('#verdict').textContent()) ?? '';
  assert.doesNotMatch(verdict, /\(s\)/, `the verdict counts in words: ${verdict}`);
  const facts = await frame
    .locator('#verdict .facts > span')
    .evaluateAll((spans) => spans.map((s) => new Set([...s.getClientRects()].map((r) => Math.round(r.top))).size));
  assert.ok(facts.length === 5 && facts.every((lines) => lines === 1), `each count (and "ms") stays on one line: ${facts}`);
  assert.deepEqual(await wordsBrokenInside(frame, '#symptom-table td'), [], 'no word of the symptom table breaks inside');
  const touching = (await iconGaps(frame, 'vscode-button[icon]')).filter((g) => g.gap < 3);
  assert.deepEqual(touching, [], 'no icon touches its button label');
  assert.equal(await frame.locator('#checklist li.auto .codicon-circle-large-outline').count(), 0, 'no hollow circle next to the checkboxes');
  for (const text of await frame.locator('#checklist li.auto').allTextContents())
    assert.doesNotMatch(text, /checked automatically|client-url|\(checked by the doctor\)/, `checklist in plain words: ${text}`);
  const live = await liveRegions(frame);
  assert.ok(!live.includes('app') && !live.includes('main'), `the panel is not one live region: ${live}`);
}
