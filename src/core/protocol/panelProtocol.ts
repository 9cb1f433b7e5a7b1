/**
 * Every message between the extension host and the Verify Setup webview, as one zod schema that
 * both sides validate with. Written with zod/mini (tree-shakable, ~17 KB) so that validation
 * costs the extension bundle and the webview little. The token travels only in `saveToken`,
 * webview → host; nothing the host sends can carry it.
 */
import * as z from 'zod/mini';
import { CHECK_KINDS, CHECK_STATUSES } from '../checks/checkKinds';
import { CLIENT_IDS } from '../clients/clients';
import { PROFILE_LIMITS } from '../profileLimits';
import { CHECKLIST_STATES } from '../report/checklistState';
import { VERDICTS } from '../report/verdict';
import { URL_RULE_IDS } from '../clients/urlRules';
import { SYMPTOM_IDS } from '../symptoms/symptomIds';
import { CostViewSchema, LoggedSchema, UsageViewSchema } from './spendViews';

/** For the webview, which takes from src/core only the protocol and the client data. */
export { PROFILE_LIMITS } from '../profileLimits';

const max = (n: number) => z.string().check(z.maxLength(n));
const Text = max(4_000);
const ClientId = z.enum(CLIENT_IDS);
const Status = z.enum(CHECK_STATUSES);
const Kind = z.enum(CHECK_KINDS);
const Symptom = z.enum(SYMPTOM_IDS);
const ModelName = z.string().check(z.trim(), z.minLength(1), z.maxLength(200));
const Int = z.number().check(z.int());
const opt = z.optional;

export const EvidenceSchema = z.object({
  method: max(10),
  url: Text,
  status: opt(Int),
  contentType: opt(max(200)),
  requestId: opt(max(200)),
  gatewayVersion: opt(max(100)),
  headersMs: opt(z.number()),
  totalMs: opt(z.number()),
  bytes: z.number(),
  bodyExcerpt: opt(Text),
  note: opt(Text),
  at: opt(max(40)),
  logged: opt(LoggedSchema),
  /** Which proxy carried the request, when it did not go direct. */
  via: opt(max(300)),
});

export const CheckResultSchema = z.object({
  id: max(250),
  kind: Kind,
  title: max(300),
  model: opt(max(200)),
  status: Status,
  durationMs: z.number(),
  summary: Text,
  symptom: opt(Symptom),
  details: z.array(Text).check(z.maxLength(50)),
  metrics: z.record(z.string(), z.union([z.number(), z.string(), z.boolean(), z.null()])),
  evidence: z.array(EvidenceSchema).check(z.maxLength(50)),
  manual: opt(Text),
});

export const FindingSchema = z.object({
  checkId: max(250),
  status: z.enum(['warn', 'fail']),
  symptom: Symptom,
  rowId: opt(max(100)),
  rowSymptom: opt(Text),
  /** Where the row comes from (a guide or the gateway reference), so it reads right for any client. */
  rowSource: opt(max(100)),
  cause: opt(Text),
  fix: opt(Text),
});

export const SymptomRowViewSchema = z.object({ id: z.string(), source: z.string(), symptom: Text, cause: Text, fix: Text });
/**
 * `auto`: a check proves the item (`checkedBy` names it); otherwise the user ticks it (`hint` says
 * where to look). `scannedBy`: a scan of this machine can prove it too, reading what it names.
 */
export const ChecklistItemViewSchema = z.object({ id: z.string(), text: Text, auto: z.boolean(), checkedBy: opt(Text), scannedBy: opt(Text), hint: opt(Text) });
export const ChecklistStateSchema = z.enum(CHECKLIST_STATES);
/** What a scan found for a checklist item, and why, in words. */
export const ScanTickSchema = z.object({ state: z.enum(['verified', 'warned', 'failed']), reason: Text });
export const ClientViewSchema = z.object({
  id: ClientId,
  name: z.string(),
  urlField: Text,
  urlValue: z.string(),
  rows: z.array(SymptomRowViewSchema),
  checklist: z.array(ChecklistItemViewSchema),
});

export const PanelSettingsSchema = z.object({
  baseUrl: z.string().check(z.trim(), z.maxLength(8_192)),
  client: ClientId,
  models: z.array(ModelName).check(z.minLength(1), z.maxLength(PROFILE_LIMITS.maxModels)),
  /** What the user typed in the client's own URL field (not saved to settings). */
  typedUrl: opt(z.string().check(z.trim(), z.maxLength(8_192))),
  urlRule: opt(z.enum(URL_RULE_IDS)),
});

