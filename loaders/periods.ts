// The reporting periods: month, quarter, half (the STM/THL self-assessment
// rhythm) and year. A row counts in every period its anchor month lies in.

export const PERIOD_TYPES = ["month", "quarter", "half", "year"] as const;
export type PeriodType = (typeof PERIOD_TYPES)[number];

export function periodOf(type: PeriodType, year: number, month: number): string {
  switch (type) {
    case "month":
      return `${year}-${String(month).padStart(2, "0")}`;
    case "quarter":
      return `${year}Q${Math.ceil(month / 3)}`;
    case "half":
      return `${year}H${month <= 6 ? 1 : 2}`;
    case "year":
      return String(year);
  }
}

/** First and last day (YYYY-MM-DD) of a period label such as 2021-08, 2021Q3, 2021H2 or 2021. */
export function periodBounds(period: string): { type: PeriodType; start: string; end: string } {
  let m: RegExpExecArray | null;
  let type: PeriodType;
  let year: number;
  let first: number;
  let last: number;
  if ((m = /^(\d{4})-(\d{2})$/.exec(period))) [type, year, first, last] = ["month", +m[1], +m[2], +m[2]];
  else if ((m = /^(\d{4})Q([1-4])$/.exec(period))) [type, year, first, last] = ["quarter", +m[1], +m[2] * 3 - 2, +m[2] * 3];
  else if ((m = /^(\d{4})H([12])$/.exec(period))) [type, year, first, last] = ["half", +m[1], +m[2] * 6 - 5, +m[2] * 6];
  else if ((m = /^(\d{4})$/.exec(period))) [type, year, first, last] = ["year", +m[1], 1, 12];
  else throw new Error(`not a period: ${JSON.stringify(period)} (expected 2021-08, 2021Q3, 2021H2 or 2021)`);
  if (first < 1 || last > 12) throw new Error(`not a period: ${JSON.stringify(period)}`);
  const lastDay = new Date(Date.UTC(year, last, 0)).getUTCDate();
  const pad = (n: number) => String(n).padStart(2, "0");
  return { type, start: `${year}-${pad(first)}-01`, end: `${year}-${pad(last)}-${pad(lastDay)}` };
}

export interface PeriodRow {
  month: string; // YYYY-MM-01
  period_type: PeriodType;
  period: string;
  period_start: string;
  period_end: string;
}

/** Every month from `from` to `to` (dates), each mapped to its four periods. */
export function periodRows(from: string, to: string): PeriodRow[] {
  const rows: PeriodRow[] = [];
  let year = +from.slice(0, 4);
  let month = +from.slice(5, 7);
  const endKey = to.slice(0, 7);
  for (;;) {
    const key = `${year}-${String(month).padStart(2, "0")}`;
    if (key > endKey) break;
    for (const type of PERIOD_TYPES) {
      const period = periodOf(type, year, month);
      const { start, end } = periodBounds(period);
      rows.push({ month: `${key}-01`, period_type: type, period, period_start: start, period_end: end });
    }
    month++;
    if (month > 12) [year, month] = [year + 1, 1];
  }
  return rows;
}
