// With the Chinese bundle, what a Chinese reader copies or reads is Chinese: the Markdown report of a
// real run against the sandbox, and what the scan says of hostile or missing configs. Text that came
// from outside (code spans in the report, quoted values, paths, URLs, identifiers) stays as it was.
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { suite, suiteTeardown, teardown, test } from 'mocha';
import { discoverConfigs } from '../../src/core/discovery/discoverConfigs';
import { useBundle } from '../../src/core/l10n/localize';
import { describeMachine } from '../../src/core/machine';
import { renderMarkdown } from '../../src/core/report/markdown';
import { renderUrlDoctorMarkdown } from '../../src/core/report/urlDoctorMarkdown';
import { describeRoute } from '../../src/core/transport/networkRoute';
import { runScenario } from '../support/runScenario';

const CHINESE = JSON.parse(readFileSync(path.resolve(__dirname, '../../../l10n/bundle.l10n.zh-cn.json'), 'utf8')) as Record<string, string>;
const CJK = /[\u4e00-\u9fff]/;

/**
 * Runs of four or more lower-case English words in our own words: what is left once code spans,
 * Markdown's backslash escapes, URLs, quoted text and tokens that are identifiers or paths (digits, `_`, `.`, `/`, `\`, `-` inside)
 * are taken out. A translated sentence keeps product and setting names, which are capitalised.
 */
