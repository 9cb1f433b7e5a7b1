// What drives VS Code itself in code-server (the palette, the webview's frame, screenshots) and
// waits for the panel's verdict: used by the journey and by the panel in Chinese. No DOM types here
// (the panel's own measurements are in panelChecks.ts).
import * as path from 'node:path';
import type { FrameLocator, Page } from 'playwright-core';
import { REPO } from './codeServer';

export const SCREENSHOTS = path.join(REPO, 'test/e2e/screenshots');

/**
 * Runs a command from the palette. A freshly installed extension's commands appear only once the
 * workbench has scanned it, so the palette is reopened until the command is listed (up to 60 s).
 */
export async function runCommand(page: Page, title: string): Promise<void> {
  const deadline = Date.now() + 60_000;
  for (;;) {
    await page.keyboard.press('F1');
    const input = page.locator('.quick-input-widget input');
    await input.waitFor({ state: 'visible' });
    await input.fill(`>${title}`);
    const row = quickPickRow(page, title);
    try {
      await row.waitFor({ timeout: 2_000 });
      await row.click();
      return;
    } catch (error) {
      if (Date.now() > deadline) throw error;
      await page.keyboard.press('Escape');
      await page.waitForTimeout(1_000);
    }
  }
}

/** The quick-pick row whose label is exactly `label` (Enter would take whatever row is on top). */
export function quickPickRow(page: Page, label: string) {
  const exact = new RegExp(`^${label.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`);
  return page
    .locator('.quick-input-list .monaco-list-row')
    .filter({ has: page.locator('.label-name', { hasText: exact }) })
    .first();
}

export async function pickRow(page: Page, label: string): Promise<void> {
  await quickPickRow(page, label).click();
}

export function panelFrame(page: Page): FrameLocator {
  return page.frameLocator('iframe.webview.ready').frameLocator('#active-frame');
}

export type Verdict = 'pass' | 'warn' | 'fail' | 'cancelled';

export const runIdOf = async (frame: FrameLocator) => (await frame.locator('#verdict').getAttribute('data-run-id')) ?? 'none';

/**
 * Waits for the verdict of a run started after `previousRunId`. A kept status-bar result shown in
 * between (a health check that ends just as Run is clicked, e.g. the one saving a token starts) is
 * not that run's verdict: it carries the restored note, and the run's own verdict follows it.
 */
export async function newVerdict(frame: FrameLocator, previousRunId: string, expected: Verdict): Promise<void> {
  await frame.locator(`#verdict.${expected}:not([data-run-id="${previousRunId}"]):not(:has(#restored-note))`).waitFor({ timeout: 30_000 });
}

export async function shoot(page: Page, name: string): Promise<void> {
  await page.waitForTimeout(400);
  await page.screenshot({ path: path.join(SCREENSHOTS, `${name}.png`) });
}
