// What a demanding user sees in the Verify Setup panel, measured in the real webview: words that
// never break inside, icons that do not touch their labels, a result-first layout, one column when
// narrow, the live regions a screen reader hears, and an axe-core audit.
import assert from 'node:assert/strict';
import type { Frame, FrameLocator, Page } from 'playwright-core';
import { newVerdict, runIdOf, type Verdict } from './workbenchDriver';

/** The webview's inner document as a Playwright Frame (for evaluate: CDP evaluation is not bound by the panel's CSP). */
export async function panelDocument(page: Page): Promise<Frame> {
  const outer = await (await page.locator('iframe.webview.ready').elementHandle())?.contentFrame();
  const inner = await (await outer?.locator('#active-frame').elementHandle())?.contentFrame();
  assert.ok(inner, 'the panel’s document');
  return inner;
}

/**
 * Words broken where a reader does not expect it: a line break inside a run of non-space text that
 * is not after a hyphen (UAX #14 allows that, and the <wbr> after `/ . _ ? & = #` splits text nodes
 * anyway) and not between CJK characters (which break anywhere). "https://crazyrouter.c / om" fails.
 */
export async function wordsBrokenInside(frame: FrameLocator, selector: string): Promise<string[]> {
  return frame.locator('body').evaluate((body, sel) => {
    const cjk = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}\u3000-\u303f\uff00-\uffef]/u;
    const broken: string[] = [];
    for (const cell of body.querySelectorAll(sel)) {
      const walker = document.createTreeWalker(cell, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        const text = node.textContent ?? '';
        for (const m of text.matchAll(/\S+/g)) {
          let previousTop: number | undefined;
          for (let i = 0; i < m[0].length; i++) {
            const range = document.createRange();
            range.setStart(node, m.index + i);
            range.setEnd(node, m.index + i + 1);
            const rect = [...range.getClientRects()].find((r) => r.width > 0);
            if (!rect) continue;
            const top = Math.round(rect.top);
            const before = m[0][i - 1] ?? '';
            const allowed = before === '-' || cjk.test(before) || cjk.test(m[0][i] ?? '');
            if (previousTop !== undefined && top > previousTop + 2 && !allowed) broken.push(`${m[0].slice(0, i)} / ${m[0].slice(i)}`);
            previousTop = top;
          }
        }
      }
    }
    return broken;
  }, selector);
}

/** Pixels between each icon button's icon and its label (vscode-button draws the icon in its shadow root). */
export async function iconGaps(frame: FrameLocator, selector: string): Promise<{ id: string; gap: number }[]> {
  return frame.locator('body').evaluate((body, sel) => {
    const gaps: { id: string; gap: number }[] = [];
    for (const button of body.querySelectorAll<HTMLElement>(sel)) {
      if (button.offsetParent === null) continue;
      const iconBox = button.shadowRoot?.querySelector('.icon')?.getBoundingClientRect();
      const label = [...button.childNodes].find((n) => n.nodeType === Node.TEXT_NODE && n.textContent?.trim());
      if (!iconBox || !label) continue;
      const range = document.createRange();
      range.selectNodeContents(label);
      const text = [...range.getClientRects()].find((r) => r.width > 0);
      if (text) gaps.push({ id: button.id || button.textContent?.trim() || '?', gap: text.left - iconBox.right });
    }
    return gaps;
  }, selector);
}

/** The bottom of the lowest box among `selector` and whether any lies outside the page's viewport. */
export async function offscreen(page: Page, frame: FrameLocator, selector: string): Promise<string[]> {
  const viewport = page.viewportSize()!;
  const out: string[] = [];
  for (const element of await frame.locator(selector).all()) {
    const box = await element.boundingBox();
    if (!box || box.y < 0 || box.y + box.height > viewport.height || box.x + box.width > viewport.width)
      out.push(`${(await element.getAttribute('data-check-id')) ?? selector} at ${JSON.stringify(box)}`);
  }
  return out;
}

/** The panel as one column: both columns start at the same left edge, and nothing is wider than the panel. */
export async function layoutColumns(frame: FrameLocator): Promise<{ columns: number; overflow: number; width: number }> {
  return frame.locator('body').evaluate(() => {
    const lefts = new Set([...document.querySelectorAll('.column')].map((c) => Math.round(c.getBoundingClientRect().left)));
    const root = document.documentElement;
    return { columns: lefts.size, overflow: root.scrollWidth - root.clientWidth, width: root.clientWidth };
  });
}

/** Everything a screen reader would announce on change: the panel must not be one big live region. */
export async function liveRegions(frame: FrameLocator): Promise<string[]> {
  return frame
    .locator('body')
    .evaluate(() => [...document.querySelectorAll('[aria-live], [role="status"], [role="alert"], [role="log"]')].map((e) => e.id || e.tagName.toLowerCase()));
}

interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: unknown[] }[];
}

/** Runs axe-core (WCAG 2 A/AA and best practices) in the panel's document; returns serious and critical violations, one line each. */
export async function axeViolations(page: Page): Promise<string[]> {
  const doc = await panelDocument(page);
  const axe = require('axe-core') as { source: string };
  await doc.evaluate(axe.source);
  const violations = await doc.evaluate(async () => {
    const result = await (globalThis as unknown as { axe: { run(context: unknown, options: unknown): Promise<{ violations: AxeViolation[] }> } }).axe.run(
      document,
      { resultTypes: ['violations'] },
    );
    return result.violations.map(({ id, impact, help, nodes }) => ({ id, impact, help, nodes: nodes.map((n) => ({ target: n.target })) }));
  });
  return violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.impact} ${v.id} (${v.help}): ${v.nodes.map((n) => JSON.stringify(n.target)).join(' ')}`);
}

/**
 * A run started by keyboard (Enter on the focused `button`), timed on the webview's own clock: from
 * the key going down to the moment the run's verdict is in the document (a MutationObserver). Waiting
 * with Playwright alone would add its polling (up to 500 ms between looks) to the figure.
 */
export async function keyboardRunMs(page: Page, frame: FrameLocator, button: string, expected: Verdict): Promise<number> {
  await frame.locator(button).focus();
  const verdict = frame.locator('#verdict');
  const previous = await runIdOf(frame);
  await verdict.evaluate(
    (element, { before, verdictClass }) => {
      const timing: { pressed?: number; shown?: number } = {};
      (window as unknown as { runTiming: typeof timing }).runTiming = timing;
      document.addEventListener('keydown', (e) => e.key === 'Enter' && (timing.pressed ??= performance.now()), { capture: true, once: true });
      const observer = new MutationObserver(() => {
        const ours = element.classList.contains(verdictClass) && element.dataset.runId !== before && !element.querySelector('#restored-note');
        if (ours && element.querySelector('.facts')) {
          timing.shown = performance.now();
          observer.disconnect();
        }
      });
      observer.observe(element, { attributes: true, childList: true, subtree: true });
    },
    { before: previous, verdictClass: expected },
  );
  await page.keyboard.press('Enter');
  await newVerdict(frame, previous, expected);
  const { pressed, shown } = await verdict.evaluate(() => (window as unknown as { runTiming: { pressed?: number; shown?: number } }).runTiming);
  assert.ok(pressed !== undefined && shown !== undefined, 'the key and the verdict were both seen in the webview');
  return Math.round(shown - pressed);
}
