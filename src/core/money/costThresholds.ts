/**
 * A chosen model becomes a finding when its price per 1M input or output tokens is more than this
 * many times the baseline model's (clients.ts BASELINE_MODEL, the guides' "Start with gpt-5.4"). The
 * guides' advice: "reserve expensive models for heavier work only" (seed-cherry-studio-guide.txt,
 * Performance and Cost Tips). At three times, a day of everyday work on it costs what three days on
 * the baseline do: a difference a person notices on the bill.
 */
export const EXPENSIVE_MODEL_FACTOR = 3;
