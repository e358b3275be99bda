// Languages of the site: every UI string in fi, sv and en, the sidebar labels
// translated, the language switch keeping the page's state, links keeping the
// language, and the fixes to Framework's HTML (lang, zoomable viewport, list).
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { test } from "node:test";
import { JSDOM } from "jsdom";
import { PROJECT_ROOT } from "../loaders/indicators/catalogue.ts";
import { fixHtml } from "../scripts/html-postprocess.ts";
import { footerHtml, headerHtml, initSiteChrome, keepLanguage, languageHref } from "../src/components/site/language-switch.ts";
import { LANGS, t } from "../src/lib/i18n.ts";
import { CODE_LABELS, STRINGS, UNIT_NAMES } from "../src/lib/i18n/all.ts";
import { navigationLabels } from "../src/lib/i18n/navigation.ts";
import { DOC_STRINGS } from "../loaders/self-assessment/strings.ts";
import * as fiFile from "../src/lib/i18n/fi.ts";
import * as svFile from "../src/lib/i18n/sv.ts";
import * as enFile from "../src/lib/i18n/en.ts";

const programme = JSON.parse(readFileSync(join(PROJECT_ROOT, "data", "programme.json"), "utf8"));
const catalogue = JSON.parse(readFileSync(join(PROJECT_ROOT, "data", "indicators.json"), "utf8"));

test("the three language files have exactly the same keys, and no empty text", () => {
  const files = { fi: fiFile, sv: svFile, en: enFile };
  const tables = (lang: "fi" | "sv" | "en") => {
    const f = files[lang] as Record<string, unknown>;
    return { strings: f[lang], codeLabels: f.codeLabels, unitNames: f.unitNames } as Record<string, Record<string, unknown>>;
  };
  for (const table of ["strings", "codeLabels", "unitNames"]) {
    const keys = (lang: "fi" | "sv" | "en") => Object.keys(tables(lang)[table]).sort();
    assert.ok(keys("fi").length > 0, `fi has ${table}`);
    for (const lang of ["sv", "en"] as const) {
      assert.deepEqual(keys(lang).filter((k) => !keys("fi").includes(k)), [], `${lang}.ts ${table}: keys Finnish does not have`);
      assert.deepEqual(keys("fi").filter((k) => !keys(lang).includes(k)), [], `${lang}.ts ${table}: keys it lacks`);
    }
    for (const lang of ["fi", "sv", "en"] as const) {
      for (const [key, value] of Object.entries(tables(lang)[table])) assert.ok(typeof value === "string" && value.trim() !== "", `${lang}.ts ${table}.${key} is empty`);
    }
  }
  // all.ts registers the same tables the files hold.
  assert.equal(STRINGS.sv, svFile.sv);
  assert.equal(CODE_LABELS.en, enFile.codeLabels);
  assert.equal(UNIT_NAMES.fi, fiFile.unitNames);
});

test("loadLanguage registers only the language asked for; t() of another one fails instead of showing keys", async () => {
  // A fresh instance of the module (its own registry, nothing registered), as a page in the browser starts.
  const i18n = (await import(`../src/lib/i18n.ts?fresh=${Date.now()}`)) as typeof import("../src/lib/i18n.ts");
  assert.throws(() => i18n.t("sv", "overview"), /sv strings are not loaded/);
  assert.equal(await i18n.loadLanguage("sv"), "sv");
  assert.equal(i18n.t("sv", "overview"), "Översikt");
  assert.equal(i18n.codeLabel("LAAKARI", "sv"), "Läkare");
  assert.equal(i18n.unitOfMeasureName("days", "sv"), "dygn");
  assert.equal(i18n.isLanguageLoaded("fi"), false);
  assert.equal(i18n.isLanguageLoaded("en"), false);
  assert.throws(() => i18n.t("fi", "overview"), /fi strings are not loaded/);
  await i18n.loadLanguage("en");
  assert.equal(i18n.t("en", "overview"), "Overview");
});

test("every UI string, indicator name and definition exists in fi, sv and en", () => {
  for (const lang of LANGS) {
    for (const [key, value] of Object.entries(STRINGS[lang])) assert.ok(typeof value === "string" && value.trim(), `${lang}.${key}`);
    for (const [key, value] of Object.entries(DOC_STRINGS[lang])) if (typeof value === "string") assert.ok(value.trim(), `documents ${lang}.${key}`);
  }
  // Keys whose text may be the same in two languages (codes, names, symbols).
  const same = new Set(["periodType", "definition", "status", "signal", "periodColumn", "exploreNav", "validBetween"]);
  for (const key of Object.keys(STRINGS.fi) as (keyof typeof STRINGS.fi)[]) {
    if (same.has(key)) continue;
    assert.notEqual(STRINGS.sv[key], STRINGS.fi[key], `sv.${key} is translated`);
    assert.notEqual(STRINGS.en[key], STRINGS.fi[key], `en.${key} is translated`);
  }
  for (const i of catalogue.indicators) {
    for (const lang of LANGS) {
      assert.ok(i.name[lang]?.trim(), `${i.id} name.${lang}`);
      assert.ok(i.definition[lang]?.trim(), `${i.id} definition.${lang}`);
    }
  }
});