const PlannedCheck = z.object({ id: z.string(), title: z.string(), kind: Kind, model: opt(z.string()) });
const RunId = Int;
const TokenHint = z.nullable(max(20));

export const DiscoveredViewSchema = z.object({
  client: z.string(),
  file: Text,
  entry: opt(Text),
  baseUrl: opt(Text),
  predictedUrl: opt(Text),
  valueToType: opt(Text),
  tokenSource: opt(Text),
  /** Why the doctor did not read or judge what the client stores there (check it by hand). */
  notRead: opt(Text),
  problems: z.array(Text),
  sharesTokenWith: z.array(z.string()),
  snippet: Text,
});
export type DiscoveredView = z.infer<typeof DiscoveredViewSchema>;

/** The outcome of "Test in VS Code chat": one request through VS Code's own language-model API. */
export const ChatTestViewSchema = z.object({
  at: max(40),
  /** `unavailable`: VS Code offers no Custom Endpoint model; `not-sent`: the user declined or picked none. */
  outcome: z.enum(['answered', 'failed', 'unavailable', 'not-sent']),
  model: opt(max(200)),
  modelName: opt(max(200)),
  latencyMs: opt(z.number()),
  firstTokenMs: opt(z.number()),
  answer: opt(Text),
  /** What VS Code passed on (the gateway's message), redacted. */
  message: opt(Text),
  problem: opt(Text),
  fix: opt(Text),
  symptom: opt(Symptom),
  rowId: opt(max(100)),
  requestId: opt(max(200)),
});
export type ChatTestView = z.infer<typeof ChatTestViewSchema>;

/**
 * webview → host. Every message is a request with an id; the host answers each with one `reply`
 * naming that id (as GitLens' IPC pairs its requests), so the webview knows what became of it.
 */
const RequestId = Int.check(z.minimum(0));
export const WebviewMessageSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('ready'), requestId: RequestId }),
  /** The panel has painted: the host may now load what a run needs, without delaying the first paint. */
  z.object({ type: z.literal('painted'), requestId: RequestId, client: ClientId }),
  /** The token, and the base URL the form shows: the token is bound to that URL's origin. */
  z.object({
    type: z.literal('saveToken'),
    requestId: RequestId,
    token: z.string().check(z.minLength(1), z.maxLength(1_000)),
    baseUrl: opt(z.string().check(z.maxLength(8_192))),
  }),
  z.object({ type: z.literal('forgetToken'), requestId: RequestId }),
  z.object({ type: z.literal('run'), requestId: RequestId, settings: PanelSettingsSchema, demo: z.boolean() }),
  z.object({ type: z.literal('cancel'), requestId: RequestId }),
  z.object({ type: z.literal('copyReport'), requestId: RequestId }),
  z.object({ type: z.literal('openOutput'), requestId: RequestId }),
  z.object({ type: z.literal('saveSettings'), requestId: RequestId, settings: PanelSettingsSchema }),
  z.object({ type: z.literal('tickChecklist'), requestId: RequestId, client: ClientId, itemId: max(100), checked: z.boolean() }),
  z.object({ type: z.literal('discover'), requestId: RequestId }),
  z.object({ type: z.literal('copySnippet'), requestId: RequestId, index: Int.check(z.minimum(0), z.maximum(200)) }),
  /** VS Code's own chat: show the Crazyrouter group as a diff of chatLanguageModels.json, write it if the user agrees. */
  z.object({ type: z.literal('addToVsCodeChat'), requestId: RequestId, settings: PanelSettingsSchema }),
  /** VS Code's own chat: one short request through vscode.lm to a configured Custom Endpoint model (after a yes). */
  z.object({ type: z.literal('testVsCodeChat'), requestId: RequestId, settings: PanelSettingsSchema }),
]);
export type WebviewMessage = z.infer<typeof WebviewMessageSchema>;
/** A request as the webview writes it; the bridge gives it its id. */
export type WebviewRequest = WebviewMessage extends infer M ? (M extends WebviewMessage ? Omit<M, 'requestId'> : never) : never;

