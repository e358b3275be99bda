// The language switch in the header of every page, and the rest of the site's
// chrome in the reader's language. The header, the sidebar and the footer are
// static HTML that Framework writes in Finnish (observablehq.config.ts); the
// site script (site-chrome.ts, loaded in <head> on every page) then
//  - sets <html lang> to the language shown (?lang=sv|en, Finnish otherwise),
//  - translates the sidebar, the header and the footer, and the page title,
//  - points the switch's three links at this same page with this same state
//    (every URL parameter and the #fragment kept; only lang changes), and
//    keeps them current when a control rewrites the address (url-state.ts
//    fires "urlstatechange"),
//  - carries ?lang= into every link to another page of the site, so the
//    language stays while reading on, and gives downloads their full address
//    for print.
// The switch is three plain links, each in its own language (lang, hreflang),
// the current one marked with aria-current: usable with Tab and Enter, and
// without JavaScript they still lead to the Finnish, Swedish and English page.
import { LANGUAGE_NAMES, LANGS, currentLang, isStringKey, t, type Lang } from "../../lib/i18n.js";

export const URL_STATE_EVENT = "urlstatechange";

/** The address of this page in another language: every other parameter and the fragment kept; Finnish has no lang parameter. */
export function languageHref(lang: Lang, href: string): string {
  const url = new URL(href);
  if (lang === "fi") url.searchParams.delete("lang");
  else url.searchParams.set("lang", lang);
  return url.href;
}

const escape = (s: string) => s.replace(/[&<>"]/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;" })[c]!);

/**
 * The header's static HTML (Finnish; the site script translates it) for the
 * page at `path` ("/dimensions/TUOTTAVUUS", "/index"). The language links
 * point at this same page's file, relative to itself
 * ("./TUOTTAVUUS.html?lang=sv", "./index.html?lang=en": a plain file server
 * guesses neither), so they work without JavaScript too (losing only the
 * page's other parameters). rel="alternate" with hreflang: the same page in
 * another language; "external" keeps Framework from rewriting them and from
 * reporting a link with a query string as broken.
 */
export function headerHtml(path: string): string {
  const self = `./${path.replace(/^.*\//, "").replace(/\.html$/, "") || "index"}.html`;
  const links = LANGS.map((lang) =>
    `<li><a href="${escape(self)}${lang === "fi" ? "" : `?lang=${lang}`}" rel="alternate external" lang="${lang}" hreflang="${lang}" data-language="${lang}"${lang === "fi" ? ' aria-current="true"' : ""}>${escape(LANGUAGE_NAMES[lang])}</a></li>`,
  ).join("");
  return `<p class="site-name" data-i18n="siteName">${escape(t("fi", "siteName"))}</p>` +
    `<nav class="language-switch" id="language-switch" aria-label="Kieli – Språk – Language"><ul>${links}</ul></nav>`;
}

/** The footer's static HTML: who publishes, and the accessibility statement. `statement` is its file ("/accessibility.html"; Framework makes it relative to each page). */
export function footerHtml(statement: string): string {
  return `<p><span data-i18n="footerText">${escape(t("fi", "footerText"))}</span> · <a href="${escape(statement)}" data-i18n="accessibility" data-accessibility-link>${escape(t("fi", "accessibility"))}</a></p>`;
}

/** Points the switch's links at this page in each language and marks the current one. */
export function updateLanguageSwitch(doc: Document = document, lang: Lang = currentLang(doc.location.search)): void {
  for (const a of doc.querySelectorAll<HTMLAnchorElement>("#language-switch a[data-language]")) {
    const target = a.dataset.language as Lang;
    a.href = languageHref(target, doc.location.href);
    if (target === lang) a.setAttribute("aria-current", "true");
    else a.removeAttribute("aria-current");
  }
}