test("the sidebar's Finnish labels all have Swedish and English ones", async () => {
  const config = (await import("../observablehq.config.ts")).default as { pages: ({ name: string; pages?: { name: string }[] })[]; title: string };
  const labels = navigationLabels(programme);
  const names = [config.title, ...config.pages.flatMap((p) => [p.name, ...(p.pages ?? []).map((q) => q.name)])];
  for (const name of names) {
    assert.ok(labels[name], `"${name}" has translations`);
    assert.notEqual(labels[name].sv, name, `"${name}" in Swedish`);
  }
  assert.equal(labels["Yleiskuva"].sv, "Översikt");
  assert.equal(labels["HT1 Saatavuus, oikea-aikaisuus, jatkuvuus"].en, "HT1 Access, timeliness, continuity");
});

test("the language switch keeps every parameter and the fragment; Finnish drops lang", () => {
  const href = "https://x.example/nelimaali/dimensions/TUOTTAVUUS?pt=month&p=2023-05&unit=U1#PROD_VISITS";
  assert.equal(languageHref("sv", href), "https://x.example/nelimaali/dimensions/TUOTTAVUUS?pt=month&p=2023-05&unit=U1&lang=sv#PROD_VISITS");
  assert.equal(languageHref("fi", `${href.replace("#", "&lang=en#")}`), href);
  // The page's file, not its clean path: a plain file server guesses neither ".html" nor a folder's index.
  assert.match(headerHtml("/dimensions/TUOTTAVUUS"), /href="\.\/TUOTTAVUUS\.html\?lang=sv"[^>]* lang="sv" hreflang="sv"/);
  assert.match(headerHtml("/dimensions/TUOTTAVUUS"), /href="\.\/TUOTTAVUUS\.html" [^>]*hreflang="fi"/);
  assert.match(headerHtml("/index"), /href="\.\/index\.html\?lang=en"/);
  assert.match(headerHtml("/units/index"), /href="\.\/index\.html\?lang=sv"/);
  assert.match(footerHtml("/accessibility.html"), /href="\/accessibility\.html"/);
});

test("the site script sets <html lang>, translates the chrome, keeps the language in links", () => {
  const html = fixHtml(`<!DOCTYPE html><html><head><meta name="viewport" content="width=device-width, initial-scale=1, maximum-scale=1">
<script type="application/json" id="navigation-labels">${JSON.stringify(navigationLabels(programme))}</script></head><body>
<input id="observablehq-sidebar-toggle" type="checkbox" title="Toggle sidebar">
<nav id="observablehq-sidebar">
  <ol>
    <label id="observablehq-sidebar-close" for="observablehq-sidebar-toggle"></label>
    <li class="observablehq-link"><a href="../">Nelimaali – Tulevaisuuden sote-keskus</a></li>
  </ol>
  <details open><summary>Ulottuvuudet</summary><ol><li class="observablehq-link observablehq-link-active"><a href="./TUOTTAVUUS">Tuottavuus</a></li></ol></details>
</nav>
<div id="observablehq-center"><header id="observablehq-header">${headerHtml("/dimensions/TUOTTAVUUS")}</header>
<main id="observablehq-main"><h1>Produktivitet</h1><a href="../methods#X">m</a> <a href="https://example.org/">ext</a> <a href="#top">top</a> <a href="../x.csv" download>csv</a></main>
<footer id="observablehq-footer">${footerHtml("../accessibility")}</footer></div></body></html>`);
  assert.match(html, /<html lang="fi">/);
  assert.match(html, /content="width=device-width, initial-scale=1"/);
  assert.match(html, /<nav id="observablehq-sidebar">\s*<label id="observablehq-sidebar-close"[^>]*><\/label>\s*<ol>/);
  const dom = new JSDOM(html, { url: "https://x.example/nelimaali/dimensions/TUOTTAVUUS?lang=sv&pt=year" });
  const doc = dom.window.document;
  assert.equal(initSiteChrome(doc), "sv");
  assert.equal(doc.documentElement.lang, "sv");
  const sidebar = doc.getElementById("observablehq-sidebar")!;
  assert.match(sidebar.textContent!, /Fyrfaldigt mål – Framtidens social- och hälsocentral/);
  assert.match(sidebar.textContent!, /Dimensioner/);
  assert.match(sidebar.textContent!, /Produktivitet/);
  assert.equal(sidebar.getAttribute("aria-label"), t("sv", "siteMenu"));
  assert.equal(sidebar.querySelector(".observablehq-link-active a")!.getAttribute("aria-current"), "page");
  assert.equal(doc.getElementById("observablehq-footer")!.textContent!.includes("Tillgänglighetsutlåtande"), true);
  const links = [...doc.querySelectorAll<HTMLAnchorElement>("#language-switch a")];
  assert.deepEqual(links.map((a) => a.href), [
    "https://x.example/nelimaali/dimensions/TUOTTAVUUS?pt=year",
    "https://x.example/nelimaali/dimensions/TUOTTAVUUS?lang=sv&pt=year",
    "https://x.example/nelimaali/dimensions/TUOTTAVUUS?lang=en&pt=year",
  ]);
  assert.deepEqual(links.map((a) => a.getAttribute("aria-current")), [null, "true", null]);
  const main = doc.getElementById("observablehq-main")!;
  assert.deepEqual([...main.querySelectorAll("a")].map((a) => a.getAttribute("href")), ["../methods?lang=sv#X", "https://example.org/", "#top", "../x.csv"]);
  assert.equal(main.querySelector<HTMLAnchorElement>("a[download]")!.dataset.printUrl, "https://x.example/nelimaali/x.csv");
  assert.equal(doc.getElementById("skip-to-content")!.textContent, "Hoppa till innehållet");
  assert.equal(doc.title, "Produktivitet | Fyrfaldigt mål – Framtidens social- och hälsocentral");
  // A link to another page that is added later keeps the language too.
  const a = doc.createElement("a");
  a.setAttribute("href", "../units/U1.html?pt=year");
  keepLanguage(a, "sv", doc);
  assert.equal(a.getAttribute("href"), "../units/U1.html?pt=year&lang=sv", "still relative to the page");
  const same = doc.createElement("a");
  same.setAttribute("href", "?pt=month#X");
  keepLanguage(same, "sv", doc);
  assert.equal(same.getAttribute("href"), "?pt=month&lang=sv#X");
});

