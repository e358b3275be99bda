// The self-assessment as an HTML fragment for the site's page
// (src/self-assessment/[period].md.ts), in one language. The fragment is
// inserted into Framework Markdown, so it has no blank lines (a blank line
// would end the HTML block) and every "$" is written as an entity (Framework
// would read "${" as code). Texts from outside (narratives, names) are escaped.
import { chartSvg } from "./chart.ts";
import type { Inline } from "./markdown.ts";
import { exportNumber, formatPeriod } from "../../src/lib/format.ts";
import type { Figure, GoalSection, IndicatorBlock, Narrative, SelfAssessment } from "./model.ts";
import {
  anyWithheld, definitionText, figureText, headerLines, indicatorColumns, indicatorRowsText, measureText, noteLines,
  periodText, reportTitle, summaryLines, type FigureText, type Lang, withheldLegend,
} from "./present.ts";
import { LANGS } from "./names.ts";
import { s } from "./strings.ts";

export function escapeHtml(text: string): string {
  return text
    .replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F]/g, "")
    .replace(/[&<>"'$`]/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;", $: "&#36;", "`": "&#96;" })[c]!)
    .replace(/\s*\n\s*/g, " ");
}

const e = escapeHtml;

function inline(content: readonly Inline[]): string {
  return content
    .map((c) => {
      let h = e(c.text);
      if (c.code) h = `<code>${h}</code>`;
      if (c.italic) h = `<em>${h}</em>`;
      if (c.bold) h = `<strong>${h}</strong>`;
      if (c.href) h = `<a href="${e(c.href)}" rel="noopener noreferrer" target="_blank">${h}</a>`;
      return h;
    })
    .join("");
}

function narrativeHtml(n: Narrative, lang: Lang): string {
  // The documents say only that no assessment is recorded; where to write it is said here, on the office's page.
  if (n.status === "missing") return `<p class="sa-missing">${e(s(lang, "narrativeMissing"))}</p><p class="sa-office"><small>${e(s(lang, "narrativeWhere", { path: n.path }))}</small></p>`;
  const parts = n.example ? [`<p class="sa-example">${e(s(lang, "example"))}</p>`] : [];
  for (const b of n.blocks) {
    if (b.type === "heading") parts.push(`<h4>${inline(b.content)}</h4>`);
    else if (b.type === "paragraph") parts.push(`<p>${inline(b.content)}</p>`);
    else {
      const tag = b.ordered ? "ol" : "ul";
      parts.push(`<${tag}>${b.items.map((item) => `<li>${inline(item)}</li>`).join("")}</${tag}>`);
    }
  }
  return `<div class="sa-narrative${n.example ? " sa-is-example" : ""}">${parts.join("\n")}</div>`;
}

/**
 * A figure: its value, and the absolute numbers below it. In the Finnish
 * version the value carries the cell's key and state (data-indicator,
 * data-period, data-unit, data-breakdown-value, data-state, data-value as in
 * the export), the same as the other pages, so the site's browser test can
 * check it against the indicator export.
 */
function fig(text: FigureText, f: Figure, block: IndicatorBlock, breakdownValue: string, lang: Lang): string {
  // A withheld figure shows ".." but is read out as words ("piilotettu tietosuojan vuoksi").
  const hidden = f.state === "suppressed" ? ' aria-hidden="true"' : "";
  const spoken = f.state === "suppressed" ? `<span class="visually-hidden">${e(spokenSuppressed(lang))}</span>` : "";
  const value = lang === "fi"
    ? `<span data-indicator="${e(block.id)}" data-period="${f.period}" data-unit="ALL" data-breakdown-value="${e(breakdownValue)}" data-state="${f.state}"${f.state === "value" ? ` data-value="${exportNumber(f.value)}"` : ""}${hidden}>${e(text.value)}</span>`
    : hidden ? `<span${hidden}>${e(text.value)}</span>` : e(text.value);
  return `${value}${spoken}${text.counts ? `<br><small>${e(text.counts)}</small>` : ""}`;
}

/** How a withheld figure is read out: "piilotettu tietosuojan vuoksi" (never "alle 5": a partner cell may be large). */
export function spokenSuppressed(lang: Lang): string {
  return s(lang, "suppressedSpoken");
}

