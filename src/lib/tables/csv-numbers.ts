// The figures of a downloaded table as numbers a spreadsheet calculates with
// (lib/tables/download-files.ts): a column whose cells all read as figures the site
// formats ("57,3 %", "1 234", "−2,1 %-yks.", "4,5 vrk") — or "..", "ei tietoa",
// "–" — is written as the shown number, unrounded no further: no thousands
// separator, "-" for minus, a decimal comma in Finnish and Swedish (a dot in
// English), and its unit in the column header ("Koko kaupunki (%)"). A
// column mixing units keeps them in a column of its own beside it. Anything
// else stays text as shown.
import { WITHHELD_MARK, changeWord, formatCell, unitWord, type Lang } from "../format.js";
import { t } from "../i18n.js";

export interface TextTable {
  columns: string[];
  rows: string[][];
}

const UNITS = ["share", "days", "eur", "days_per_person_year", "per_100_person_years", "visits_per_person_year"];

/** The unit words a figure can end with, longest first (so "%-yks." is not read as "%"). */
function suffixes(lang: Lang): string[] {
  const words = new Set(["%", ...UNITS.flatMap((u) => [unitWord(u, lang), changeWord(u, lang)])].filter(Boolean));
  return [...words].sort((a, b) => b.length - a.length);
}

const NUMBER: Record<"comma" | "dot", RegExp> = {
  // 1 234,5 (narrow no-break, no-break or plain space between thousands), −3 (U+2212), ±0,0
  comma: /^([+\u2212\-±]?)(\d{1,3}(?:[\u202F\u00A0 ]\d{3})+|\d+)(?:,(\d+))?$/,
  // 1,234.5, -3
  dot: /^([+\-±]?)(\d{1,3}(?:,\d{3})+|\d+)(?:\.(\d+))?$/,
};

/** A shown figure as the number a spreadsheet reads and its unit word ("" for none); null when the text is not one. */
export function spreadsheetNumber(text: string, lang: Lang): { number: string; unit: string } | null {
  let body = text.trim();
  let unit = "";
  for (const s of suffixes(lang)) {
    if (body.endsWith(s)) {
      unit = s;
      body = body.slice(0, -s.length).replace(/[\s\u202F\u00A0]+$/, "");
      break;
    }
  }
  const m = NUMBER[lang === "en" ? "dot" : "comma"].exec(body);
  if (!m) return null;
  const [, sign, whole, decimals] = m;
  const digits = whole.replace(/\D/g, "");
  const negative = (sign === "-" || sign === "\u2212") && /[1-9]/.test(digits + (decimals ?? ""));
  return { number: `${negative ? "-" : ""}${digits}${decimals === undefined ? "" : `${lang === "en" ? "." : ","}${decimals}`}`, unit };
}

/** Cells a column of figures may hold besides figures: withheld, no data, not applicable, empty. */
function isPlaceholder(text: string | undefined, lang: Lang): boolean {
  return text === undefined || text === "" || text === WITHHELD_MARK || text === "–" || text === formatCell(null, "count", lang);
}

/** The table with its columns of figures as spreadsheet numbers, units in the headers (or a unit column beside a column of mixed units). */
export function spreadsheetTable(data: TextTable, lang: Lang): TextTable {
  let columns = [...data.columns];
  let rows = data.rows.map((r) => [...r]);
  for (let j = columns.length - 1; j >= 0; j--) {
    const parsed = rows.map((r) => (isPlaceholder(r[j], lang) ? undefined : spreadsheetNumber(r[j], lang)));
    if (parsed.some((p) => p === null) || !parsed.some((p) => p)) continue;
    const units = new Set(parsed.filter((p) => p).map((p) => p!.unit));
    const label = columns[j];
    rows.forEach((r, i) => {
      if (parsed[i]) r[j] = parsed[i]!.number;
    });
    if (units.size === 1) {
      const [unit] = units;
      if (unit) columns[j] = `${label} (${unit})`;
    } else {
      columns = [...columns.slice(0, j + 1), t(lang, "csvUnitColumn", { column: label }), ...columns.slice(j + 1)];
      rows = rows.map((r, i) => (r.length > j ? [...r.slice(0, j + 1), parsed[i]?.unit ?? "", ...r.slice(j + 1)] : r));
    }
  }
  return { columns, rows };
}
