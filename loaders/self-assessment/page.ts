// The Framework Markdown of the site's self-assessment pages: the index of
// half-years and one page per half-year (all three languages in the page,
// `?lang=sv|en` shows the chosen one, Finnish by default and without
// JavaScript). Used by src/self-assessment/*.md.ts page loaders.
import { reportDeadline } from "./dates.ts";
import { halvesWithData, type SelfAssessment } from "./model.ts";
import { exportFileNames, LANGS, SITE_LANGS } from "./names.ts";
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
 * Shows the language chosen with ?lang= (Finnish otherwise) and carries it in
 * the links between these pages. Without JavaScript the Finnish version stays.
 * The other two languages are removed from the page (not only hidden): the
 * page is a third of the size for the browser and for assistive technology.
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

const frontMatter = (title: string) => `---\ntitle: ${JSON.stringify(title)}\ntoc: false\n---`;

/** Download links of a half-year, relative to its page (/self-assessment/<period>). */
export function exportLinks(period: string): ExportLink[] {
  return SITE_LANGS.flatMap((lang) => {
    const names = exportFileNames(period, lang);
    return (["docx", "xlsx", "csv", "data"] as const).map((kind) => ({ lang, kind, fileName: names[kind], href: `./exports/${period}/${names[kind]}` }));
  });
}

export function periodPageMarkdown(model: SelfAssessment): string {
  const links = exportLinks(model.period);
  return [
    frontMatter(`${reportTitle(model, "fi")} (${periodText(model.period, "fi")})`),
    PAGE_STYLE,
    LANG_SCRIPT,
    ...LANGS.map((lang) => renderHtml(model, lang, { links })),
  ].join("\n\n") + "\n";
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
