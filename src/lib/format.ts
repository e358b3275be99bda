// Number and date formatting for fi, sv and en: decimal comma and a narrow
// no-break space between thousands in Finnish and Swedish (`57,0 %`, `1 234`,
// `30.11.2026`). Shared by the pages and the exports, so both read the same.

export type Lang = "fi" | "sv" | "en";
export const LOCALES: Record<Lang, string> = { fi: "fi-FI", sv: "sv-FI", en: "en-GB" };

const NNBSP = "\u202F";
const cache = new Map<string, Intl.NumberFormat>();

function numberFormat(lang: Lang, digits: number): Intl.NumberFormat {
  const key = `${lang}|${digits}`;
  let f = cache.get(key);
  if (!f) cache.set(key, (f = new Intl.NumberFormat(LOCALES[lang], { minimumFractionDigits: digits, maximumFractionDigits: digits, useGrouping: true })));
  return f;
}

/** 1234.5 → "1 234,5" (fi, narrow no-break space), "1,234.5" (en). Minus is U+2212 in fi and sv. */
export function formatNumber(x: number, digits = 0, lang: Lang = "fi"): string {
  let s = numberFormat(lang, digits).format(x);
  if (lang !== "en") s = s.replace(/[\s\u00A0\u202F]/g, NNBSP);
  // Four-digit numbers are grouped too, as the Finnish style guide does in tables.
  if (lang !== "en" && Math.abs(x) >= 1000 && Math.abs(x) < 10000) {
    const [int, frac] = s.split(",");
    const sign = /^[−-]/.test(int) ? int[0] : "";
    const digitsOnly = int.replace(/^[−-]/, "");
    if (!digitsOnly.includes(NNBSP)) s = `${sign}${digitsOnly.slice(0, -3)}${NNBSP}${digitsOnly.slice(-3)}${frac !== undefined ? `,${frac}` : ""}`;
  }
  if (lang !== "en") s = s.replace(/^-/, "\u2212");
  return s;
}

/** A share 0..1 as a percentage: 0.57 → "57,0 %" (fi, sv), "57.0%" (en). */
export function formatPercent(share: number, digits = 1, lang: Lang = "fi"): string {
  const n = formatNumber(share * 100, digits, lang);
  return lang === "en" ? `${n}%` : `${n}${NNBSP}%`;
}

/** "2026-11-30" (or a timestamp) → "30.11.2026" (fi), "30.11.2026" (sv), "30 Nov 2026" (en). */
export function formatDate(iso: string, lang: Lang = "fi"): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(iso);
  if (!m) return iso;
  const [, y, mo, d] = m;
  if (lang === "en") return `${+d} ${["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"][+mo - 1]} ${y}`;
  return `${+d}.${+mo}.${y}`;
}

const MONTHS: Record<Lang, string[]> = {
  fi: ["tammi", "helmi", "maalis", "huhti", "touko", "kesä", "heinä", "elo", "syys", "loka", "marras", "joulu"],
  sv: ["jan", "feb", "mars", "apr", "maj", "juni", "juli", "aug", "sep", "okt", "nov", "dec"],
  en: ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"],
};

/** Period labels for people: "2021-08" → "elo 2021", "2021Q3" → "Q3/2021", "2021H2" → "7–12/2021". */
export function formatPeriod(period: string, lang: Lang = "fi"): string {
  let m: RegExpExecArray | null;
  if ((m = /^(\d{4})-(\d{2})$/.exec(period))) return `${MONTHS[lang][+m[2] - 1]} ${m[1]}`;
  if ((m = /^(\d{4})Q([1-4])$/.exec(period))) return `Q${m[2]}/${m[1]}`;
  // Finnish and Swedish reports write half-years as month ranges: 1–6/2021, 7–12/2021.
  if ((m = /^(\d{4})H([12])$/.exec(period))) return lang === "en" ? `H${m[2]} ${m[1]}` : `${m[2] === "1" ? "1–6" : "7–12"}/${m[1]}`;
  return period;
}

export interface ValueFormatOptions {
  unit: string;
  lang?: Lang;
}

/** An indicator value in its unit (catalogue `unit`): share, nps, mean_1_5, mean_0_10, count, days, eur, per-person-year rates. */
export function formatValue(value: number, { unit, lang = "fi" }: ValueFormatOptions): string {
  switch (unit) {
    case "share":
      return formatPercent(value, 1, lang);
    case "nps":
      return formatNumber(value, 0, lang);
    case "mean_1_5":
    case "mean_0_10":
      return formatNumber(value, 2, lang);
    case "count":
      return formatNumber(value, 0, lang);
    case "days":
      return `${formatNumber(value, 1, lang)}${lang === "en" ? " days" : lang === "sv" ? NNBSP + "dygn" : NNBSP + "vrk"}`;
    case "eur":
      return `${formatNumber(value, 0, lang)}${NNBSP}€`;
    default:
      return formatNumber(value, 1, lang);
  }
}

/**
 * The one mark of every withheld (privacy-suppressed) cell: ".." (the Finnish
 * statistical convention, Tilastokeskus: data withheld). Never 0, never a gap,
 * and never "< 5": a cell withheld as a partner (complementary suppression)
 * may have hundreds of observations. Screen readers get words instead.
 */
