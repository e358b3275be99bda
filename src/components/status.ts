// A cell's status in words and symbols: its verdict (the monthly SPC chart at
// the period's end) and its comparisons (95 % intervals) with the previous
// period, the baseline and — for a unit — the whole city. The statuses come
// from the loaders (lib/statuses.ts); this only says them. Never by colour
// alone: every outcome has its symbol and its words.
import type { Lang } from "../lib/format.js";
import { t, type StringKey } from "../lib/i18n.js";
import type { CellStatus, Verdict } from "../lib/statuses.js";
import type { Outcome } from "../lib/stats/compare.js";

/** A symbol for each outcome. */
export const OUTCOME_SYMBOL: Record<Outcome, string> = { better: "▲", worse: "▼", similar: "●", higher: "↑", lower: "↓", "not-compared": "" };
/** The words for each outcome. */
export const OUTCOME_KEY: Record<Outcome, StringKey> = { better: "better", worse: "worse", similar: "similar", higher: "outcomeHigher", lower: "outcomeLower", "not-compared": "notCompared" };

/** The words of a verdict (null: not assessed). */
export function verdictKey(v: Verdict | null | undefined): StringKey {
  return v === "improving" ? "improving" : v === "worsening" ? "worsening" : v === "stable" ? "stable" : v === "changed" ? "changedVerdict" : "noVerdict";
}

/** An outcome as text: "▲ parempi", "● samaa tasoa", "ei verrattavissa". */
export function outcomeText(outcome: Outcome | null | undefined, lang: Lang): string {
  const o = outcome ?? "not-compared";
  return `${OUTCOME_SYMBOL[o] ? `${OUTCOME_SYMBOL[o]} ` : ""}${t(lang, OUTCOME_KEY[o])}`;
}

/** A verdict as text: "Paranee", "Ei merkittävää muutosta", "Ei arvioitavissa". */
export function verdictText(v: Verdict | null | undefined, lang: Lang): string {
  return t(lang, verdictKey(v));
}

/**
 * One line under an indicator: the verdict at the period's end and the
 * comparisons with the previous period and the baseline (and the whole city
 * when `city` is set: a unit's figure). Data attributes carry the codes.
 */
export function statusLine(status: CellStatus | null | undefined, o: { lang?: Lang; city?: boolean; document?: Document } = {}): HTMLElement {
  const doc = o.document ?? document;
  const lang = o.lang ?? "fi";
  const p = doc.createElement("p");
  p.className = `status-line verdict-${status?.verdict ?? "none"}`;
  p.dataset.verdict = status?.verdict ?? "none";
  p.dataset.vsPrevious = status?.vsPrevious ?? "not-compared";
  p.dataset.vsBaseline = status?.vsBaseline ?? "not-compared";
  if (o.city) p.dataset.vsCity = status?.vsCity ?? "not-compared";
  const part = (label: string, text: string, strong = false) => {
    const span = doc.createElement("span");
    span.className = "status-part";
    span.append(`${label}: `);
    const value = doc.createElement(strong ? "strong" : "span");
    value.textContent = text;
    span.append(value);
    return span;
  };
  const parts = [
    part(t(lang, "statusColumn"), verdictText(status?.verdict, lang), true),
    part(t(lang, "vsPrevious"), outcomeText(status?.vsPrevious, lang)),
    part(t(lang, "vsBaseline"), outcomeText(status?.vsBaseline, lang)),
  ];
  if (o.city) parts.push(part(t(lang, "vsCity"), outcomeText(status?.vsCity, lang)));
  parts.forEach((x, i) => p.append(...(i ? [" · ", x] : [x])));
  return p;
}
