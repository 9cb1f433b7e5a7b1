// The panel once in Simplified Chinese: code-server started with `--locale zh-cn` and a stand-in
// language pack (test/e2e/fixtures/zh-cn-language-pack: VS Code has zh-cn to switch to, offline),
// the packaged .vsix installed. Then VS Code hands the extension its zh-cn bundle: the palette shows
// the manifest's Chinese title (package.nls.zh-cn.json), the host sends the bundle in the panel's
// init, and the panel, built after it, reads in Chinese. Screenshots before and after a run on the
// built-in sandbox gateway, at 1400 and 500 px.
import assert from 'node:assert/strict';
import * as path from 'node:path';
import type { Page } from 'playwright-core';
import { launchBrowser, openPage } from './browser';
import { REPO, startCodeServer } from './codeServer';
import { packageFixture } from './fixtureVsix';
import { registerLanguagePack } from './languagePack';
import { newVerdict, panelFrame, runCommand, runIdOf, shoot } from './workbenchDriver';

const VSIX = path.join(REPO, 'crazyrouter-doctor.vsix');
const LANGUAGE_PACK = 'test/e2e/fixtures/zh-cn-language-pack';

export async function runPanelInChinese(): Promise<void> {
  const server = await startCodeServer({ vsix: [VSIX, await packageFixture(LANGUAGE_PACK)], locale: 'zh-cn', theme: 'Default Dark Modern' });
  registerLanguagePack(LANGUAGE_PACK, server.userDataDir, server.extensionsDir);
  const browser = await launchBrowser();
  let page: Page | undefined;
  try {
    page = await openPage(browser, `${server.url}/?folder=${encodeURIComponent(server.workspace)}`);
    await page.setViewportSize({ width: 1400, height: 900 });
    await page.locator('.part.statusbar').waitFor();
    await page.keyboard.press('Control+B'); // hide the side bar: the panel gets the width

    // The command's title from package.nls.zh-cn.json: found in the palette only if VS Code speaks zh-cn.
    await runCommand(page, 'Crazyrouter: 检查配置');
    const frame = panelFrame(page);
    await frame.locator('#checklist li').first().waitFor({ timeout: 30_000 });
    assert.equal(await frame.locator('html').getAttribute('lang'), 'zh-cn', '<html lang> follows VS Code’s display language');
    assert.equal((await frame.locator('h1').textContent())?.trim(), 'Crazyrouter: 检查配置');
    assert.equal((await frame.locator('#run').textContent())?.trim(), '运行检查');
    assert.equal((await frame.locator('#demo').textContent())?.trim(), '在沙盒中试用');
    await frame.locator('.symptoms h2', { hasText: '常见错误与修复' }).waitFor();
    await frame.locator('#results-empty', { hasText: '运行检查后，结果会显示在这里。' }).waitFor();
    // The tab's title comes from the host (vscode.l10n.t), not from the webview.
    await page.locator('.tab .label-name', { hasText: 'Crazyrouter: 检查配置' }).first().waitFor();
    await shoot(page, 'panel-zh-cn-setup');

    // A run on the built-in sandbox gateway: no account, no token, no network.
    const previous = await runIdOf(frame);
    await frame.locator('#demo').click();
    await newVerdict(frame, previous, 'pass');
    const verdict = (await frame.locator('#verdict').textContent()) ?? '';
    assert.match(verdict, /全部 \d+ 项检查通过。/, verdict);
    assert.match(verdict, /\d+\u00a0项通过/, `a count stays with its unit: ${verdict}`);
    assert.match(verdict, /针对内置的沙盒网关/, verdict);
    // The engine runs in the host with the same bundle: every check's title and summary is Chinese.
    const rows = await frame
      .locator('li.check')
      .evaluateAll((items) => items.map((li) => `${li.querySelector('.title')?.textContent ?? ''} | ${li.querySelector('.summary')?.textContent ?? ''}`));
    assert.ok(rows.length >= 16, `${rows.length} check rows`);
    for (const row of rows) assert.match(row, /[\u4e00-\u9fff].* \| .*[\u4e00-\u9fff]/, `a check row in Chinese: ${row}`);
    await frame.locator('#run-again', { hasText: '再次运行' }).waitFor();
    await shoot(page, 'panel-zh-cn-results');
    await page.setViewportSize({ width: 548, height: 900 });
    await frame.locator('#verdict').scrollIntoViewIfNeeded();
    await shoot(page, 'panel-zh-cn-results-500');
  } catch (error) {
    if (page) await shoot(page, 'panel-zh-cn-failure').catch(() => undefined);
    throw new Error(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n--- code-server log ---\n${server.log().slice(-3000)}`, {
      cause: error,
    });
  } finally {
    await browser.close();
    await server.stop();
  }
}
