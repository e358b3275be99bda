// "Muutokset edellisestä poiminnasta": what changed since the previous extract
// (changes.json, loaders/publish/extract-changes.ts) in a few lines — the two dates,
// new periods, revised figures (the largest, old → new as the site shows
// them), cells newly withheld or published, headline targets newly met or
// missed — or that there is nothing to compare with. Pure: the data comes in.
import type { ExtractChanges, Revision } from "../../lib/page-data/extract-changes.js";
import { formatDate, formatPeriod, formatValueWithUnit, type Lang } from "../../lib/format.js";
import { codeLabel, t } from "../../lib/i18n.js";

export interface ExtractChangesOptions {
  indicatorName: (id: string) => string;
  /** A unit's name ("ALL": the whole city). */
  scopeName: (unitId: string) => string;
  lang?: Lang;
  document?: Document;
  /** At most this many periods and indicators named in a line; the rest counted. */
  listMax?: number;
}

/** Items joined by ", ", the ones past `max` counted ("ja 3 muuta"). */
function listOf(items: readonly string[], max: number, lang: Lang): string {
  const shown = items.slice(0, max).join(", ");
  return items.length > max ? `${shown} ${t(lang, "changesMore", { count: items.length - max })}` : shown;
}

/** "Hoitotakuu, Koko kaupunki, Q2/2026: 57,3 % → 58,1 %"; a breakdown value named after the scope. */
export function revisionText(r: Revision, o: Pick<ExtractChangesOptions, "indicatorName" | "scopeName"> & { lang: Lang }): string {
  const scope = [o.scopeName(r.unit_id), r.breakdown_value === "ALL" ? "" : codeLabel(r.breakdown_value, o.lang)].filter(Boolean).join(", ");
  const value = (x: number) => formatValueWithUnit(x, r.measure, o.lang);
  return `${o.indicatorName(r.indicator_id)}, ${scope}, ${formatPeriod(r.period, o.lang)}: ${value(r.old)} → ${value(r.new)}`;
}

export function extractChanges(changes: ExtractChanges, o: ExtractChangesOptions): HTMLElement {
  const doc = o.document ?? document;
  const lang = o.lang ?? "fi";
  const max = o.listMax ?? 8;
  const el = <K extends keyof HTMLElementTagNameMap>(tag: K, text?: string, className?: string) => {
    const e = doc.createElement(tag);
    if (text !== undefined) e.textContent = text;
    if (className) e.className = className;
    return e;
  };
  const section = el("section", undefined, "extract-changes");
  section.setAttribute("aria-labelledby", "extract-changes-title");
  const h2 = el("h2", t(lang, "changesTitle"));
  h2.id = "extract-changes-title";
  section.append(h2);
  const previous = changes.previous;
  section.dataset.changes = previous ? "compared" : "none";
  if (!previous) {
    section.append(el("p", t(lang, "changesNone")));
    return section;
  }
  const current = changes.current.extracted_at ? formatDate(changes.current.extracted_at, lang) : "–";
  section.append(el("p", previous.extracted_at ? t(lang, "changesCompared", { previous: formatDate(previous.extracted_at, lang), current }) : t(lang, "changesComparedUndated", { current })));
  const ul = el("ul");
  const line = (key: string, text: string, extra?: Node) => {
    const li = el("li", text);
    li.dataset.change = key;
    if (extra) li.append(extra);
    ul.append(li);
  };
  const periods = changes.newPeriods.map((p) => formatPeriod(p.period, lang));
  line("new-periods", periods.length ? t(lang, "changesNewPeriods", { periods: listOf(periods, max, lang) }) : t(lang, "changesNoNewPeriods"));
  if (changes.revised.count) {
    const list = el("ul");
    for (const r of changes.revised.largest) list.append(el("li", revisionText(r, { ...o, lang })));
    line("revised", t(lang, "changesRevised", { count: changes.revised.count }), list);
  } else line("revised", t(lang, "changesNoRevisions"));
  const names = (ids: readonly string[]) => listOf(ids.map(o.indicatorName), max, lang);
  if (changes.newlyWithheld.count) line("newly-withheld", t(lang, "changesWithheld", { count: changes.newlyWithheld.count, indicators: names(changes.newlyWithheld.indicators) }));
  if (changes.newlyPublished.count) line("newly-published", t(lang, "changesReleased", { count: changes.newlyPublished.count, indicators: names(changes.newlyPublished.indicators) }));
  const targets = (list: readonly Revision[]) => list.map((r) => revisionText(r, { ...o, lang })).join("; ");
  if (changes.targets.met.length) line("targets-met", t(lang, "changesTargetsMet", { list: targets(changes.targets.met) }));
  if (changes.targets.missed.length) line("targets-missed", t(lang, "changesTargetsMissed", { list: targets(changes.targets.missed) }));
  section.append(ul, el("p", t(lang, "changesNote"), "muted small"));
  return section;
}
