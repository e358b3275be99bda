// Finnish local dates and the four period types, on plain strings.

export type PeriodType = "month" | "quarter" | "half" | "year";
export const PERIOD_TYPES: PeriodType[] = ["month", "quarter", "half", "year"];

const helsinki = new Intl.DateTimeFormat("en-CA", {
  timeZone: "Europe/Helsinki",
  year: "numeric", month: "2-digit", day: "2-digit",
  hour: "2-digit", minute: "2-digit", second: "2-digit", hourCycle: "h23",
});

/**
 * A timestamp as Finnish local time "YYYY-MM-DDTHH:MM:SS(.fff)". Without an
 * offset the text already is local time; with one (Z or ±HH[:MM]) it is
 * converted to Europe/Helsinki.
 */
export function localTimestamp(text: string): string {
  const s = text.trim().replace(" ", "T");
  const m = /^(\d{4}-\d{2}-\d{2})(?:T(\d{2}):(\d{2})(?::(\d{2})(\.\d+)?)?)?(Z|[+-]\d{2}(?::?\d{2})?)?$/.exec(s);
  if (!m) throw new Error(`not a timestamp: ${text}`);
  const [, date, hh = "00", mi = "00", ss = "00", frac = "", zone] = m;
  if (!zone) return `${date}T${hh}:${mi}:${ss}${frac}`;
  const instant = new Date(`${date}T${hh}:${mi}:${ss}${frac}${zone === "Z" ? "Z" : zone.length === 3 ? zone + ":00" : zone.includes(":") ? zone : zone.slice(0, 3) + ":" + zone.slice(3)}`);
  const parts = Object.fromEntries(helsinki.formatToParts(instant).map((p) => [p.type, p.value]));
  return `${parts.year}-${parts.month}-${parts.day}T${parts.hour}:${parts.minute}:${parts.second}${frac}`;
}

/** The local date (YYYY-MM-DD) of a local timestamp or date. */
export const dateOf = (localTs: string): string => localTs.slice(0, 10);

function dayNumber(date: string): number {
  const [y, m, d] = date.split("-").map(Number);
  return Date.UTC(y, m - 1, d) / 86_400_000;
}

/** Calendar days from the earlier date to the later one: date(later) − date(earlier). */
export const daysBetween = (earlier: string, later: string): number => dayNumber(dateOf(later)) - dayNumber(dateOf(earlier));

export function periodOf(type: PeriodType, date: string): string {
  const y = date.slice(0, 4);
  const m = Number(date.slice(5, 7));
  switch (type) {
    case "month": return date.slice(0, 7);
    case "quarter": return `${y}Q${Math.ceil(m / 3)}`;
    case "half": return `${y}H${m <= 6 ? 1 : 2}`;
    case "year": return y;
  }
}

export const periodsOf = (date: string): [PeriodType, string][] => PERIOD_TYPES.map((t) => [t, periodOf(t, date)]);

/** The last calendar day of a period, YYYY-MM-DD. */
export function lastDayOf(type: PeriodType, period: string): string {
  const y = Number(period.slice(0, 4));
  let lastMonth: number;
  switch (type) {
    case "month": lastMonth = Number(period.slice(5, 7)); break;
    case "quarter": lastMonth = Number(period.slice(5)) * 3; break;
    case "half": lastMonth = period.endsWith("H1") ? 6 : 12; break;
    case "year": lastMonth = 12; break;
  }
  const day = new Date(Date.UTC(y, lastMonth, 0)).getUTCDate();
  return `${y}-${String(lastMonth).padStart(2, "0")}-${String(day).padStart(2, "0")}`;
}

/** Calendar year of a date. */
export const yearOf = (date: string): number => Number(date.slice(0, 4));