/** Adds ?lang= to a link to another page of this site (not to downloads, fragments, other sites or the language links themselves). */
export function keepLanguage(a: HTMLAnchorElement, lang: Lang, doc: Document = document): void {
  if (lang === "fi" || a.hasAttribute("download") || a.hasAttribute("hreflang") || a.hasAttribute("data-sa-switch")) return;
  const raw = a.getAttribute("href");
  if (!raw || raw.startsWith("#") || /^[a-z][a-z0-9+.-]*:/i.test(raw)) return;
  const url = new URL(raw, doc.baseURI);
  if (url.origin !== doc.location.origin || url.searchParams.has("lang")) return;
  // Only the query changes: the link stays relative to its page (any host, any base path).
  const [, path, query, hash] = /^([^?#]*)(?:\?([^#]*))?(.*)$/.exec(raw)!;
  const params = new URLSearchParams(query ?? "");
  params.set("lang", lang);
  a.setAttribute("href", `${path}?${params}${hash}`);
}

/** Prepares a link: keeps the language, and gives a download its full address for print (style.css shows it after the link). */
export function prepareLink(a: HTMLAnchorElement, lang: Lang, doc: Document = document): void {
  if (a.hasAttribute("download")) a.dataset.printUrl = a.href;
  else keepLanguage(a, lang, doc);
}

/** The Swedish or English label of a Finnish one, if there is one. */
function translated(labels: Record<string, { sv: string; en: string }>, fi: string, lang: Lang): string | null {
  if (lang === "fi") return null;
  return labels[fi]?.[lang] ?? null;
}

/** Translates and wires the static chrome of the page (its language's strings loaded: site-chrome.ts). Safe to call more than once. */
export function initSiteChrome(doc: Document = document): Lang {
  const lang = currentLang(doc.location.search);
  const root = doc.documentElement;
  root.lang = lang;
  root.dataset.lang = lang;

  // Parts written in all three languages (the accessibility statement): show the reader's.
  for (const el of doc.querySelectorAll<HTMLElement>("[data-show-lang]")) el.hidden = el.dataset.showLang !== lang;

  // Header and footer texts.
  for (const el of doc.querySelectorAll<HTMLElement>("[data-i18n]")) {
    const key = el.dataset.i18n ?? "";
    if (isStringKey(lang, key)) el.textContent = t(lang, key);
  }

  // The sidebar: labels, its name, the current page, the menu toggle.
  let labels: Record<string, { sv: string; en: string }> = {};
  try {
    labels = JSON.parse(doc.getElementById("navigation-labels")?.textContent || "{}");
  } catch {
    labels = {};
  }
  const sidebar = doc.getElementById("observablehq-sidebar");
  if (sidebar) {
    sidebar.setAttribute("aria-label", t(lang, "siteMenu"));
    for (const el of sidebar.querySelectorAll<HTMLElement>("a, summary")) {
      if (el.children.length) continue;
      const label = translated(labels, (el.textContent ?? "").trim(), lang);
      if (label) el.textContent = label;
    }
    for (const a of sidebar.querySelectorAll(".observablehq-link-active > a")) a.setAttribute("aria-current", "page");
  }
  const toggle = doc.getElementById("observablehq-sidebar-toggle");
  if (toggle) {
    toggle.title = t(lang, "menuToggle");
    toggle.setAttribute("aria-label", t(lang, "menuToggle"));
  }

  // A skip link before the sidebar, for keyboard readers.
  if (!doc.getElementById("skip-to-content")) {
    const skip = doc.createElement("a");
    skip.id = "skip-to-content";
    skip.className = "skip-link";
    skip.href = "#observablehq-main";
    skip.textContent = t(lang, "skipToContent");
    doc.body.prepend(skip);
  }
  const main = doc.getElementById("observablehq-main");
  if (main && !main.hasAttribute("tabindex")) main.setAttribute("tabindex", "-1");

  // The switch follows the page's state; links keep the language.
  updateLanguageSwitch(doc, lang);
  const view = doc.defaultView;
  if (view) {
    for (const type of [URL_STATE_EVENT, "popstate", "hashchange"]) view.addEventListener(type, () => updateLanguageSwitch(doc, lang));
  }
  doc.getElementById("language-switch")?.addEventListener("focusin", () => updateLanguageSwitch(doc, lang));
  for (const a of doc.querySelectorAll("a[href]")) prepareLink(a as HTMLAnchorElement, lang, doc);

  // Page content renders after this script: follow it for links and for the title.
  const siteName = t(lang, "siteName");
  const retitle = () => {
    const h1 = [...(main?.querySelectorAll("h1") ?? [])].find((h) => !h.closest("[hidden]"));
    const heading = h1?.textContent?.replace(/\s+/g, " ").trim();
    if (heading) {
      const title = `${heading} | ${siteName}`;
      if (doc.title !== title) doc.title = title;
    }
  };
  retitle();
  if (view && "MutationObserver" in view) {
    const observer = new view.MutationObserver((records) => {
      for (const r of records) {
        for (const node of r.addedNodes) {
          if (node.nodeType !== 1) continue;
          const el = node as Element;
          if (el.matches("a[href]")) prepareLink(el as HTMLAnchorElement, lang, doc);
          for (const a of el.querySelectorAll("a[href]")) prepareLink(a as HTMLAnchorElement, lang, doc);
        }
      }
      retitle();
    });
    observer.observe(doc.body, { childList: true, subtree: true, attributes: true, attributeFilter: ["hidden"] });
  }
  return lang;
}
