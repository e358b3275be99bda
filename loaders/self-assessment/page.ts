// The Framework Markdown of the site's self-assessment pages: the index of
// half-years (all three languages in the page, `?lang=sv|en` shows the chosen
// one) and one page per half-year (Finnish in the page; `?lang=sv|en` fetches
// that language's version, src/self-assessment/lang/[period].zip.ts). Finnish
// by default and without JavaScript. Used by src/self-assessment/*.md.ts page loaders.
import { reportDeadline } from "./dates.ts";
import { halvesWithData, type SelfAssessment } from "./model.ts";
import { exportFileNames, LANGS, SITE_LANGS, workbookFileName } from "./names.ts";
import { escapeHtml as e, renderHtml, type ExportLink } from "./html.ts";
import { dateText, periodText, reportTitle, type Lang } from "./present.ts";
import { s } from "./strings.ts";
import type { PublishedCell } from "../../src/lib/cell.ts";

export const PAGE_STYLE = `<style>
.sa { overflow-wrap: break-word; }
.sa-missing, .sa-meta, .sa-office { overflow-wrap: anywhere; }
.sa h2 { margin-top: 2.5rem; border-bottom: 1px solid var(--theme-foreground-faintest, #ddd); }
.sa-sub { font-weight: 600; margin-top: -0.5rem; }
.sa-meta { margin: 0.2rem 0; color: var(--theme-foreground-muted, #555); max-width: none; }
.sa-nav, .sa-toc { margin: 0.8rem 0; }
.sa-table { border-collapse: collapse; font-size: 0.85rem; margin: 0.5rem 0 1rem; max-width: none; }
.sa-table th, .sa-table td { border-bottom: 1px solid var(--theme-foreground-faintest, #e5e5e5); padding: 0.25rem 0.5rem; vertical-align: top; text-align: left; }
.sa-table thead th { background: var(--theme-background-alt, #f1f4f9); }
.sa-table td.sa-num { text-align: right; white-space: nowrap; font-variant-numeric: tabular-nums; }
.sa-table small { color: var(--theme-foreground-muted, #555); }
.sa-table tr.sa-breakdown > :first-child, .sa-table tr.sa-part > :first-child { padding-left: 1.5rem; }
.sa-scroll { overflow-x: auto; max-width: 100%; }
.sa-missing, .sa-example { background: #fff4ce; padding: 0.5rem 0.75rem; border-left: 4px solid #d9a400; max-width: 60rem; }
.sa-example { font-weight: 700; }
.sa-narrative p, .sa-narrative li { max-width: 60rem; }
.sa-charts { display: grid; grid-template-columns: repeat(auto-fill, minmax(min(100%, 420px), 1fr)); gap: 1rem; }
.sa-chart { margin: 0; }
.sa-chart svg { width: 100%; height: auto; }
.sa-chart figcaption { font-size: 0.85rem; color: var(--theme-foreground-muted, #555); }
.sa-downloads { margin: 1rem 0; }
.sa-downloads-title { font-size: 1rem; margin: 0; border: 0 !important; }
.sa-table th[scope="row"] { font-weight: 400; }
.sa-table tr.sa-total th[scope="row"] { font-weight: 400; }
.sa-chart-data summary { font-size: 0.85rem; cursor: pointer; }
.sa-scroll:focus-visible { outline: 3px solid #0000bf; outline-offset: 2px; }
@media (max-width: 640px) { .sa-charts { grid-template-columns: minmax(0, 1fr); } }
</style>`;

/**
 * The index's script: shows the language chosen with ?lang= (Finnish
 * otherwise) and carries it in the links between these pages. Without
 * JavaScript the Finnish version stays. The other two languages are removed
 * from the page (not only hidden), for the browser and assistive technology.
 * The links themselves carry no query, so Framework can check them at build.
 */
const LANG_SCRIPT = [
  "```js",
  "const chosen = new URLSearchParams(location.search).get(\"lang\");",
  "const lang = chosen === \"sv\" || chosen === \"en\" ? chosen : \"fi\";",
  "for (const el of document.querySelectorAll(\"[data-sa-lang]\")) if (el.dataset.saLang !== lang) el.remove(); else el.hidden = false;",
  "for (const a of document.querySelectorAll(\"a[data-sa-keep-lang]\")) if (lang !== \"fi\") a.search = \"?lang=\" + lang;",
  "for (const a of document.querySelectorAll(\"a[data-sa-switch]\")) a.search = \"?lang=\" + a.dataset.saSwitch;",
  "```",
].join("\n");

/**
 * A half-year's page carries only its Finnish version (a third of the bytes);
 * with ?lang=sv|en this fetches that language's version (languageFragment,
 * src/self-assessment/lang/[period].zip.ts) and puts it in the Finnish one's
 * place. It is an expression cell, so Framework shows its loading mark until
 * the text is in. The fetched text has the downloads' addresses as written
 * (./exports/…); Framework rewrote the Finnish copy's, so they are taken from
 * there by file name. Without JavaScript the Finnish version stays.
 */
