/** A unix time (seconds) as `YYYY-MM-DD`, or a plain statement when it is no real date (0, -1, 1e17…). */
export function safeDate(unixSeconds: number | undefined): string {
  if (unixSeconds === undefined || !Number.isFinite(unixSeconds) || unixSeconds <= 0) return 'no date';
  const date = new Date(unixSeconds * 1000);
  return Number.isNaN(date.getTime()) ? `an impossible date (${unixSeconds})` : date.toISOString().slice(0, 10);
}

/** The same as an ISO timestamp, or null when it is no real date. */
export function safeIso(unixSeconds: number | undefined): string | null {
  if (unixSeconds === undefined || !Number.isFinite(unixSeconds) || unixSeconds <= 0) return null;
  const date = new Date(unixSeconds * 1000);
  return Number.isNaN(date.getTime()) ? null : date.toISOString();
}