/** A table that may be wider than the screen: it scrolls in its own box, which a keyboard can focus and a screen reader names. */
function scrollBox(label: string, table: string): string {
  return `<div class="sa-scroll" tabindex="0" role="region" aria-label="${e(label)}">${table}</div>`;
}

/** The message of a chart in words: the value of the half-year, the target and the SPC signal. */
function chartMessage(m: SelfAssessment, block: IndicatorBlock, lang: Lang): string {
  const total = indicatorRowsText(block, lang)[0];
  if (!total || !block.hasData) return `${block.name[lang]}: ${s(lang, "noIndicatorData")}.`;
  const current = block.rows[0].current.state === "suppressed" ? spokenSuppressed(lang) : total.current.value;
  return s(lang, "chartMessage", { name: block.name[lang], period: periodText(m.period, lang), value: current, target: total.target, spc: total.spc });
}

/** The chart's figures as a table: each month and half-year, withheld ones read as withheld. */
function chartTable(m: SelfAssessment, block: IndicatorBlock, lang: Lang): string {
  const name = block.name[lang];
  const cell = (f: Figure) => {
    const text = figureText(f, block.unit, lang);
    return f.state === "suppressed" ? `<span aria-hidden="true">${e(text)}</span><span class="visually-hidden">${e(spokenSuppressed(lang))}</span>` : e(text);
  };
  const rows = [
    ...block.chart.halves.map((f) => `<tr><th scope="row">${e(periodText(f.period, lang))}</th><td class="sa-num">${cell(f)}</td></tr>`),
    ...block.chart.months.map((f) => `<tr><th scope="row">${e(formatPeriod(f.period, lang))}</th><td class="sa-num">${cell(f)}</td></tr>`),
  ];
  const table = `<table class="sa-table"><caption>${e(s(lang, "chartTableCaption", { name }))}</caption><thead><tr><th scope="col">${e(s(lang, "periods"))}</th><th scope="col">${e(s(lang, "value"))}</th></tr></thead><tbody>${rows.join("")}</tbody>${anyWithheld([block]) ? `<tfoot><tr><td colspan="2"><small>${e(withheldLegend(lang))}</small></td></tr></tfoot>` : ""}</table>`;
  return `<details class="sa-chart-data"><summary>${e(s(lang, "chartTable"))}</summary>${scrollBox(s(lang, "chartTableCaption", { name }), table)}</details>`;
}

/** The summary at the top of a goal's section; the goal count's numbers in data-goals-* as on the overview. */
function summaryHtml(m: SelfAssessment, g: GoalSection, lang: Lang): string {
  const c = g.summary.goals;
  const items = summaryLines(m, g, lang).map((l) => `<li data-summary="${l.kind}">${l.kind === "goals" ? `<strong>${e(l.text)}</strong>` : e(l.text)}</li>`);
  return `<div class="sa-summary" data-goals-met="${c.met}" data-goals-known="${c.met + c.missed}" data-goals-unknown="${c.unknown}"><h3>${e(s(lang, "summary"))}</h3><ul>${items.join("")}</ul><p class="sa-meta"><small>${e(s(lang, "summaryGoalsNote"))}</small></p></div>`;
}

