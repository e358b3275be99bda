// Calendar nesting of the export's period codes (2021-08, 2021Q3, 2021H2,
// 2021). Written here rather than imported so the audit shares no code with
// the pipeline it checks.

export type Level = "month" | "quarter" | "half" | "year";

export function levelOf(period: string): Level | null {
  if (/^\d{4}-\d{2}$/.test(period)) return "month";
  if (/^\d{4}Q[1-4]$/.test(period)) return "quarter";
  if (/^\d{4}H[12]$/.test(period)) return "half";
  if (/^\d{4}$/.test(period)) return "year";
  return null;
}

/** The periods of `level` inside `period` (a coarser period), in calendar order. */
export function membersOf(period: string, level: Level): string[] {
  const y = period.slice(0, 4);
  const months = (from: number, to: number) =>
    Array.from({ length: to - from + 1 }, (_, i) => `${y}-${String(from + i).padStart(2, "0")}`);
  const outer = levelOf(period);
  const [m0, m1] =
    outer === "year" ? [1, 12] : outer === "half" ? (period.endsWith("H1") ? [1, 6] : [7, 12]) : outer === "quarter" ? [3 * Number(period[5]) - 2, 3 * Number(period[5])] : [0, -1];
  if (level === "month") return months(m0, m1);
  if (level === "quarter") return [1, 2, 3, 4].filter((q) => 3 * q - 2 >= m0 && 3 * q <= m1).map((q) => `${y}Q${q}`);
  if (level === "half") return [1, 2].filter((h) => 6 * h - 5 >= m0 && 6 * h <= m1).map((h) => `${y}H${h}`);
  return [];
}

/** Which finer levels a period of each level is the sum of. */
export const FINER: Record<Level, Level[]> = {
  year: ["month", "quarter", "half"],
  half: ["month", "quarter"],
  quarter: ["month"],
  month: [],
};
