// Data-quality helpers: the months an extract should cover, and per table the
// months without a single row (a gap in the source, not a zero).

/** Every month YYYY-MM from the month of `from` to the month of `to` (dates YYYY-MM-DD). */
export function monthsBetween(from: string, to: string): string[] {
  const out: string[] = [];
  let y = +from.slice(0, 4);
  let m = +from.slice(5, 7);
  const end = to.slice(0, 7);
  for (;;) {
    const key = `${y}-${String(m).padStart(2, "0")}`;
    if (key > end) break;
    out.push(key);
    if (++m > 12) [y, m] = [y + 1, 1];
  }
  return out;
}

/** Per table, the months of `months` that have no rows in `counts`. */
export function missingMonths(counts: readonly { table: string; month: string; rows: number }[], tables: readonly string[], months: readonly string[]): Map<string, string[]> {
  const seen = new Set(counts.filter((c) => c.rows > 0).map((c) => `${c.table}|${c.month}`));
  return new Map(tables.map((table) => [table, months.filter((m) => !seen.has(`${table}|${m}`))]));
}
