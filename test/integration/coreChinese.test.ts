import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { suite, suiteSetup, suiteTeardown, test } from 'mocha';
import type { CheckResult } from '../../src/core/checks/checkTypes';
import type { ClientId } from '../../src/core/clients/clients';
import type { UrlRuleId } from '../../src/core/clients/urlRules';
import { useBundle } from '../../src/core/l10n/localize';
import type { Report } from '../../src/core/report/report';
import { tokenProblemText, type TokenProblem } from '../../src/core/tokenLint';
import { diagnoseChatError } from '../../src/core/vscodeChat/chatErrorDiagnosis';
import { runScenario } from '../support/runScenario';

const REPO = path.resolve(__dirname, '../../..');
const CJK = /[\u4e00-\u9fff]/;

/**
 * What is left of a text once the words that are not the doctor's own are taken out: URLs, code,
 * quoted text, and the gateway's answers (`POST /v1/chat/completions → 401 Invalid token`, as the
 * gateway sent it, up to the doctor's next own word).
 */
function ownWords(text: string): string {
  return text
    .replace(/https?:\/\/\S+/g, ' ')
    .replace(/`[^`]*`/g, ' ')
    .replace(/"[^"]*"|“[^”]*”/g, ' ')
    .replace(/\b(GET|POST) \/\S*( →[^\u4e00-\u9fff]*)?/g, ' ');
}

/** Four or more lowercase English words in a row: a sentence the bundle did not translate. */
const ENGLISH_RUN = /\b[a-z]+(?:[ ,]+[a-z]+){3,}\b/;

function assertChinese(where: string, text: string | undefined, { mayBeGatewayOnly = false } = {}): void {
  if (text === undefined) return;
  const own = ownWords(text);
  assert.doesNotMatch(own, ENGLISH_RUN, `${where} keeps English prose: ${text}`);
  // A summary that is only the gateway's answer (`GET /v1/models → 401 Invalid token`) has no words of the doctor's.
  if (mayBeGatewayOnly && own.trim() === '') return;
  assert.match(text, CJK, `${where} is not in Chinese: ${text}`);
}

function assertResultChinese(result: CheckResult): void {
  assertChinese(`${result.id} title`, result.title);
  assertChinese(`${result.id} summary`, result.summary, { mayBeGatewayOnly: true });
  for (const detail of result.details) assertChinese(`${result.id} detail`, detail, { mayBeGatewayOnly: true });
  assertChinese(`${result.id} manual`, result.manual);
}

function assertReportChinese(report: Report): void {
  for (const result of report.results) assertResultChinese(result);
  for (const f of report.findings) {
    // A row's symptom may be a status alone ("404"), as the guide writes it.
    if (f.rowSymptom) assert.doesNotMatch(ownWords(f.rowSymptom), ENGLISH_RUN, `${f.checkId} row: ${f.rowSymptom}`);
    assertChinese(`${f.checkId} cause`, f.cause);
    assertChinese(`${f.checkId} fix`, f.fix);
  }
}

/** Scenarios whose every check line is the engine's own words (and the gateway's); `typed` is what the user typed after the sandbox's origin. */
const SCENARIOS: { scenario: string; client?: ClientId; urlRule?: UrlRuleId; typed?: string }[] = [
  { scenario: 'healthy' },
  { scenario: 'healthy', client: 'claude-code' },
  { scenario: 'healthy', client: 'codex' },
  { scenario: 'healthy', client: 'cherry-studio' },
  { scenario: 'wrong-token' },
  { scenario: 'expired-token' },
  { scenario: 'missing-v1' },
  { scenario: 'model-not-allowed' },
  { scenario: 'quota-low' },
  { scenario: 'buffered-stream' },
  { scenario: 'stream-cut' },
  { scenario: 'proxy-502' },
  { scenario: 'slow-headers' },
  { scenario: 'log-delayed' },
  { scenario: 'retries' },
  { scenario: 'shared-token', client: 'cline' },
  { scenario: 'healthy', client: 'cherry-studio', urlRule: 'cherry-studio@1.6', typed: '/v1' },
  { scenario: 'healthy', client: 'cursor', typed: '/v1' },
];

suite('with the Chinese bundle the engine speaks Chinese: titles, summaries, details, fixes', () => {
  suiteSetup(() => useBundle(JSON.parse(readFileSync(path.join(REPO, 'l10n/bundle.l10n.zh-cn.json'), 'utf8')) as Record<string, string>));
  suiteTeardown(() => useBundle(undefined));

  for (const { scenario, client, urlRule, typed } of SCENARIOS) {
    test(`${scenario}${client ? ` (${client}${typed === undefined ? '' : `, typed "{origin}${typed}"`})` : ''}`, async () => {
      const typedUrl = typed === undefined ? undefined : `ORIGIN${typed}`;
      const { report } = await runScenario(scenario, { client, urlRule, typedUrl }, { logGraceMs: 0, rewriteTypedUrl: true });
      assertReportChinese(report);
    });
  }

  test('the URL doctor names the field as the client shows it in Chinese', async () => {
    const { report } = await runScenario(
      'healthy',
      { client: 'cherry-studio', urlRule: 'cherry-studio@1.6', typedUrl: 'ORIGIN/v1' },
      { logGraceMs: 0, rewriteTypedUrl: true },
    );
    const result = report.results.find((r) => r.id === 'client-url');
    assert.equal(result?.status, 'fail');
    assert.match(result.summary, /请在 API 地址（提供商类型 OpenAI） ?中准确填写 http:\/\/127\.0\.0\.1:\d+。$/);
  });

  test('the token problems and VS Code chat’s diagnoses', () => {
    const problems: TokenProblem[] = [
      'empty',
      'surrounding-whitespace',
      'inner-whitespace',
      'bearer-prefix',
      'quoted',
      'invisible-characters',
      'control-characters',
      'non-ascii',
      'not-sk-shaped',
    ];
    for (const p of problems) assertChinese(p, tokenProblemText(p));
    for (const message of ['token expired or invalid: 401', 'something nobody recognises']) {
      const d = diagnoseChatError(message);
      assertChinese(`${message} cause`, d.cause);
      assertChinese(`${message} fix`, d.fix);
    }
  });
});

test('without a bundle the engine speaks English again', async () => {
  const { report } = await runScenario('wrong-token', {}, { logGraceMs: 0 });
  const auth = report.results.find((r) => r.id === 'auth');
  assert.equal(auth?.title, 'Authentication');
  assert.doesNotMatch(report.results.map((r) => `${r.title} ${r.summary}`).join('\n'), CJK);
});