export const WITHHELD_MARK = "..";

// ---------------------------------------------------------------------------
// Page helpers on top of the formats above: ticks, changes, cells, timestamps
// and programme dates.

const UNIT_WORD: Record<Lang, Record<string, string>> = {
  fi: { days_per_person_year: "pv/htv", per_100_person_years: "/100 htv", visits_per_person_year: "käyntiä/htv", days: "vrk", eur: "€" },
  sv: { days_per_person_year: "d/årsv.", per_100_person_years: "/100 årsv.", visits_per_person_year: "besök/årsv.", days: "dygn", eur: "€" },
  en: { days_per_person_year: "days/PY", per_100_person_years: "/100 PY", visits_per_person_year: "visits/PY", days: "days", eur: "€" },
};

/** The short unit word written after a value in tables and captions ("vrk", "pv/htv"); empty for shares, scores and counts. */
export function unitWord(unit: string, lang: Lang = "fi"): string {
  return UNIT_WORD[lang][unit] ?? "";
}

/** A value with its unit word where formatValue leaves it out: 12.3 days per person-year → "12,3 pv/htv". */
export function formatValueWithUnit(value: number, unit: string, lang: Lang = "fi"): string {
  const text = formatValue(value, { unit, lang });
  if (unit === "days" || unit === "eur" || unit === "share") return text;
  const word = unitWord(unit, lang);
  return word ? `${text}${NNBSP}${word}` : text;
}

/** An axis tick: shares as whole percentages ("57 %"), others with at most one decimal. */
export function formatTick(value: number, unit: string, lang: Lang = "fi"): string {
  if (unit === "share") return formatPercent(value, 0, lang);
  return formatNumber(value, Math.abs(value) >= 10 || Number.isInteger(value) ? 0 : 1, lang);
}

/** A change: shares in percentage points ("+2,3 %-yks."), other units in their own ("−1,5 vrk"); zero has no sign. */
export function formatChange(delta: number, unit: string, lang: Lang = "fi"): string {
  const digits = unit === "share" ? 1 : unit === "nps" || unit === "count" || unit === "eur" ? 0 : unit === "mean_1_5" || unit === "mean_0_10" ? 2 : 1;
  const x = unit === "share" ? delta * 100 : delta;
  const factor = 10 ** digits;
  const rounded = Math.round(x * factor) / factor;
  const body = formatNumber(Math.abs(rounded), digits, lang);
  const sign = rounded > 0 ? "+" : rounded < 0 ? (lang === "en" ? "-" : "\u2212") : "±";
  if (unit === "share") return `${sign}${body}${NNBSP}${{ fi: "%-yks.", sv: "procentenheter", en: "pp" }[lang]}`;
  const word = unitWord(unit, lang);
  return word ? `${sign}${body}${NNBSP}${word}` : `${sign}${body}`;
}

const NO_DATA: Record<Lang, string> = { fi: "ei tietoa", sv: "uppgift saknas", en: "no data" };

/** How a cell reads: its value, ".." when withheld, "ei tietoa" when it was not written. */
export function formatCell(
  cell: { value: number | null; suppressed: boolean } | null | undefined,
  unit: string,
  lang: Lang = "fi",
): string {
  if (!cell) return NO_DATA[lang];
  if (cell.suppressed) return WITHHELD_MARK;
  if (cell.value === null || !Number.isFinite(cell.value)) return NO_DATA[lang];
  return formatValueWithUnit(cell.value, unit, lang);
}

/** A timestamp 2024-01-15T06:00:00 → "15.1.2024 klo 6.00". */
export function formatDateTime(ts: string, lang: Lang = "fi"): string {
  const m = /^(\d{4}-\d{2}-\d{2})[T ](\d{2}):(\d{2})/.exec(ts);
  if (!m) return formatDate(ts, lang);
  const word = { fi: "klo", sv: "kl.", en: "at" }[lang];
  return `${formatDate(m[1], lang)} ${word} ${lang === "en" ? `${m[2]}:${m[3]}` : `${+m[2]}.${m[3]}`}`;
}

const SEASONS: Record<Lang, Record<string, string>> = {
  fi: { "03": "kevät", "06": "kesä", "09": "syksy", "12": "talvi" },
  sv: { "03": "våren", "06": "sommaren", "09": "hösten", "12": "vintern" },
  en: { "03": "spring", "06": "summer", "09": "autumn", "12": "winter" },
};

/** A programme date with its precision: 2020-09 (season) → "syksy 2020", 2021-03 → "3/2021", 2020-12-01 → "1.12.2020", 2016 → "2016". */
export function formatProgrammeDate(date: string, precision: string | null | undefined, lang: Lang = "fi"): string {
  if (/^\d{4}-\d{2}-\d{2}$/.test(date)) return formatDate(date, lang);
  const m = /^(\d{4})-(\d{2})$/.exec(date);
  if (m && precision === "season" && SEASONS[lang][m[2]]) return `${SEASONS[lang][m[2]]} ${m[1]}`;
  if (m) return `${+m[2]}/${m[1]}`;
  return date;
}
