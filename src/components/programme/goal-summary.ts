// "Are we on target?" in words: how many goals are met (lib/analysis/goals.ts) — overall
// and per quadruple-aim dimension — and the period's best and worst movers
// against the previous period (lib/analysis/movers.ts). The counts never fold the not
// known into met or missed: they are named apart.
import { formatChange, formatPeriod, type Lang } from "../../lib/format.js";
import { t } from "../../lib/i18n.js";
import type { GoalCount } from "../../lib/analysis/goals.js";
import type { Mover } from "../../lib/analysis/movers.js";
import { changeArrow } from "./status.js";

/** "4 / 7 tavoitetta saavutettu · 2 ei tiedossa": met of those known, then the not known. */
export function goalCountText(count: GoalCount, lang: Lang): string {
  const main = t(lang, "goalsMet", { met: count.met, known: count.met + count.missed });
  return count.unknown ? `${main} · ${t(lang, "goalsUnknown", { count: count.unknown })}` : main;
}

/** The count as a paragraph, its numbers in data-goals-* attributes. */
export function goalCountLine(count: GoalCount, o: { lang?: Lang; document?: Document; prefix?: string } = {}): HTMLParagraphElement {
  const doc = o.document ?? document;
  const p = doc.createElement("p");
  p.className = "goal-count";
  p.dataset.goalsMet = String(count.met);
  p.dataset.goalsKnown = String(count.met + count.missed);
  p.dataset.goalsUnknown = String(count.unknown);
  if (o.prefix) p.append(`${o.prefix} `);
  const strong = doc.createElement("strong");
  strong.textContent = goalCountText(count, o.lang ?? "fi");
  p.append(strong);
  return p;
}

export interface GoalSummaryOptions {
  count: GoalCount;
  period: string;
  movers: { best: readonly Mover[]; worst: readonly Mover[] };
  indicatorName: (id: string) => string;
  /** The catalogue unit of measure of an indicator, for formatting its change. */
  measureOf: (id: string) => string;
  /** The units table (the units index at the same period). */
  unitsHref?: string;
  lang?: Lang;
  document?: Document;
}

/** The overall count, the movers and a link to the units table. */
export function goalSummary(o: GoalSummaryOptions): HTMLElement {
  const doc = o.document ?? document;
  const lang = o.lang ?? "fi";
  const box = doc.createElement("div");
  box.className = "goal-summary";
  box.append(goalCountLine(o.count, { lang, document: doc, prefix: t(lang, "goalsPeriod", { period: formatPeriod(o.period, lang) }) }));
  // The arrow is the change's sign (a cost that fell is among the best, ▼); better or worse is the line's words.
  const list = (movers: readonly Mover[]) =>
    movers.map((m) => {
      const arrow = changeArrow(m.change);
      return `${o.indicatorName(m.id)} (${arrow ? arrow + " " : ""}${formatChange(m.change, o.measureOf(m.id), lang)})`;
    }).join("; ");
  const moves = doc.createElement("p");
  moves.className = "movers";
  moves.dataset.best = o.movers.best.map((m) => m.id).join(" ");
  moves.dataset.worst = o.movers.worst.map((m) => m.id).join(" ");
  const lines = [
    o.movers.best.length ? t(lang, "moversBest", { list: list(o.movers.best) }) : "",
    o.movers.worst.length ? t(lang, "moversWorst", { list: list(o.movers.worst) }) : "",
  ].filter(Boolean);
  moves.textContent = lines.length ? lines.join(" ") : t(lang, "moversNone");
  box.append(moves);
  const note = doc.createElement("p");
  note.className = "muted small";
  note.textContent = `${t(lang, "goalsNote")} ${t(lang, "moversNote")}`;
  box.append(note);
  if (o.unitsHref) {
    const p = doc.createElement("p");
    const a = doc.createElement("a");
    a.href = o.unitsHref;
    a.dataset.unitsTableLink = "";
    a.textContent = `${t(lang, "unitsAtGlance")} →`;
    p.append(a);
    box.append(p);
  }
  return box;
}
