// Half-year labels (2021H1 = Jan–Jun, 2021H2 = Jul–Dec), the STM/THL
// self-assessment rhythm: the spring report (due 15 May) describes the first
// half, the autumn report (due 15 November) the second.

export const HALF = /^(\d{4})H([12])$/;

export function isHalf(period: string): boolean {
  return HALF.test(period);
}

function parts(period: string): [number, 1 | 2] {
  const m = HALF.exec(period);
  if (!m) throw new Error(`not a half-year: ${JSON.stringify(period)} (expected e.g. 2021H2)`);
  return [+m[1], m[2] === "1" ? 1 : 2];
}

/** 2021H2 → 2021H1, 2021H1 → 2020H2. */
export function previousHalf(period: string): string {
  const [year, half] = parts(period);
  return half === 2 ? `${year}H1` : `${year - 1}H2`;
}

/** Every half-year from `from` to `to` inclusive, in order. */
export function halvesBetween(from: string, to: string): string[] {
  const out: string[] = [];
  for (let p = from; p <= to; p = nextHalf(p)) out.push(p);
  return out;
}

export function nextHalf(period: string): string {
  const [year, half] = parts(period);
  return half === 1 ? `${year}H2` : `${year + 1}H1`;
}

/** The months (YYYY-MM) of a half-year. */
export function monthsOfHalf(period: string): string[] {
  const [year, half] = parts(period);
  return Array.from({ length: 6 }, (_, i) => `${year}-${String((half - 1) * 6 + i + 1).padStart(2, "0")}`);
}

/** The half-year a month (YYYY-MM) lies in. */
export function halfOfMonth(month: string): string {
  return `${month.slice(0, 4)}H${+month.slice(5, 7) <= 6 ? 1 : 2}`;
}

/** Every month from `from` to `to` (YYYY-MM) inclusive. */
export function monthsBetween(from: string, to: string): string[] {
  const out: string[] = [];
  let [y, m] = [+from.slice(0, 4), +from.slice(5, 7)];
  for (;;) {
    const key = `${y}-${String(m).padStart(2, "0")}`;
    if (key > to) break;
    out.push(key);
    if (++m > 12) [y, m] = [y + 1, 1];
  }
  return out;
}

/**
 * The report a half-year belongs to: spring (H1, due 15 May, describing the
 * April situation) or autumn (H2, due 15 November, the October situation).
 */
export function reportRhythm(period: string): { season: "spring" | "autumn"; due: string; situationMonth: string } {
  const [year, half] = parts(period);
  return half === 1
    ? { season: "spring", due: `${year}-05-15`, situationMonth: `${year}-04` }
    : { season: "autumn", due: `${year}-11-15`, situationMonth: `${year}-10` };
}
