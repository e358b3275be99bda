// Every number and date a reader sees, in fi, sv and en: the pages, the
// charts and the self-assessment documents all format through this module, so
// a figure reads the same everywhere. Finnish and Swedish write a decimal
// comma, a narrow no-break space (U+202F) between thousands and before "%"
// and unit words, and a real minus sign (U+2212): `57,0 %`, `1 234`,
// `−3`, `30.11.2026`. English writes `57.0%`, `1,234`, `-3`, `30 Nov 2026`.
//
// Numbers go through d3-format's formatLocale with the three locales below.
// Dates are ISO strings (a calendar day or month, no time zone) formatted by
// hand rather than through Intl.DateTimeFormat or d3-time-format: a Date
// would bring the reader's time zone into a calendar day, Intl's month
// abbreviations change between ICU versions (en-GB "Sep" / "Sept"), and
// d3-time-format is not a dependency of the pages.
import { formatLocale, precisionFixed, type FormatLocaleObject } from "d3-format";

export type Lang = "fi" | "sv" | "en";

const NNBSP = "\u202F";

/**
 * d3-format's fi-FI and sv-SE definitions separate thousands with a no-break
 * space (U+00A0); these use the narrow one, as the Finnish style guide does in
 * tables, put it before "%" too, and group four-digit numbers ("1 234"). No
 * currency symbol: euros are written with their unit word (formatValue).
 */
const LOCALES: Record<Lang, FormatLocaleObject> = {
  fi: formatLocale({ decimal: ",", thousands: NNBSP, grouping: [3], currency: ["", ""], minus: "\u2212", percent: `${NNBSP}%` }),
  sv: formatLocale({ decimal: ",", thousands: NNBSP, grouping: [3], currency: ["", ""], minus: "\u2212", percent: `${NNBSP}%` }),
  en: formatLocale({ decimal: ".", thousands: ",", grouping: [3], currency: ["", ""], minus: "-", percent: "%" }),
};

const cache = new Map<string, (x: number) => string>();

/** The d3-format formatter of a specifier in the language, made once. */
function formatter(lang: Lang, specifier: string): (x: number) => string {
  const key = `${lang}|${specifier}`;
  let f = cache.get(key);
  if (!f) cache.set(key, (f = LOCALES[lang].format(specifier)));
  return f;
}

/**
 * x rounded to `digits` decimals, half away from zero, on its shortest
 * decimal text: a mean of 107 / 40 prints as 2,68, as Intl.NumberFormat and
 * Excel round it. d3-format rounds with toFixed, on the double's exact binary
 * value, which for 2.675 lies just below the tie: 2,67.
 */
function roundDecimal(x: number, digits: number): number {
  // From 10^15 on a double has no decimals left to round.
  if (!Number.isFinite(x) || x === 0 || Math.abs(x) >= 1e15) return x;
  const [mantissa, exponent] = Math.abs(x).toExponential().split("e");
  const shifted = Math.round(Number(`${mantissa}e${Number(exponent) + digits}`));
  return Math.sign(x) * Number(`${shifted}e${-digits}`);
}

/**
 * 1234.5 → "1 234,5" (fi and sv, narrow no-break space), "1,234.5" (en).
 * Minus is U+2212 in fi and sv; a negative number that rounds to zero has no sign.
 */
export function formatNumber(x: number, digits = 0, lang: Lang = "fi"): string {
  return formatter(lang, `,.${digits}f`)(roundDecimal(x, digits));
}

/** A share 0..1 as a percentage: 0.57 → "57,0 %" (fi, sv), "57.0%" (en). */
export function formatPercent(share: number, digits = 1, lang: Lang = "fi"): string {
  return formatter(lang, `,.${digits}%`)(roundDecimal(share * 100, digits) / 100);
}

/** A numerator or denominator: whole numbers without decimals, others with one. */
export function formatCount(x: number, lang: Lang = "fi"): string {
  return formatNumber(x, Number.isInteger(x) ? 0 : 1, lang);
}

/**
 * The published value exactly as the export CSV writes it: the shortest text
 * that reads back as the same double ("0" for −0); empty for null and for a
 * value that is not a finite number. For data attributes and files, not for
 * reading.
 */
export function exportNumber(x: number | null | undefined): string {
  if (x === null || x === undefined || !Number.isFinite(x)) return "";
  return Object.is(x, -0) ? "0" : String(x);
}

const MONTHS: Record<Lang, string[]> = {
  fi: ["tammi", "helmi", "maalis", "huhti", "touko", "kesä", "heinä", "elo", "syys", "loka", "marras", "joulu"],
  sv: ["jan", "feb", "mars", "apr", "maj", "juni", "juli", "aug", "sep", "okt", "nov", "dec"],
  en: ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"],
};

/** "2026-11-30" (or a timestamp) → "30.11.2026" (fi), "30.11.2026" (sv), "30 Nov 2026" (en). */
export function formatDate(iso: string, lang: Lang = "fi"): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(iso);
  if (!m) return iso;
  const [, y, mo, d] = m;
  if (lang === "en") return `${+d} ${MONTHS.en[+mo - 1]} ${y}`;
  return `${+d}.${+mo}.${y}`;
}

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

/**
 * Decimals of a value in its unit (catalogue `unit`), for values and changes
 * alike: shares (as percentages) and rates one, scores on a scale two, NPS,
 * counts and euros none. The XLSX number formats take theirs from here too.
 */
export function unitDigits(unit: string): number {
  switch (unit) {
    case "nps":
    case "count":
    case "eur":
      return 0;
    case "mean_1_5":
    case "mean_0_10":
      return 2;
    default:
      return 1;
  }
}

