// A broken extract is reported as a list of violations: where (file, row,
// column), what (value) and which rule. Messages are meant for the data
// engineer who produced the extract.

export interface Violation {
  file: string;
  /** 1-based data row (the first row after the header is row 1); null for file-level problems. */
  row: number | null;
  column: string | null;
  value: string | null;
  rule: string;
}

export interface RuleCount {
  file: string;
  column: string | null;
  rule: string;
  count: number;
}

/** How many examples of one rule are listed before the rest is only counted. */
export const EXAMPLES_PER_RULE = 10;

export function formatViolation(v: Violation): string {
  const where = [v.file, v.row === null ? null : `row ${v.row}`, v.column === null ? null : `column ${v.column}`]
    .filter((part) => part !== null)
    .join(", ");
  const value = v.value === null ? "" : ` (value ${JSON.stringify(truncate(v.value, 80))})`;
  return `${where}: ${v.rule}${value}`;
}

function truncate(s: string, max: number): string {
  return s.length > max ? `${s.slice(0, max)}…` : s;
}

export class ExtractError extends Error {
  constructor(
    readonly violations: Violation[],
    readonly counts: RuleCount[],
  ) {
    super(summarise(violations, counts));
    this.name = "ExtractError";
  }
}

export function summarise(violations: Violation[], counts: RuleCount[]): string {
  const total = counts.reduce((sum, c) => sum + c.count, 0);
  const lines = [`The extract breaks the contract: ${total} violation${total === 1 ? "" : "s"}.`];
  for (const c of counts) {
    const shown = violations.filter((v) => v.file.startsWith(c.file) && v.column === c.column && v.rule === c.rule);
    // A problem with a whole file is one line; row problems get a count and examples.
    if (shown.length && shown.every((v) => v.row === null)) {
      for (const v of shown) lines.push(formatViolation(v));
      continue;
    }
    lines.push(`${c.file}${c.column ? `, column ${c.column}` : ""}: ${c.rule} — ${c.count} row${c.count === 1 ? "" : "s"}`);
    for (const v of shown) lines.push(`  ${formatViolation(v)}`);
    if (c.count > shown.length) lines.push(`  … and ${c.count - shown.length} more`);
  }
  return lines.join("\n");
}

/** Counts for violations that were all listed (file-level checks). */
export function countViolations(violations: Violation[]): RuleCount[] {
  const map = new Map<string, RuleCount>();
  for (const v of violations) {
    const key = JSON.stringify([v.file, v.column, v.rule]);
    const c = map.get(key) ?? { file: v.file, column: v.column, rule: v.rule, count: 0 };
    c.count++;
    map.set(key, c);
  }
  return [...map.values()];
}
