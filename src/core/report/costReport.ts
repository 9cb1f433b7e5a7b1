/** What the run cost and what the chosen models cost, as the report states it (amounts already in the gateway's display unit). */
export interface CostReport {
  /** The unit amounts are shown in (USD, CNY, quota units, a custom currency). */
  unit: string;
  /** Where the unit came from: the gateway's /api/status, or new-api's defaults when it could not be read. */
  unitFrom: 'status' | 'default';
  /** The run's own requests as the log billed them; absent when the log was not read. */
  run?: {
    requests: number;
    found: number;
    quota: number;
    cost: string;
    /** Some were found by model and time only (the log records no request ids). */
    byTime: boolean;
    lines: { title: string; model: string; found: boolean; promptTokens?: number; completionTokens?: number; quota?: number; cost?: string }[];
  };
  /** The token's group (from its log), its ratio, and what was assumed when either is unknown. */
  group?: string;
  groupRatio?: number;
  groupNote?: string;
  /** The chosen models' prices for that group; `input`/`output` per 1M tokens, or `perCall`. */
  prices: { model: string; input?: string; output?: string; perCall?: string; note?: string; timesBaseline?: number }[];
  /** Why there are no prices (the site publishes none). */
  pricesNote?: string;
}
