/**
 * When a pattern in the token's recent log becomes a finding. The guides send users whose costs
 * jump to the log "for retries or long multi-turn sessions" (seed-cherry-studio-guide.txt,
 * seed-cursor-guide.txt, Performance and Cost Tips) and tell them not to share a token; these are
 * the lines the doctor draws, each with why.
 */
export const USAGE_THRESHOLDS = {
  /**
   * Below this many calls a share says little (one long prompt in five calls is 20 %): the patterns
   * that are shares are reported, never judged.
   */
  minCalls: 20,
  /**
   * A prompt this long is a long multi-turn context: a conversation or an attached codebase sent
   * again on every turn. 32k tokens is past what a single question with a file needs, and where
   * agents' re-sent histories sit.
   */
  longPromptTokens: 32_000,
  /** More than this share of the spend on long prompts: long context drives the bill. */
  longPromptSpendShare: 0.5,
  /**
   * The same request (same model, same prompt tokens) again within this many seconds is a client
   * retry: people do not resend an identical prompt that fast, clients do after a timeout or error.
   */
  retryWithinSeconds: 10,
  /**
   * Only a request with at least this many prompt tokens counts as a possible retry. Connection tests
   * are tiny and repeated on purpose (the doctor's own probes when a user presses Run again, a
   * client's Check button); a retry that moves a bill resends a real prompt, and clients send
   * system prompts of hundreds of tokens or more.
   */
  retryMinPromptTokens: 100,
  /** More than this share of calls being retries: retries inflate the bill. */
  retryShare: 0.1,
  /** More than this share of calls failing (error entries, where the gateway records them): something recurring fails. */
  errorShare: 0.1,
  /** More client IPs than this (where the gateway records IPs): the token is used from several places. */
  maxClientIps: 1,
} as const;
