/**
 * The report's "Cost" and "Usage" sections as the panel receives them: the same shapes as
 * `CostReport` and `UsageReport`, with a size limit on every string and list (the host cuts what a
 * gateway made too long, fitMessage.ts). Amounts arrive formatted by the host; the chart scales
 * with the plain numbers beside them.
 */
import * as z from 'zod/mini';
import { PROFILE_LIMITS } from '../profileLimits';

const max = (n: number) => z.string().check(z.maxLength(n));
const Name = max(200);
const Amount = max(60);
const opt = z.optional;

export const LoggedSchema = z.object({
  found: z.boolean(),
  by: opt(z.enum(['request-id', 'time'])),
  model: opt(Name),
  promptTokens: opt(z.number()),
  completionTokens: opt(z.number()),
  quota: opt(z.number()),
  cost: opt(Amount),
  loggedAt: opt(max(40)),
});

export const CostViewSchema = z.object({
  unit: max(60),
  unitFrom: z.enum(['status', 'default']),
  run: opt(
    z.object({
      requests: z.number(),
      found: z.number(),
      quota: z.number(),
      cost: Amount,
      byTime: z.boolean(),
      lines: z
        .array(
          z.object({
            title: max(300),
            model: Name,
            found: z.boolean(),
            promptTokens: opt(z.number()),
            completionTokens: opt(z.number()),
            quota: opt(z.number()),
            cost: opt(Amount),
          }),
        )
        .check(z.maxLength(50)),
    }),
  ),
  group: opt(Name),
  groupRatio: opt(z.number()),
  groupNote: opt(max(400)),
  prices: z
    .array(z.object({ model: Name, input: opt(Amount), output: opt(Amount), perCall: opt(Amount), note: opt(max(200)), timesBaseline: opt(z.number()) }))
    .check(z.maxLength(PROFILE_LIMITS.maxModels)),
  pricesNote: opt(max(400)),
});

export const UsageViewSchema = z.object({
  entries: z.number(),
  atLimit: z.boolean(),
  calls: z.number(),
  ownRun: z.number(),
  from: opt(max(40)),
  to: opt(max(40)),
  unit: max(60),
  total: z.object({ quota: z.number(), spend: z.number(), text: Amount }),
  byModel: z
    .array(
      z.object({
        model: Name,
        calls: z.number(),
        errors: z.number(),
        promptTokens: z.number(),
        completionTokens: z.number(),
        spend: z.number(),
        text: Amount,
        share: z.number(),
      }),
    )
    .check(z.maxLength(50)),
  overTime: z.object({
    bucketHours: z.number(),
    buckets: z.array(z.object({ start: max(40), calls: z.number(), spend: z.number(), text: Amount })).check(z.maxLength(72)),
  }),
});

export type CostView = z.infer<typeof CostViewSchema>;
export type UsageView = z.infer<typeof UsageViewSchema>;
export type LoggedView = z.infer<typeof LoggedSchema>;
