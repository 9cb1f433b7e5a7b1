import * as z from 'zod/mini';
import { en } from 'zod/locales';
import { CLIENT_IDS, DEFAULT_CLIENT, RECOMMENDED_MODELS, type ClientId } from './clients/clients';
import { Secret } from './secret';
import { URL_RULE_IDS, type UrlRuleId } from './clients/urlRules';
import { PROFILE_LIMITS } from './profileLimits';
import { lintToken, type TokenLint } from './tokenLint';
import { baseUrlProblem, trimBase } from './urls';

// zod/mini ships without messages; profile errors are shown to people, so load English ones.
z.config(en());

export const ClientIdSchema = z.enum(CLIENT_IDS);

export const ProfileInputSchema = z.object({
  baseUrl: z.string().check(
    z.trim(),
    z.superRefine((value, ctx) => {
      const problem = baseUrlProblem(value);
      if (problem) ctx.issues.push({ code: 'custom', message: problem, input: '' });
    }),
  ),
  client: z._default(ClientIdSchema, DEFAULT_CLIENT),
  models: z._default(
    z
      .array(z.string().check(z.trim(), z.minLength(1, 'model names cannot be empty'), z.maxLength(200)))
      .check(z.minLength(1), z.maxLength(PROFILE_LIMITS.maxModels)),
    [...RECOMMENDED_MODELS],
  ),
  timeoutMs: z._default(z.number().check(z.int(), z.minimum(PROFILE_LIMITS.minTimeoutMs), z.maximum(PROFILE_LIMITS.maxTimeoutMs)), 20_000),
  mode: z._default(z.enum(['full', 'health']), 'full'),
  /** What the user typed in the client's own URL field, to predict and probe what it will call. */
  typedUrl: z.optional(z.string().check(z.trim(), z.maxLength(8_192))),
  /** Which of the client's URL rules applies (Cherry Studio ≤1.6 and ≥1.7 differ). */
  urlRule: z.optional(z.enum(URL_RULE_IDS)),
});
export type ProfileInput = z.input<typeof ProfileInputSchema>;

/** A validated verification target. The token lives only inside `secret` (cleaned) and `pasted` (as given). */
export interface Profile {
  baseUrl: string;
  client: ClientId;
  models: string[];
  timeoutMs: number;
  mode: 'full' | 'health';
  typedUrl?: string;
  urlRule?: UrlRuleId;
  secret: Secret;
  pasted: Secret;
  tokenLint: Pick<TokenLint, 'problems'>;
}

export type ProfileResult = { ok: true; profile: Profile } | { ok: false; errors: string[] };

/** Validates the settings part with zod; the token is taken apart from them so no error message can echo it. */
export function parseProfile(input: ProfileInput, token: Secret): ProfileResult {
  const parsed = ProfileInputSchema.safeParse(input);
  if (!parsed.success) {
    return { ok: false, errors: parsed.error.issues.map((issue) => `${issue.path.join('.') || 'profile'}: ${issue.message}`) };
  }
  const lint = lintToken(token.reveal());
  const models = [...new Set(parsed.data.models)];
  return {
    ok: true,
    profile: {
      ...parsed.data,
      baseUrl: trimBase(parsed.data.baseUrl),
      models,
      secret: Secret.of(lint.cleaned),
      pasted: token,
      tokenLint: { problems: lint.problems },
    },
  };
}