function periodLangScript(period: string): string {
  const file = (lang: Lang) => `FileAttachment(${JSON.stringify(languageFragmentPath(period, lang))})`;
  return [
    "```js",
    "(async () => {",
    "  const chosen = new URLSearchParams(location.search).get(\"lang\");",
    "  const lang = chosen === \"sv\" || chosen === \"en\" ? chosen : \"fi\";",
    `  const files = {sv: ${file("sv")}, en: ${file("en")}};`,
    "  const out = document.createDocumentFragment();",
    "  if (lang !== \"fi\") {",
    "    const template = document.createElement(\"template\");",
    "    template.innerHTML = await files[lang].text();",
    "    out.append(template.content);",
    "    const fi = document.querySelector(\"[data-sa-lang=fi]\");",
    "    const resolved = new Map([...fi.querySelectorAll(\"a[download]\")].map((a) => [a.getAttribute(\"download\"), a.getAttribute(\"href\")]));",
    "    for (const a of out.querySelectorAll(\"a[download]\")) if (resolved.has(a.getAttribute(\"download\"))) a.setAttribute(\"href\", resolved.get(a.getAttribute(\"download\")));",
    "    for (const el of out.querySelectorAll(\"[data-sa-lang]\")) el.hidden = false;",
    "    fi.remove();",
    "    for (const a of out.querySelectorAll(\"a[data-sa-keep-lang]\")) a.search = \"?lang=\" + lang;",
    "  }",
    "  for (const a of out.querySelectorAll(\"a[data-sa-switch]\")) a.search = \"?lang=\" + a.dataset.saSwitch;",
    "  for (const a of document.querySelectorAll(\"a[data-sa-switch]\")) a.search = \"?lang=\" + a.dataset.saSwitch;",
    "  return out;",
    "})()",
    "```",
  ].join("\n");
}

/** Where a half-year page finds its Swedish and English versions, relative to the page. */
export function languageFragmentPath(period: string, lang: Lang): string {
  return `./lang/${period}/${lang}.html`;
}

const frontMatter = (title: string) => `---\ntitle: ${JSON.stringify(title)}\ntoc: false\n---`;

/** Download links of a half-year, relative to its page (/self-assessment/<period>). */
export function exportLinks(period: string): ExportLink[] {
  return SITE_LANGS.flatMap((lang) => {
    const names = exportFileNames(period, lang);
    return (["docx", "xlsx", "csv", "data"] as const).map((kind) => ({ lang, kind, fileName: names[kind], href: `./exports/${period}/${names[kind]}` }));
  });
}

/** The office's fill-in workbooks of a half-year, one per language (the half-year's page only, not the index). */
export function workbookLinks(period: string): ExportLink[] {
  return SITE_LANGS.map((lang) => ({ lang, kind: "workbook" as const, fileName: workbookFileName(period, lang), href: `./exports/${period}/${workbookFileName(period, lang)}` }));
}

const pageLinks = (period: string) => [...exportLinks(period), ...workbookLinks(period)];

/** A half-year's page: its Finnish version, and the script that brings the Swedish or English one (languageFragment). */
export function periodPageMarkdown(model: SelfAssessment): string {
  return [
    frontMatter(`${reportTitle(model, "fi")} (${periodText(model.period, "fi")})`),
    PAGE_STYLE,
    periodLangScript(model.period),
    renderHtml(model, "fi", { links: pageLinks(model.period) }),
  ].join("\n\n") + "\n";
}

/** The Swedish or English version of a half-year's page, as the page fetches it (the same HTML the page would carry). */
export function languageFragment(model: SelfAssessment, lang: Lang): string {
  return renderHtml(model, lang, { links: pageLinks(model.period) }) + "\n";
}

/** The index: every half-year with data, its page and its downloads, in three languages. */
export function indexPageMarkdown(cells: readonly PublishedCell[]): string {
  const halves = halvesWithData(cells);
  const parts = LANGS.map((lang: Lang) => {
    const rows = halves.map((p) => {
      const links = exportLinks(p);
      const { deadline, season } = reportDeadline(p);
      const report = `${s(lang, season === "spring" ? "reportSpring" : "reportAutumn", { year: deadline.slice(0, 4) })}, ${s(lang, "dateDeadline").toLowerCase()} ${dateText(deadline, lang)}`;
      return `<tr><th scope="row"><a href="./${p}.html" data-sa-keep-lang>${e(periodText(p, lang))}</a> <small>${e(report)}</small></th>${links
        .map((l) => `<td><a href="${e(l.href)}" download="${e(l.fileName)}" hreflang="${l.lang}">${l.kind === "data" ? "DATA" : l.kind.toUpperCase()}<span class="visually-hidden"> ${e(periodText(p, lang))} (${l.lang})</span></a></td>`).join("")}</tr>`;
    });
    return [
      `<div class="sa" data-sa-lang="${lang}" lang="${lang}"${lang === "fi" ? "" : " hidden"}>`,
      `<h1>${e(s(lang, "indexTitle"))}</h1>`,
      `<p class="sa-meta">${e(s(lang, "indexIntro"))}</p>`,
      `<div class="sa-scroll" tabindex="0" role="region" aria-label="${e(s(lang, "indexTitle"))}"><table class="sa-table"><caption class="visually-hidden">${e(s(lang, "indexTitle"))}</caption><thead><tr><th scope="col">${e(s(lang, "periods"))}</th>${SITE_LANGS.map((l) => ["Word", "Excel", s(lang, "kindCsvShort"), s(lang, "kindDataShort")].map((k) => `<th scope="col">${e(k)} (${l})</th>`).join("")).join("")}</tr></thead><tbody>`,
      ...rows,
      `</tbody></table></div>`,
      `</div>`,
    ].join("\n");
  });
  return [frontMatter(s("fi", "indexTitle")), PAGE_STYLE, LANG_SCRIPT, ...parts].join("\n\n") + "\n";
}