function goalHtml(m: SelfAssessment, g: GoalSection, lang: Lang): string {
  const out: string[] = [
    `<section class="sa-goal" id="${g.id}-${lang}">`,
    `<h2>${e(`${g.id} ${g.name[lang]}`)}</h2>`,
    `<p class="sa-desc">${e(g.description[lang])}</p>`,
    summaryHtml(m, g, lang),
    `<h3>${e(s(lang, "narrative"))}</h3>`,
    narrativeHtml(g.narratives[lang], lang),
    `<h3>${e(s(lang, "measures"))}</h3>`,
  ];
  if (!g.measures.length) out.push(`<p>${e(s(lang, "noMeasures"))}</p>`);
  else {
    out.push(`<div class="sa-scroll" tabindex="0" role="region" aria-label="${e(`${g.id} ${s(lang, "measures")}`)}"><table class="sa-table sa-measures"><caption class="visually-hidden">${e(`${g.id} ${s(lang, "measures")}`)}</caption><thead><tr><th scope="col">${e(s(lang, "measure"))}</th><th scope="col">${e(s(lang, "status"))}</th><th scope="col">${e(s(lang, "reportedIn"))}</th><th scope="col">${e(s(lang, "start"))}</th></tr></thead><tbody>`);
    for (const row of g.measures) {
      const t = measureText(row, lang);
      out.push(`<tr${t.isPart ? ' class="sa-part"' : ""}><th scope="row">${e(t.name)}${t.relation ? `<br><small>${e(t.relation)}</small>` : ""}</th><td>${e(t.status)}</td><td>${e(t.source)}</td><td>${e(t.start)}</td></tr>`);
    }
    out.push(`</tbody></table></div>`);
  }
  out.push(`<h3>${e(s(lang, "indicators"))}</h3>`);
  if (!g.indicators.length) out.push(`<p>${e(s(lang, "noIndicators"))}</p>`);
  else {
    const c = indicatorColumns(m, lang);
    out.push(`<div class="sa-scroll" tabindex="0" role="region" aria-label="${e(`${g.id} ${s(lang, "indicators")}`)}"><table class="sa-table sa-indicators"><caption class="visually-hidden">${e(`${g.id} ${s(lang, "indicators")}`)}</caption><thead><tr>${[c.indicator, c.baseline, c.previous, c.current, c.target, c.changeFromBaseline, c.changeFromPrevious, c.spc, c.met].map((h) => `<th scope="col">${e(h)}</th>`).join("")}</tr></thead><tbody>`);
    for (const block of g.indicators) {
      const texts = indicatorRowsText(block, lang);
      block.rows.forEach((row, i) => {
        const r = texts[i];
        const label = r.isTotal ? `<strong>${e(r.label)}</strong>${block.hasData ? "" : `<br><small>${e(s(lang, "noIndicatorData"))}</small>`}` : e(r.label);
        out.push(
          `<tr class="${r.isTotal ? "sa-total" : "sa-breakdown"}"><th scope="row">${label}</th><td class="sa-num">${fig(r.baseline, row.baseline, block, r.breakdownValue, lang)}</td><td class="sa-num">${fig(r.previous, row.previous, block, r.breakdownValue, lang)}</td><td class="sa-num">${fig(r.current, row.current, block, r.breakdownValue, lang)}</td>` +
          `<td class="sa-num">${e(r.target)}</td><td class="sa-num">${e(r.changeFromBaseline)}${r.changeFromBaselineJudgement ? `<br><small>${e(r.changeFromBaselineJudgement)}</small>` : ""}</td>` +
          `<td class="sa-num">${e(r.changeFromPrevious)}${r.changeFromPreviousJudgement ? `<br><small>${e(r.changeFromPreviousJudgement)}</small>` : ""}</td>` +
          `<td>${e(r.spc)}${r.assurance ? `<br><small>${e(r.assurance)}</small>` : ""}</td><td>${e(r.met)}</td></tr>`,
        );
      });
    }
    out.push(`</tbody></table></div>`);
    if (anyWithheld(g.indicators)) out.push(`<p class="sa-legend"><small>${e(withheldLegend(lang))}</small></p>`);
    out.push(`<h3>${e(s(lang, "charts"))}</h3>`, `<div class="sa-charts">`);
    for (const block of g.indicators) {
      const name = block.name[lang];
      const svg = chartSvg(block.chart, { name, unit: block.unit, lang, period: m.period }).replaceAll("$", "&#36;");
      out.push(`<figure class="sa-chart">${svg}<figcaption>${e(chartMessage(m, block, lang))}</figcaption>${chartTable(m, block, lang)}</figure>`);
    }
    out.push(`</div>`);
  }
  out.push(`</section>`);
  return out.join("\n");
}

export interface ExportLink {
  lang: Lang;
  kind: "docx" | "xlsx" | "csv" | "data" | "workbook";
  href: string;
  fileName: string;
}

const LANG_NAMES: Record<Lang, string> = { fi: "Suomeksi", sv: "På svenska", en: "In English" };
/** A download's name in the page's language: the two CSV sets differ by purpose (Excel or calculation). */
const kindName = (kind: ExportLink["kind"], lang: Lang) =>
  kind === "docx" ? "Word (DOCX)" : kind === "xlsx" ? "Excel (XLSX)" : kind === "workbook" ? s(lang, "kindWorkbook") : s(lang, kind === "csv" ? "kindCsv" : "kindData");

