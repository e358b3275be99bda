// The self-assessment as an HTML fragment for the site's page
// (src/self-assessment/[period].md.ts), in one language. The fragment is
// inserted into Framework Markdown, so it has no blank lines (a blank line
// would end the HTML block) and every "$" is written as an entity (Framework
// would read "${" as code). Texts from outside (narratives, names) are escaped.
import { chartSvg } from "./chart.ts";
import type { Inline } from "./markdown.ts";
import type { GoalSection, Narrative, SelfAssessment } from "./model.ts";
import {
  dateText, definitionText, headerLines, indicatorColumns, indicatorRowsText, measureText, noteLines,
  periodText, reportTitle, type FigureText, type Lang,
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
  if (n.status === "missing") return `<p class="sa-missing">${e(s(lang, "narrativeMissing", { path: n.path }))}</p>`;
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

const fig = (f: FigureText) => `${e(f.value)}${f.counts ? `<br><small>${e(f.counts)}</small>` : ""}`;

function goalHtml(m: SelfAssessment, g: GoalSection, lang: Lang): string {
  const out: string[] = [
    `<section class="sa-goal" id="${g.id}-${lang}">`,
    `<h2>${e(`${g.id} ${g.name[lang]}`)}</h2>`,
    `<p class="sa-desc">${e(g.description[lang])}</p>`,
    `<h3>${e(s(lang, "narrative"))}</h3>`,
    narrativeHtml(g.narratives[lang], lang),
    `<h3>${e(s(lang, "measures"))}</h3>`,
  ];
  if (!g.measures.length) out.push(`<p>${e(s(lang, "noMeasures"))}</p>`);
  else {
    out.push(`<table class="sa-table sa-measures"><thead><tr><th>${e(s(lang, "measure"))}</th><th>${e(s(lang, "status"))}</th><th>${e(s(lang, "reportedIn"))}</th><th>${e(s(lang, "start"))}</th></tr></thead><tbody>`);
    for (const row of g.measures) {
      const t = measureText(row, lang);
      out.push(`<tr${t.isPart ? ' class="sa-part"' : ""}><td>${e(t.name)}${t.relation ? `<br><small>${e(t.relation)}</small>` : ""}</td><td>${e(t.status)}</td><td>${e(t.source)}</td><td>${e(t.start)}</td></tr>`);
    }
    out.push(`</tbody></table>`);
  }
  out.push(`<h3>${e(s(lang, "indicators"))}</h3>`);
  if (!g.indicators.length) out.push(`<p>${e(s(lang, "noIndicators"))}</p>`);
  else {
    const c = indicatorColumns(m, lang);
    out.push(`<div class="sa-scroll"><table class="sa-table sa-indicators"><thead><tr>${[c.indicator, c.baseline, c.previous, c.current, c.target, c.changeFromBaseline, c.changeFromPrevious, c.spc, c.met].map((h) => `<th>${e(h)}</th>`).join("")}</tr></thead><tbody>`);
    for (const block of g.indicators) {
      for (const r of indicatorRowsText(block, lang)) {
        const label = r.isTotal ? `<strong>${e(r.label)}</strong>${block.hasData ? "" : `<br><small>${e(s(lang, "noIndicatorData"))}</small>`}` : e(r.label);
        out.push(
          `<tr class="${r.isTotal ? "sa-total" : "sa-breakdown"}"><td>${label}</td><td class="sa-num">${fig(r.baseline)}</td><td class="sa-num">${fig(r.previous)}</td><td class="sa-num">${fig(r.current)}</td>` +
          `<td class="sa-num">${e(r.target)}</td><td class="sa-num">${e(r.changeFromBaseline)}${r.changeFromBaselineJudgement ? `<br><small>${e(r.changeFromBaselineJudgement)}</small>` : ""}</td>` +
          `<td class="sa-num">${e(r.changeFromPrevious)}${r.changeFromPreviousJudgement ? `<br><small>${e(r.changeFromPreviousJudgement)}</small>` : ""}</td>` +
          `<td>${e(r.spc)}${r.assurance ? `<br><small>${e(r.assurance)}</small>` : ""}</td><td>${e(r.met)}</td></tr>`,
        );
      }
    }
    out.push(`</tbody></table></div>`);
    out.push(`<h3>${e(s(lang, "charts"))}</h3>`, `<div class="sa-charts">`);
    for (const block of g.indicators) {
      const name = block.name[lang];
      const svg = chartSvg(block.chart, { name, unit: block.unit, threshold: block.threshold, lang, period: m.period }).replaceAll("$", "&#36;");
      out.push(`<figure class="sa-chart">${svg}<figcaption>${e(name)}</figcaption></figure>`);
    }
    out.push(`</div>`);
  }
  out.push(`</section>`);
  return out.join("\n");
}

export interface ExportLink {
  lang: Lang;
  kind: "docx" | "xlsx" | "csv";
  href: string;
  fileName: string;
}

const LANG_NAMES: Record<Lang, string> = { fi: "Suomeksi", sv: "På svenska", en: "In English" };
const KIND_NAMES = { docx: "Word (DOCX)", xlsx: "Excel (XLSX)", csv: "CSV (ZIP)" };

/** The page of one half-year in one language. `links` are the downloads; `nav` the neighbouring half-years with data. */
export function renderHtml(m: SelfAssessment, lang: Lang, options: { links?: ExportLink[]; generatedOn?: string } = {}): string {
  const out: string[] = [
    `<div class="sa" data-sa-lang="${lang}" lang="${lang}"${lang === "fi" ? "" : " hidden"}>`,
    `<h1>${e(reportTitle(m, lang))}</h1>`,
    `<p class="sa-sub">${e(m.programmeName[lang])}</p>`,
    ...headerLines(m, lang).map((l) => `<p class="sa-meta">${e(l)}</p>`),
  ];
  const i = m.halvesWithData.indexOf(m.period);
  const prev = m.halvesWithData[i - 1];
  const next = m.halvesWithData[i + 1];
  const link = (period: string, text: string) => `<a href="./${period}" data-sa-keep-lang>${e(text)}</a>`;
  out.push(`<p class="sa-nav">${prev ? `${link(prev, `← ${periodText(prev, lang)}`)} · ` : ""}<a href="./" data-sa-keep-lang>${e(s(lang, "indexTitle"))}</a>${next ? ` · ${link(next, `${periodText(next, lang)} →`)}` : ""}` +
    ` · ${(["fi", "sv", "en"] as Lang[]).filter((l) => l !== lang).map((l) => `<a href="./${m.period}" data-sa-switch="${l}">${LANG_NAMES[l]}</a>`).join(" · ")}</p>`);
  if (options.links?.length) {
    out.push(`<div class="sa-downloads"><strong>${e(s(lang, "download"))}</strong> <small>${e(s(lang, "downloadNote"))}</small><table class="sa-table"><tbody>`);
    for (const l of LANGS) {
      const row = options.links.filter((x) => x.lang === l);
      if (!row.length) continue;
      out.push(`<tr><th>${LANG_NAMES[l]}</th>${row.map((x) => `<td><a href="${e(x.href)}" download="${e(x.fileName)}">${KIND_NAMES[x.kind]}</a></td>`).join("")}</tr>`);
    }
    out.push(`</tbody></table></div>`);
  }
  out.push(`<nav class="sa-toc">${m.goals.map((g) => `<a href="#${g.id}-${lang}">${e(`${g.id} ${g.shortName[lang]}`)}</a>`).join(" · ")}</nav>`);
  out.push(`<details class="sa-notes"><summary>${e(s(lang, "privacyThreshold"))} · SPC</summary>${noteLines(m, lang).map((l) => `<p>${e(l)}</p>`).join("")}</details>`);
  for (const g of m.goals) out.push(goalHtml(m, g, lang));
  out.push(`<details class="sa-defs"><summary>${e(s(lang, "definitions"))}</summary><div class="sa-scroll"><table class="sa-table"><thead><tr>` +
    [s(lang, "indicator"), s(lang, "definition"), s(lang, "unitOfMeasure"), s(lang, "direction"), s(lang, "targets"), s(lang, "privacyThreshold"), s(lang, "goals")].map((h) => `<th>${e(h)}</th>`).join("") +
    `</tr></thead><tbody>`);
  for (const d of m.definitions) {
    const t = definitionText(d, lang);
    out.push(`<tr><td><strong>${e(t.name)}</strong><br><small>${e(t.id)}${t.breakdown ? ` · ${e(t.breakdown)}` : ""}</small></td><td>${e(t.definition)}</td><td>${e(t.unit)}</td><td>${e(t.direction)}</td><td>${e(t.targets)}</td><td>${e(t.threshold)}</td><td>${e(t.goals)}</td></tr>`);
  }
  out.push(`</tbody></table></div></details>`);
  if (options.generatedOn) out.push(`<p class="sa-meta">${e(s(lang, "generated", { date: dateText(options.generatedOn, lang) }))}</p>`);
  out.push(`</div>`);
  return out.join("\n");
}