/** Where a run shown in the panel came from: a run in the panel, or the status bar's health check. */
const RUN_SOURCE_KINDS = ['panel', 'status-bar'] as const;
/** How a run shown in the panel came about: this panel's run, or the last result kept in memory (no secret in it). */
const RunSourceSchema = z.object({ kind: z.enum(RUN_SOURCE_KINDS), at: max(40), restored: z.boolean() });
const NoticeSchema = z.object({ level: z.enum(['info', 'error']), text: Text });

/** host → webview */
export const HostMessageSchema = z.discriminatedUnion('type', [
  z.object({
    type: z.literal('init'),
    tokenHint: TokenHint,
    settings: PanelSettingsSchema,
    clients: z.array(ClientViewSchema),
    ticks: z.record(z.string(), z.array(z.string())),
    /**
     * The webview's strings in VS Code's display language: English text → translation, the bundle
     * VS Code loaded from l10n/ (absent in English). The extension's own text, never a gateway's.
     */
    l10n: opt(z.record(z.string(), z.string())),
  }),
  z.object({ type: z.literal('tokenState'), tokenHint: TokenHint }),
  z.object({ type: z.literal('runStarted'), runId: RunId, demo: z.boolean(), source: RunSourceSchema, checks: z.array(PlannedCheck) }),
  z.object({ type: z.literal('checkStarted'), runId: RunId, id: z.string() }),
  z.object({ type: z.literal('checkFinished'), runId: RunId, result: CheckResultSchema, finding: opt(FindingSchema) }),
  z.object({
    type: z.literal('runFinished'),
    runId: RunId,
    verdict: z.enum(VERDICTS),
    durationMs: z.number(),
    counts: z.object(Object.fromEntries(CHECK_STATUSES.map((s) => [s, z.number()])) as Record<(typeof CHECK_STATUSES)[number], z.ZodMiniNumber>),
    /** Each checklist item's state after the run. */
    checklist: z.record(z.string(), ChecklistStateSchema),
    /** For an item a check would prove but left to the user: why, and what to look at. */
    checklistReasons: opt(z.record(z.string(), Text)),
    /** What the run cost and what the chosen models cost; where the token's recent money went. */
    cost: opt(CostViewSchema),
    usage: opt(UsageViewSchema),
    /** The client's symptom rows with fixes rendered for this run (a model that failed is never recommended). */
    rows: z.array(SymptomRowViewSchema),
    /** The machine the checks ran on, in words. */
    runsOn: opt(max(300)),
    /** Which way the requests went: direct, or through which proxy (never its credentials). */
    network: opt(max(400)),
  }),
  /** Model ids the token sees: the first 500 of `total`. */
  z.object({ type: z.literal('models'), ids: z.array(max(200)).check(z.maxLength(500)), total: Int }),
  z.object({ type: z.literal('notice'), ...NoticeSchema.shape }),
  /** The answer to one webview request: whether it was done, and what to tell the user. A run's reply comes when it ends. */
  z.object({ type: z.literal('reply'), requestId: RequestId, ok: z.boolean(), notice: opt(NoticeSchema) }),
  z.object({
    type: z.literal('discovered'),
    configs: z.array(DiscoveredViewSchema).check(z.maxLength(200)),
    /** The machine whose files were read, and what could not be read from there. */
    machine: max(300),
    note: opt(Text),
    /** Checklist item id → what the scan found for it (Cursor's base URL, Cherry Studio 2.x's provider). */
    checklist: z.record(max(100), ScanTickSchema),
  }),
  z.object({ type: z.literal('chatTested'), test: ChatTestViewSchema }),
]);
export type HostMessage = z.infer<typeof HostMessageSchema>;
export type ClientView = z.infer<typeof ClientViewSchema>;
export type ChecklistState = z.infer<typeof ChecklistStateSchema>;
export type ScanTickView = z.infer<typeof ScanTickSchema>;
export type PanelSettings = z.infer<typeof PanelSettingsSchema>;
export type CheckResultView = z.infer<typeof CheckResultSchema>;
export type FindingView = z.infer<typeof FindingSchema>;
export type RunSource = z.infer<typeof RunSourceSchema>;
export type Notice = z.infer<typeof NoticeSchema>;
/** The host's answer to one request, without its id (the panel adds it). */
export type ReplyBody = { ok: boolean; notice?: Notice };