/** An indicator value in its unit (catalogue `unit`): share, nps, mean_1_5, mean_0_10, count, days, eur, per-person-year rates. */
export function formatValue(value: number, { unit, lang = "fi" }: ValueFormatOptions): string {
  const digits = unitDigits(unit);
  switch (unit) {
    case "share":
      return formatPercent(value, digits, lang);
    case "days":
      return `${formatNumber(value, digits, lang)}${lang === "en" ? " " : NNBSP}${unitWord(unit, lang)}`;
    case "eur":
      return `${formatNumber(value, digits, lang)}${NNBSP}${unitWord(unit, lang)}`;
    default:
      return formatNumber(value, digits, lang);
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
// Helpers on top of the formats above: unit words, targets, ticks, changes,
// cells, timestamps and programme dates.

const UNIT_WORD: Record<Lang, Record<string, string>> = {
  fi: { days_per_person_year: "pv/htv", per_100_person_years: "/100 htv", visits_per_person_year: "käyntiä/htv", days: "vrk", eur: "€" },
  sv: { days_per_person_year: "d/årsv.", per_100_person_years: "/100 årsv.", visits_per_person_year: "besök/årsv.", days: "dygn", eur: "€" },
  en: { days_per_person_year: "days/PY", per_100_person_years: "/100 PY", visits_per_person_year: "visits/PY", days: "days", eur: "€" },
};

/** The short unit word written after a value in tables and captions ("vrk", "pv/htv"); empty for shares, scores and counts. */
export function unitWord(unit: string, lang: Lang = "fi"): string {
  return UNIT_WORD[lang][unit] ?? "";
}

const POINTS: Record<Lang, string> = { fi: "%-yks.", sv: "procentenheter", en: "pp" };

/** The word after a change: percentage points for shares ("%-yks."), the unit word otherwise; empty for scores and counts. */
export function changeWord(unit: string, lang: Lang = "fi"): string {
  return unit === "share" ? POINTS[lang] : unitWord(unit, lang);
}

/** A value with its unit word where formatValue leaves it out: 12.3 days per person-year → "12,3 pv/htv". */
export function formatValueWithUnit(value: number, unit: string, lang: Lang = "fi"): string {
  const text = formatValue(value, { unit, lang });
  if (unit === "days" || unit === "eur" || unit === "share") return text;
  const word = unitWord(unit, lang);
  return word ? `${text}${NNBSP}${word}` : text;
}

/** A target value with its direction, kept on one line: "≥ 75,0 %", "≤ 7,0 vrk" (a no-break space after the sign). */
export function formatTargetValue(target: { op: ">=" | "<="; value: number }, unit: string, lang: Lang = "fi"): string {
  return `${target.op === ">=" ? "≥" : "≤"}\u00A0${formatValueWithUnit(target.value, unit, lang)}`;
}

/** The step between adjacent ticks, without floating-point noise (0.30000000000000004 − 0.2 → 0.1); 0 for fewer than two ticks. */
function tickStep(ticks: readonly number[]): number {
  let step = Infinity;
  for (let i = 1; i < ticks.length; i++) {
    const d = Math.abs(ticks[i] - ticks[i - 1]);
    if (d > 0 && d < step) step = d;
  }
  return Number.isFinite(step) ? +step.toPrecision(12) : 0;
}

/**
 * The labels of an axis's ticks: as many decimals as the step between the
 * ticks needs (d3-format's precisionFixed), so two ticks never read the same
 * ("8,1" twice, "52 %" twice); shares as percentages. A lone tick keeps whole
 * percentages, or at most one decimal below 10.
 */
export function tickFormat(ticks: readonly number[], unit: string, lang: Lang = "fi"): (value: number) => string {
  const step = tickStep(ticks);
  if (unit === "share") {
    const digits = step ? precisionFixed(+(step * 100).toPrecision(12)) : 0;
    return (v) => formatPercent(v, digits, lang);
  }
  if (step) {
    const digits = precisionFixed(step);
    return (v) => formatNumber(v, digits, lang);
  }
  return (v) => formatNumber(v, Math.abs(v) >= 10 || Number.isInteger(v) ? 0 : 1, lang);
}

/** A month tick on a time axis the Finnish way: January as the year (2021), other months as 7/2021 (never month names). */
export function formatMonthTick(d: Date): string {
  return d.getUTCMonth() === 0 ? String(d.getUTCFullYear()) : `${d.getUTCMonth() + 1}/${d.getUTCFullYear()}`;
}

/**
 * A value as the reader sees it: rounded to the decimals formatValue shows
 * (a share to its shown percentage: 0.5234 → 0.523). A change shown beside
 * two values is the difference of these, so the shown numbers add up: −3
 * against a baseline of −1 reads −2, even when the unrounded values differ by
 * 2.4.
 */
export function displayedValue(value: number, unit: string): number {
  const digits = unitDigits(unit);
  return unit === "share" ? roundDecimal(value * 100, digits) / 100 : roundDecimal(value, digits);
}

/** The change from `from` to `to` as their shown values differ (displayedValue); a share's in shares, formatted by formatChange. */
export function displayedChange(to: number, from: number, unit: string): number {
  return displayedValue(to, unit) - displayedValue(from, unit);
}

/** A change: shares in percentage points ("+2,3 %-yks."), other units in their own ("−1,5 vrk"); zero has no sign. */
export function formatChange(delta: number, unit: string, lang: Lang = "fi"): string {
  const digits = unitDigits(unit);
  const x = unit === "share" ? delta * 100 : delta;
  const factor = 10 ** digits;
  const rounded = Math.round(x * factor) / factor;
  const body = formatNumber(Math.abs(rounded), digits, lang);
  const sign = rounded > 0 ? "+" : rounded < 0 ? (lang === "en" ? "-" : "\u2212") : "±";
  const word = changeWord(unit, lang);
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
