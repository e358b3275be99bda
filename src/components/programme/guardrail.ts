// The quadruple-aim guardrail on the overview: the whole city and the units
// (in name order, never by value) where a headline indicator's monthly XmR
// chart shows a special-cause concern, with the dimension and the indicator,
// and which other dimensions improve meanwhile — the trade-off the programme
// rule forbids ("no dimension may worsen significantly").
import { scrollBox, tableHead } from "../../lib/tables/a11y.js";
import { formatPeriod, type Lang } from "../../lib/format.js";
import { t } from "../../lib/i18n.js";
import type { GuardrailScope } from "../../lib/analysis/status.js";
import { variationText } from "../charts/xmr-chart-text.js";
import { svgEl } from "../charts/svg.js";
import { type DownloadSource, tableDownloads } from "../site/downloads.js";

export interface GuardrailOptions {
  /** The month the series were read up to. */
  month: string;
  /** Scopes in display order: "ALL" first, then units by name. */
  order: readonly string[];
  scopeName: (scope: string) => string;
  scopeHref?: (scope: string) => string | null;
  dimensionName: (id: string) => string;
  indicatorName: (id: string) => string;
  /** With the extract's manifest, "Lataa: CSV" under the table. */
  downloads?: DownloadSource;
  lang?: Lang;
  document?: Document;
}

/** More rows than this fold into a <details>. */
export const LONG_LIST = 12;

/** A small orange square: the shape of a special-cause concern in the XmR charts. */
function concernMark(doc: Document): SVGSVGElement {
  return svgEl(doc, "svg", { width: 10, height: 10, viewBox: "0 0 10 10", "aria-hidden": "true", class: "concern-mark" }, svgEl(doc, "rect", { x: 1, y: 1, width: 8, height: 8, fill: "#d55e00" }));
}

/** The scopes with a concern, in the given order, as a table; a sentence when there is none. */
export function guardrailTable(scopes: readonly GuardrailScope[], o: GuardrailOptions): HTMLElement {
  const lang = o.lang ?? "fi";
  const doc = o.document ?? document;
  const byScope = new Map(scopes.map((s) => [s.scope, s]));
  const flagged = o.order.map((id) => byScope.get(id)).filter((s): s is GuardrailScope => !!s && s.concerns.length > 0);
  const wrapper = doc.createElement("div");
  wrapper.className = "guardrail";
  wrapper.dataset.month = o.month;
  wrapper.dataset.flagged = flagged.map((s) => s.scope).join(" ");
  const summary = doc.createElement("p");
  summary.className = "guardrail-summary";
  const units = flagged.filter((s) => s.scope !== "ALL");
  const city = flagged.find((s) => s.scope === "ALL");
  summary.textContent = flagged.length
    ? [
        city ? t(lang, city.tradeoff ? "guardrailCityTradeoff" : "guardrailCityConcern", { dimensions: [...new Set(city.concerns.map((c) => o.dimensionName(c.dimension)))].join(", ") }) : t(lang, "guardrailCityNone"),
        t(lang, "guardrailUnitCount", { count: units.length, tradeoffs: units.filter((s) => s.tradeoff).length, assessed: scopes.filter((s) => s.scope !== "ALL").length }),
      ].join(" ")
    : t(lang, "guardrailNone", { month: formatPeriod(o.month, lang) });
  wrapper.append(summary);
  if (!flagged.length) return wrapper;
  // How many units per dimension, so a long list still reads at a glance.
  const perDimension = new Map<string, number>();
  for (const s of units) for (const d of new Set(s.concerns.map((c) => c.dimension))) perDimension.set(d, (perDimension.get(d) ?? 0) + 1);
  if (perDimension.size) {
    const counts = doc.createElement("p");
    counts.className = "guardrail-counts";
    counts.textContent = t(lang, "guardrailByDimension", { list: [...perDimension].map(([d, n]) => `${o.dimensionName(d)} ${n}`).join(", ") });
    wrapper.append(counts);
  }

  const table = doc.createElement("table");
  table.className = "figure-table guardrail-table";
  const caption = doc.createElement("caption");
  caption.textContent = t(lang, "guardrailCaption", { month: formatPeriod(o.month, lang) });
  table.append(caption);
  const thead = tableHead([t(lang, "unit"), t(lang, "guardrailConcern"), t(lang, "guardrailMeanwhile")], doc);
  const tbody = doc.createElement("tbody");
  for (const s of flagged) {
    const tr = doc.createElement("tr");
    tr.dataset.guardrailScope = s.scope;
    tr.dataset.tradeoff = String(s.tradeoff);
    tr.dataset.concernDimensions = [...new Set(s.concerns.map((c) => c.dimension))].join(" ");
    tr.dataset.concernIndicators = s.concerns.map((c) => c.indicator).join(" ");
    const name = doc.createElement("th");
    name.scope = "row";
    const href = o.scopeHref?.(s.scope);
    if (href) {
      const a = doc.createElement("a");
      a.href = href;
      a.textContent = o.scopeName(s.scope);
      name.append(a);
    } else name.textContent = o.scopeName(s.scope);
    const concerns = doc.createElement("td");
    const list = doc.createElement("ul");
    list.className = "plain-list";
    for (const c of s.concerns) {
      const li = doc.createElement("li");
      li.dataset.concernDimension = c.dimension;
      li.dataset.concernIndicator = c.indicator;
      const strong = doc.createElement("strong");
      strong.textContent = o.dimensionName(c.dimension);
      li.append(concernMark(doc), " ", strong, `: ${o.indicatorName(c.indicator)} (${t(lang, c.icon.endsWith("high") ? "spcSideHigh" : "spcSideLow")})`);
      li.title = variationText(c.icon, lang);
      list.append(li);
    }
    concerns.append(list);
    const meanwhile = doc.createElement("td");
    if (s.tradeoff) {
      const warn = doc.createElement("strong");
      warn.className = "guardrail-tradeoff";
      warn.textContent = `⚠ ${s.improvingElsewhere.map(o.dimensionName).join(", ")}`;
      meanwhile.append(warn, ` ${t(lang, "guardrailImproves")}`);
    } else meanwhile.textContent = "–";
    tr.append(name, concerns, meanwhile);
    tbody.append(tr);
  }
  table.append(thead, tbody);
  // A long list folds away behind its summary (the counts above say what is in it).
  if (flagged.length > LONG_LIST) {
    const details = doc.createElement("details");
    details.className = "guardrail-details";
    const s = doc.createElement("summary");
    s.textContent = t(lang, "guardrailShowUnits", { count: flagged.length });
    details.append(s, scrollBox(table, caption.textContent ?? "", doc));
    wrapper.append(details);
  } else wrapper.append(scrollBox(table, caption.textContent ?? "", doc));
  if (o.downloads) wrapper.append(tableDownloads(table, { manifest: o.downloads, lang, document: doc }));
  return wrapper;
}
