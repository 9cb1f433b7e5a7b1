// The sandbox answers as each gateway version of the corpus, in each language it translates to,
// and the doctor reaches the same conclusion whichever words the gateway uses.
import assert from 'node:assert/strict';
import { suite, test } from 'mocha';
import type { SymptomId } from '../../src/core/symptoms/symptomIds';
import { stripRequestId } from '../../src/core/classify/errorEnvelope';
import { WORDINGS } from '../../src/core/wordings/corpus';
import { wordingPattern } from '../../src/core/wordings/matchWording';
import { GATEWAY_SNAPSHOTS, type GatewaySnapshotId, type WordingLang } from '../../src/core/wordings/snapshots';
import { wordingFor } from '../../src/sandbox/gatewayErrors';
import { GATEWAYS, type Situation } from '../../src/sandbox/gatewayVersions';
import { startSandbox } from '../../src/sandbox/sandboxServer';
import { resultOf, runScenario } from '../support/runScenario';
import { byText } from '../support/byText';

/** Which languages each version translates its messages into (research/wordings-notes.md §3). */
const LANGS: Record<GatewaySnapshotId, WordingLang[]> = {
  'new-api@2026-08': ['en', 'zh-CN', 'zh-TW'],
  'new-api@2026-02': ['en', 'zh-CN'],
  'new-api@2025-04': ['en'],
  'one-api@2025-02': ['en'],
};

/** The message of an error body as the evidence shows it, without its request id. */
function messageOf(excerpt: string | undefined): string {
  try {
    const body = JSON.parse(excerpt ?? '') as { error?: { message?: string }; message?: string };
    return stripRequestId(body.error?.message ?? body.message ?? '').message;
  } catch {
    return '';
  }
}

/** Scenario → the check that shows it and the conclusion, the same for every version and language. */
const CONCLUSIONS: [scenario: string, check: string, symptom: SymptomId][] = [
  ['wrong-token', 'auth', 'auth.invalid'],
  ['disabled-token-2026', 'auth', 'auth.disabled'],
  ['expired-token', 'auth', 'auth.expired'],
  ['exhausted-token', 'auth', 'auth.exhausted'],
  ['header-dropped', 'auth', 'auth.missing'],
  ['ip-restricted', 'auth', 'auth.ip-denied'],
  ['model-not-allowed', 'chat:claude-sonnet-4-6', 'model.not-allowed'],
  ['no-channel', 'chat:gemini-3-pro-preview', 'model.no-channel'],
  ['user-quota', 'chat:gpt-5.4', 'quota.user-insufficient'],
  ['token-quota', 'chat:gpt-5.4', 'quota.token-insufficient'],
];

test('every situation each version answers resolves to a wording of that version', () => {
  for (const [gateway, traits] of Object.entries(GATEWAYS) as [GatewaySnapshotId, (typeof GATEWAYS)[GatewaySnapshotId]][]) {
    for (const [situation, slug] of Object.entries(traits.says) as [Situation, string | undefined][]) {
      if (!slug) continue;
      for (const lang of LANGS[gateway]) {
        const wording = wordingFor(gateway, lang, slug);
        assert.ok(wording.versions.includes(gateway), `${gateway} ${situation}`);
      }
    }
  }
  assert.deepEqual(Object.keys(GATEWAYS).toSorted(byText), Object.keys(GATEWAY_SNAPSHOTS).toSorted(byText));
});

test('new-api picks the language from Accept-Language, as its i18n.go does', async () => {
  const cases: [GatewaySnapshotId, string, string][] = [
    ['new-api@2026-08', 'zh-TW,zh;q=0.9', '無效的令牌'],
    ['new-api@2026-08', 'zh-HK', '无效的令牌'],
    ['new-api@2026-08', 'fr-FR', 'Invalid token'],
    ['new-api@2026-08', '', 'Invalid token'],
    ['new-api@2026-02', 'zh-TW', '无效的令牌'],
    ['new-api@2026-02', 'en-US', '无效的令牌'],
  ];
  for (const [gateway, acceptLanguage, expected] of cases) {
    const sandbox = await startSandbox({ scenario: 'healthy', gateway });
    try {
      const response = await fetch(`${sandbox.baseUrl}/models`, {
        headers: { Authorization: 'Bearer sk-unknownunknownunknown0000', 'Accept-Language': acceptLanguage },
      });
      const body = (await response.json()) as { error: { message: string } };
      assert.equal(response.status, 401);
      assert.ok(body.error.message.startsWith(`${expected} (request id: `), `${gateway} ${acceptLanguage}: ${body.error.message}`);
    } finally {
      await sandbox.close();
    }
  }
});

suite('the same conclusion in every gateway version and language', () => {
  for (const gateway of Object.keys(GATEWAYS) as GatewaySnapshotId[]) {
    for (const lang of LANGS[gateway]) {
      test(`${gateway} (${lang}): ${CONCLUSIONS.length} situations`, async () => {
        for (const [scenario, check, symptom] of CONCLUSIONS) {
          const { report, sandbox } = await runScenario(scenario, {}, { gateway, lang });
          const result = resultOf(report, check);
          assert.equal(result.symptom, symptom, `${scenario}: ${result.summary}`);
          // What the gateway said is one of this version's wordings (in this language where it translates).
          const said = result.evidence.flatMap((e) => (e.status !== undefined && e.status >= 400 ? [messageOf(e.bodyExcerpt)] : []));
          const own = WORDINGS.filter((w) => w.versions.includes(sandbox.state.gateway) && said.some((m) => wordingPattern(w.text).test(m)));
          assert.ok(own.length > 0, `${scenario}: the evidence quotes a ${gateway} wording: ${said.join(' | ')}`);
          // 2026-08 translates TokenAuth and Distribute; 2026-02 only one status-route message (research §3).
          if (gateway === 'new-api@2026-08' && !['auth.ip-denied', 'quota.user-insufficient', 'quota.token-insufficient'].includes(symptom)) {
            assert.ok(
              own.some((w) => w.lang === lang),
              `${scenario}: answered in ${lang}: ${said.join(' | ')}`,
            );
          }
        }
      });
    }
  }
});