test("a comparison page's heading and tab title name its indicator, in each language", () => {
  assert.equal(t("fi", "comparisonOf", { name: "Ensikontaktin ratkaisu" }), "Ensikontaktin ratkaisu – yksikkövertailu");
  assert.equal(t("sv", "comparisonOf", { name: "Lösta vid första kontakten" }), "Lösta vid första kontakten – jämförelse av enheter");
  assert.equal(t("en", "comparisonOf", { name: "First-contact resolution" }), "First-contact resolution – unit comparison");
  // The site script takes the tab's title from the page's heading (as on the unit and goal pages).
  const page = (lang: string, heading: string) => {
    const dom = new JSDOM(`<!doctype html><html lang="fi"><head><title>Yksikkövertailu</title></head><body><main id="observablehq-main"><h1>${heading}</h1></main></body></html>`,
      { url: `https://x.example/comparison/ACC_FIRST_CONTACT.html${lang === "fi" ? "" : `?lang=${lang}`}` });
    initSiteChrome(dom.window.document);
    return dom.window.document.title;
  };
  assert.equal(page("fi", t("fi", "comparisonOf", { name: "Ensikontaktin ratkaisu" })), `Ensikontaktin ratkaisu – yksikkövertailu | ${t("fi", "siteName")}`);
  assert.equal(page("en", t("en", "comparisonOf", { name: "First-contact resolution" })), `First-contact resolution – unit comparison | ${t("en", "siteName")}`);
});

test("Framework's callout labels (Note, Tip, …) are given in each language by the site's stylesheet", () => {
  // Every callout Framework labels in English (its note.css) is relabelled for fi (the default), sv and en by <html lang>.
  const framework = readFileSync(join(PROJECT_ROOT, "node_modules/@observablehq/framework/dist/style/note.css"), "utf8");
  const callouts = [...framework.matchAll(/\.([a-z]+)::before\s*\{[^}]*content:\s*"[^"]+"/g)].map((m) => m[1]);
  assert.deepEqual(callouts.sort(), ["caution", "note", "tip", "warning"]);
  const css = readFileSync(join(PROJECT_ROOT, "src/style.css"), "utf8");
  const label = (callout: string, lang: string | null) =>
    new RegExp(`\\.${callout}:not\\(\\[label\\]\\)${lang ? `:lang\\(${lang}\\)` : ""}::before \\{ content: "([^"]+)"; \\}`).exec(css)?.[1];
  assert.deepEqual(["fi", "sv", "en"].map((l) => label("note", l === "fi" ? null : l)), ["Huom.", "Obs.", "Note"]);
  for (const callout of callouts) for (const lang of [null, "sv", "en"]) assert.ok(label(callout, lang), `${callout} in ${lang ?? "fi"}`);
});
