// Formatting for the Metrics page (isomorphic, UTC so the server and the browser agree).
export const fmtInt = (n: number) => n.toLocaleString('en-US');
export const fmtMs = (n: number | null) => (n === null ? '—' : n >= 10_000 ? `${(n / 1000).toFixed(1)} s` : `${Math.round(n).toLocaleString('en-US')} ms`);
export const fmtPct = (r: number | null, digits = 1) => (r === null ? '—' : `${(r * 100).toFixed(digits)} %`);
/** Cost in millionths of a euro. */
export const fmtCost = (micros: number | null) => (micros === null ? '—' : micros >= 10_000_000 ? `€${(micros / 1e6).toFixed(0)}` : micros >= 10_000 ? `€${(micros / 1e6).toFixed(2)}` : `€${(micros / 1e6).toFixed(4)}`);
/** "3.5 h" under two days, "4.2 days" beyond. */
export const fmtHours = (h: number | null) => (h === null ? '—' : h < 48 ? `${h.toFixed(1)} h` : `${(h / 24).toFixed(1)} days`);

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
/** 'YYYY-MM' → 'Nov 2026'. */
export const fmtMonth = (ym: string) => `${MONTHS[Number(ym.slice(5, 7)) - 1] ?? ym} ${ym.slice(0, 4)}`;
/** A bucket start as a short UTC label: a time of day for sub-day steps, else a date. */
export function fmtBucket(iso: string, stepMs: number): string {
  const d = new Date(iso);
  if (stepMs < 86_400_000) return `${String(d.getUTCHours()).padStart(2, '0')}:${String(d.getUTCMinutes()).padStart(2, '0')}`;
  return `${MONTHS[d.getUTCMonth()]} ${d.getUTCDate()}`;
}