export function englishRuns(text: string): string[] {
  const ours = text
    .replace(/(`+)[^`]*?\1/g, ' ')
    .replace(/\\([!-/:-@[-`{-~])/g, '$1')
    .replace(/https?:\/\/\S+/g, ' ')
    .replace(/"[^"\n]*"|“[^”\n]*”/g, ' ');
  const runs: string[] = [];
  let run: string[] = [];
  const end = () => {
    if (run.length >= 4) runs.push(run.join(' '));
    run = [];
  };
  for (const token of ours.split(/\s+/)) {
    const word = token.replace(/^[([{'‘]+|[)\]}.,;:!?'’]+$/g, '');
    if (/^[a-z]+(['’][a-z]+)?$/.test(word)) run.push(word);
    else end();
    if (word !== token.replace(/^[([{'‘]+/, '') || /[.;:!?]$/.test(token)) end();
  }
  end();
  return runs;
}

const homes: string[] = [];
suite('the report, the URL doctor and the scan with the Chinese bundle', () => {
  suiteTeardown(() => homes.forEach((h) => rmSync(h, { recursive: true, force: true })));
  teardown(() => useBundle(undefined));

  test('the detector finds English prose and leaves identifiers, URLs, code and quotes alone', () => {
    assert.deepEqual(englishRuns('The file could not be opened for reading.'), ['file could not be opened for reading']);
    assert.deepEqual(englishRuns('无法打开 `the gateway said no to this` https://a.b/c/d/e/f "it was not there at all" model_providers.x.base_url 文件'), []);
    assert.deepEqual(englishRuns('设置 Cursor Settings → Models then Check'), []);
    assert.deepEqual(englishRuns('网关日志 \\(found by request id\\)'), ['found by request id']);
  });

  test('the Markdown report of a real run reads in Chinese with the Chinese bundle, and in English again without it', async () => {
    useBundle(CHINESE);
    const options = {
      runsOn: describeMachine('build-box', 'ssh-remote'),
      routeOf: (url: URL) => ({ kind: 'direct', because: 'sandbox', host: url.hostname }) as const,
    };
    const failing = await runScenario('model-not-allowed', { client: 'cursor', models: ['gpt-5.4', 'claude-sonnet-4-6'] }, options);
    const healthy = await runScenario('healthy', { client: 'cherry-studio' }, options);
    for (const { report } of [failing, healthy]) {
      const markdown = renderMarkdown(report);
      const headings = markdown.split('\n').filter((line) => line.startsWith('#') && !line.startsWith('### '));
      assert.ok(headings.length >= 4, markdown);
      for (const heading of headings) assert.match(heading, CJK, `a heading in Chinese: ${heading}`);
      assert.deepEqual(englishRuns(markdown), [], markdown);
      assert.match(markdown, /^# Crazyrouter Doctor 报告：/);
      assert.match(markdown, /\n- 检查所在机器：SSH 远程主机 build\\-box\n/);
    }
    assert.match(renderMarkdown(failing.report), /\n## 需要修复的问题\n/);
    const withSpend = renderMarkdown(healthy.report);
    assert.match(withSpend, /\n## 费用\n[^]*\n本次运行花费 \*\*/);
    assert.match(withSpend, /\n## 用量\n/);
    assert.match(describeRoute({ kind: 'direct', because: 'sandbox', host: '127.0.0.1' }), /^直接连接/);

    useBundle(undefined);
    const english = renderMarkdown(failing.report);
    assert.match(english, /^# Crazyrouter Doctor report: FAIL\n/);
    assert.match(english, /\n## What to fix\n/);
  });

  test('the URL doctor’s answer reads in Chinese', async () => {
    useBundle(CHINESE);
    const { report } = await runScenario('missing-v1', { client: 'cline', typedUrl: 'ORIGIN' }, { rewriteTypedUrl: true });
    const markdown = renderUrlDoctorMarkdown(report, 'http://127.0.0.1');
    assert.match(markdown, /^# Cline 将调用的地址\n/);
    assert.deepEqual(englishRuns(markdown), [], markdown);
  });

  function hostileHome(): string {
    const home = mkdtempSync(path.join(tmpdir(), 'crazyrouter-zh-'));
    homes.push(home);
    const write = (rel: string, text: string) => {
      mkdirSync(path.dirname(path.join(home, rel)), { recursive: true });
      writeFileSync(path.join(home, rel), text);
    };
    write(
      '.codex/config.toml',
      'model_provider = "x"\n[model_providers.x]\nbase_url = 5\nwire_api = "chat"\nenv_key = "NOT_SET_HERE"\n[model_providers.y]\nbase_url = "https://crazyrouter.com/api"\n',
    );
    write(
      '.claude/settings.json',
      JSON.stringify({
        env: {
          ANTHROPIC_BASE_URL: 'https://crazyrouter.com/v1',
          ANTHROPIC_AUTH_TOKEN: 'sk-ZhZhZhZhZhZhZhZhZh0123456789ab',
          ANTHROPIC_API_KEY: 'sk-ZhZhZhZhZhZhZhZhZh0123456789ab',
        },
      }),
    );
    write('.continue/config.yaml', 'models: [\n  - name: a\n');
    write('.cline/data/settings/providers.json', `{"providers": {"x": ${JSON.stringify('x'.repeat(1_100_000))}}}`);
    mkdirSync(path.join(home, '.cline', 'data'), { recursive: true });
    symlinkSync('/etc/hostname', path.join(home, '.cline', 'data', 'globalState.json'));
    write(
      '.config/Code/User/chatLanguageModels.json',
      JSON.stringify([
        {
          vendor: 'customendpoint',
          name: 'g',
          apiKey: 'sk-ZhZhZhZhZhZhZhZhZh0123456789ab',
          models: [
            { id: 'm', url: '', apiType: 'weird', toolCalling: 'yes', maxOutputTokens: 64_000 },
            { id: 'n', url: 'https://crazyrouter.com/v1/responses', apiType: 'messages' },
          ],
        },
      ]),
    );
    write('.config/Cursor/User/globalStorage/state.vscdb', 'this is not a database at all, only text that says so'.repeat(20));
    write('.config/CherryStudio/Local Storage/leveldb/000003.log', 'leveldb');
    return home;
  }

  test('what the scan says of hostile and missing configs reads in Chinese; the file’s own text is kept', async () => {
    const home = hostileHome();
    useBundle(CHINESE);
    const found = await discoverConfigs({ home, env: {} });
    const said = found.flatMap((f) => [...f.problems, ...(f.notRead ? [f.notRead] : []), ...f.checklist.map((c) => c.reason)]);
    assert.ok(said.length >= 15, said.join('\n'));
    assert.deepEqual(
      new Set(found.map((f) => f.client)),
      new Set(['Codex', 'Claude Code', 'Continue', 'Cline', 'VS Code (Copilot Chat)', 'Cursor', 'Cherry Studio']),
    );
    for (const text of said) {
      assert.match(text, CJK, text);
      assert.deepEqual(englishRuns(text), [], text);
    }
    assert.ok(said.includes('无法读取该数据库：文件不是 SQLite 数据库。请自行检查 Cursor Settings → Models。'), said.join('\n'));
    assert.ok(
      found.some((f) => f.tokenSource === '组 "g" 的 apiKey，明文保存'),
      found.map((f) => f.tokenSource).join('\n'),
    );

    useBundle(undefined);
    const again = await discoverConfigs({ home, env: {} });
    assert.ok(
      again.flatMap((f) => f.problems).includes('Both ANTHROPIC_AUTH_TOKEN and ANTHROPIC_API_KEY are set; set only one.'),
      'English without the bundle',
    );
  });
});
