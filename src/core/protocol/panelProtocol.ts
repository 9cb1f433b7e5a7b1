/**
 * Every message between the extension host and the Verify Setup webview, as one zod schema that
 * both sides validate with. Pure (zod only) so it bundles for the browser too. The token travels
 * only in `saveToken`, webview → host; nothing the host sends can carry it.
 */
import { z } from 'zod';
import { CLIENT_IDS } from '../clients/clients';
import { SYMPTOM_IDS } from '../symptoms/symptomIds';

const ClientId = z.enum(CLIENT_IDS);
const Status = z.enum(['pass', 'warn', 'fail', 'skipped']);
const Kind = z.enum(['token', 'reachability', 'base-url', 'auth', 'models', 'chat', 'streaming', 'tools', 'quota']);
const Text = z.string().max(4_000);
const ModelName = z.string().trim().min(1).max(200);

export const EvidenceSchema = z.object({
  method: z.string().max(10),
  url: Text,
  status: z.number().int().optional(),
  contentType: z.string().max(200).optional(),
  requestId: z.string().max(200).optional(),
  gatewayVersion: z.string().max(100).optional(),
  headersMs: z.number().optional(),
  totalMs: z.number().optional(),
  bytes: z.number(),
  bodyExcerpt: Text.optional(),
  note: Text.optional(),
});

export const CheckResultSchema = z.object({
  id: z.string().max(250),
  kind: Kind,
  title: z.string().max(300),
  model: z.string().max(200).optional(),
  status: Status,
  durationMs: z.number(),
  summary: Text,
  symptom: z.enum(SYMPTOM_IDS).optional(),
  details: z.array(Text).max(50),
  metrics: z.record(z.string(), z.union([z.number(), z.string(), z.boolean(), z.null()])),
  evidence: z.array(EvidenceSchema).max(50),
});

export const FindingSchema = z.object({
  checkId: z.string().max(250),
  status: z.enum(['warn', 'fail']),
  symptom: z.enum(SYMPTOM_IDS),
  rowId: z.string().max(100).optional(),
  rowSymptom: Text.optional(),
  cause: Text.optional(),
  fix: Text.optional(),
});

export const SymptomRowViewSchema = z.object({ id: z.string(), source: z.string(), symptom: Text, cause: Text, fix: Text });
export const ChecklistItemViewSchema = z.object({ id: z.string(), text: Text, check: Kind.optional(), hint: Text.optional() });
export const ClientViewSchema = z.object({
  id: ClientId,
  name: z.string(),
  urlField: Text,
  urlValue: z.string(),
  rows: z.array(SymptomRowViewSchema),
  checklist: z.array(ChecklistItemViewSchema),
});

export const PanelSettingsSchema = z.object({
  baseUrl: z.string().trim().max(2_000),
  client: ClientId,
  models: z.array(ModelName).min(1).max(8),
});

/** webview → host */
export const WebviewMessageSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('ready') }),
  z.object({ type: z.literal('saveToken'), token: z.string().min(1).max(1_000) }),
  z.object({ type: z.literal('forgetToken') }),
  z.object({ type: z.literal('run'), settings: PanelSettingsSchema, demo: z.boolean() }),
  z.object({ type: z.literal('cancel') }),
  z.object({ type: z.literal('copyReport') }),
  z.object({ type: z.literal('openOutput') }),
  z.object({ type: z.literal('selectClient'), client: ClientId }),
  z.object({ type: z.literal('tickChecklist'), client: ClientId, itemId: z.string().max(100), checked: z.boolean() }),
]);
export type WebviewMessage = z.infer<typeof WebviewMessageSchema>;

/** host → webview */
export const HostMessageSchema = z.discriminatedUnion('type', [
  z.object({
    type: z.literal('init'),
    tokenHint: z.string().max(20).nullable(),
    settings: PanelSettingsSchema,
    clients: z.array(ClientViewSchema),
    ticks: z.record(z.string(), z.array(z.string())),
  }),
  z.object({ type: z.literal('tokenState'), tokenHint: z.string().max(20).nullable() }),
  z.object({ type: z.literal('runStarted'), runId: z.number().int(), demo: z.boolean(), checks: z.array(z.object({ id: z.string(), title: z.string(), kind: Kind, model: z.string().optional() })) }),
  z.object({ type: z.literal('checkStarted'), runId: z.number().int(), id: z.string() }),
  z.object({ type: z.literal('checkFinished'), runId: z.number().int(), result: CheckResultSchema, finding: FindingSchema.optional() }),
  z.object({
    type: z.literal('runFinished'),
    runId: z.number().int(),
    verdict: z.enum(['pass', 'warn', 'fail', 'cancelled']),
    durationMs: z.number(),
    counts: z.object({ pass: z.number(), warn: z.number(), fail: z.number(), skipped: z.number() }),
    verified: z.array(z.string()),
    failedItems: z.array(z.string()),
  }),
  z.object({ type: z.literal('models'), ids: z.array(z.string().max(200)).max(500) }),
  z.object({ type: z.literal('notice'), level: z.enum(['info', 'error']), text: Text }),
]);
export type HostMessage = z.infer<typeof HostMessageSchema>;
export type ClientView = z.infer<typeof ClientViewSchema>;
export type PanelSettings = z.infer<typeof PanelSettingsSchema>;
