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

/** What a suppressed cell reads as: "< 5" (the threshold), never 0 or a gap. */
export function formatSuppressed(threshold: number | null, lang: Lang = "fi"): string {
  return threshold ? `<${NNBSP}${threshold}` : lang === "en" ? "suppressed" : lang === "sv" ? "skyddad" : "suojattu";
}
