/**
 * The gateway source snapshots the wording corpus was read from. Each description names the
 * repository and commit actually read (see research/wordings-notes.md for how they were chosen).
 */
export const GATEWAY_SNAPSHOTS = {
  'new-api@2026-08':
    'QuantumNous/new-api main as mirrored by QQhuxuhui/new-api: commit ccd535ef8e50cf6e5846a59278c40b7ff59d1b7d (2026-08-11); ships i18n/locales en, zh-CN, zh-TW',
  'new-api@2026-02':
    'QuantumNous/new-api main at commit cac45d9cb (2026-02-08, "Merge pull request #2896"), read from the QQhuxuhui/new-api history; same tree as ysicing/new-api f4f144bc6; ships i18n/locales en, zh',
  'new-api@2025-04':
    'Calcium-Ion/new-api v0.6.x at commit ef8ae4db8052c44b1382d3f3f7cd20a177338728 (2025-04-11, "fix: xAI usage"), read from the QQhuxuhui/new-api history; no i18n',
  'one-api@2025-02': 'songquanpeng/one-api at commit 8df4a2670b98266bd287c698243fff327d9748cf (2025-02-21)',
} as const;
export type GatewaySnapshotId = keyof typeof GATEWAY_SNAPSHOTS;

/**
 * Languages the corpus holds: new-api's locale files (2026-08 ships en, zh-CN, zh-TW; 2026-02's `zh`
 * file is recorded as zh-CN). Hard-coded Chinese messages of every snapshot are zh-CN.
 */
export const WORDING_LANGS = ['en', 'zh-CN', 'zh-TW'] as const;
export type WordingLang = (typeof WORDING_LANGS)[number];