/** The page of one half-year in one language. `links` are the downloads; `nav` the neighbouring half-years with data. */
export function renderHtml(m: SelfAssessment, lang: Lang, options: { links?: ExportLink[] } = {}): string {
  const out: string[] = [
    `<div class="sa" data-sa-lang="${lang}" lang="${lang}"${lang === "fi" ? "" : " hidden"}>`,
    `<h1>${e(reportTitle(m, lang))}</h1>`,
    `<p class="sa-sub">${e(m.programmeName[lang])}</p>`,
    ...headerLines(m, lang).map((l) => `<p class="sa-meta">${e(l)}</p>`),
  ];
  const i = m.halvesWithData.indexOf(m.period);
  const prev = m.halvesWithData[i - 1];
  const next = m.halvesWithData[i + 1];
  // Each page by its file (a plain static file server guesses neither ".html" nor a folder's index).
  const link = (period: string, text: string) => `<a href="./${period}.html" data-sa-keep-lang>${e(text)}</a>`;
  out.push(`<p class="sa-nav">${prev ? `${link(prev, `← ${periodText(prev, lang)}`)} · ` : ""}<a href="./index.html" data-sa-keep-lang>${e(s(lang, "indexTitle"))}</a>${next ? ` · ${link(next, `${periodText(next, lang)} →`)}` : ""}` +
    ` · ${(["fi", "sv", "en"] as Lang[]).filter((l) => l !== lang).map((l) => `<a href="./${m.period}.html" data-sa-switch="${l}" lang="${l}" hreflang="${l}">${LANG_NAMES[l]}</a>`).join(" · ")}</p>`);
  if (options.links?.length) {
    out.push(`<div class="sa-downloads"><h2 class="sa-downloads-title">${e(s(lang, "download"))}</h2><p><small>${e(s(lang, "downloadNote"))}</small></p><table class="sa-table"><caption class="visually-hidden">${e(s(lang, "download"))}</caption><tbody>`);
    for (const l of LANGS) {
      const row = options.links.filter((x) => x.lang === l);
      if (!row.length) continue;
      out.push(`<tr><th scope="row" lang="${l}">${LANG_NAMES[l]}</th>${row.map((x) => `<td><a href="${e(x.href)}" download="${e(x.fileName)}" hreflang="${l}">${e(kindName(x.kind, lang))}<span class="visually-hidden"> (${e(LANG_NAMES[l])})</span></a></td>`).join("")}</tr>`);
    }
    out.push(`</tbody></table>`);
    // What the office does with the fill-in workbook: said here only, never in the documents.
    if (options.links.some((x) => x.kind === "workbook")) out.push(`<p class="sa-office"><small>${e(s(lang, "officeWorkbook", { period: m.period }))}</small></p>`);
    out.push(`</div>`);
  }
  out.push(`<nav class="sa-toc" aria-label="${e(s(lang, "goals"))}">${m.goals.map((g) => `<a href="#${g.id}-${lang}">${e(`${g.id} ${g.shortName[lang]}`)}</a>`).join(" · ")}</nav>`);
  out.push(`<details class="sa-notes"><summary>${e(s(lang, "privacyThreshold"))} · SPC</summary>${noteLines(lang).map((l) => `<p>${e(l)}</p>`).join("")}</details>`);
  for (const g of m.goals) out.push(goalHtml(m, g, lang));
  out.push(`<details class="sa-defs"><summary>${e(s(lang, "definitions"))}</summary><div class="sa-scroll" tabindex="0" role="region" aria-label="${e(s(lang, "definitions"))}"><table class="sa-table"><caption class="visually-hidden">${e(s(lang, "definitions"))}</caption><thead><tr>` +
    [s(lang, "indicator"), s(lang, "definition"), s(lang, "unitOfMeasure"), s(lang, "direction"), s(lang, "targets"), s(lang, "privacyThreshold"), s(lang, "goals")].map((h) => `<th scope="col">${e(h)}</th>`).join("") +
    `</tr></thead><tbody>`);
  for (const d of m.definitions) {
    const t = definitionText(d, lang);
    out.push(`<tr><th scope="row"><strong>${e(t.name)}</strong><br><small>${e(t.id)}${t.breakdown ? ` · ${e(t.breakdown)}` : ""}</small></th><td>${e(t.definition)}</td><td>${e(t.unit)}</td><td>${e(t.direction)}</td><td>${e(t.targets)}</td><td>${e(t.threshold)}</td><td>${e(t.goals)}</td></tr>`);
  }
  out.push(`</tbody></table></div></details>`);
  out.push(`</div>`);
  return out.join("\n");
}
