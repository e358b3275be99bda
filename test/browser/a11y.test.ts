// Accessibility of the built site in a real browser (Debian's Chromium via
// playwright-core), in Finnish, Swedish and English:
//  - axe-core (WCAG 2.0/2.1 A and AA rules) finds no violation on any page in
//    any language (pages made from one template take turns between the
//    languages; A11Y_FULL=1 checks every page in every language); every page
//    has <html lang> of the language shown, the language switch in its header
//    and the accessibility statement in its footer; every chart a caption and
//    a data table, every withheld figure words for a screen reader;
//  - Swedish and English views show no Finnish interface text (every UI string
//    and code label whose Finnish differs from its translations);
//  - a keyboard-only walk through the overview: Tab to the language switch,
//    change the language with Enter, Tab to the period controls and change
//    them with the arrow keys; the address keeps the state and the language,
//    and every focused control shows its focus;
//  - at 320 px (and at 640 px, i.e. 200 % zoom of a 1280 px window) the
//    overview does not scroll sideways;
//  - printed, a page hides the navigation and the switch and keeps the report.
// The site is the suite's shared build of the tiny generated extract (seed 11,
// helpers/tiny-site.ts), as site.test.ts reads it (A11Y_SITE_DIR=dir: another built site).
import assert from "node:assert/strict";
import { readdirSync } from "node:fs";
import type { Server } from "node:http";
import type { AddressInfo } from "node:net";
import { join, relative } from "node:path";
import { after, before, test } from "node:test";
import type { Browser, Page } from "playwright-core";
import { startServer } from "../../scripts/serve.ts";
import { type AxeViolation, focused, focusVisible, runAxe, settle, tabTo } from "../helpers/a11y.ts";
import { launchBrowser } from "../helpers/browser.ts";
import { tinySite } from "../helpers/tiny-site.ts";
import { CODE_LABELS, STRINGS } from "../../src/lib/i18n/all.ts";

const BASE = "/nelimaali/";
const LANGS = ["fi", "sv", "en"] as const;
type Lang = (typeof LANGS)[number];

let site: string;
let server: Server;
let origin: string;
let browser: Browser;
let pages: string[];

function htmlPages(root: string): string[] {
  const out: string[] = [];
  const walk = (d: string) => {
    for (const entry of readdirSync(d, { withFileTypes: true })) {
      const path = join(d, entry.name);
      if (entry.isDirectory() && !entry.name.startsWith("_")) walk(path);
      else if (entry.name.endsWith(".html") && entry.name !== "404.html") out.push(relative(root, path).replace(/\.html$/, "").replace(/(^|\/)index$/, "$1"));
    }
  };
  walk(root);
  return out.sort();
}

const withLang = (path: string, lang: Lang) => {
  if (lang === "fi") return path;
  return path.includes("?") ? `${path}&lang=${lang}` : `${path}?lang=${lang}`;
};

async function open(path: string, o: { width?: number; height?: number } = {}): Promise<Page> {
  const page = await browser.newPage({ viewport: { width: o.width ?? 1200, height: o.height ?? 900 } });
  await page.goto(`${origin}${BASE}${path}`, { waitUntil: "load" });
  await settle(page);
  return page;
}

before(async () => {
  site = process.env.A11Y_SITE_DIR ?? (await tinySite(11)).dist;
  pages = htmlPages(site);
  // A11Y_ONLY=regex narrows the axe run while working on a page.
  if (process.env.A11Y_ONLY) pages = pages.filter((p) => p === "" || p === "accessibility" || new RegExp(process.env.A11Y_ONLY!).test(p));
  server = await startServer(site, 0, BASE);
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  browser = await launchBrowser();
});

after(async () => {
  await browser?.close();
  await new Promise((resolve) => (server ? server.close(resolve) : resolve(undefined)));
});

interface PageReport {
  path: string;
  lang: Lang;
  violations: AxeViolation[];
  problems: string[];
  ms: number;
}

/** One view checked in a worker's tab: `openTables` opens every <details> first (the charts' data tables). */
async function checkPage(page: Page, path: string, lang: Lang, openTables: boolean): Promise<PageReport> {
  const started = Date.now();
  await page.goto(`${origin}${BASE}${withLang(path, lang)}`, { waitUntil: "load" });
  await settle(page);
  {
    const problems: string[] = [];
    // The SQL page loads DuckDB first: check it with its result table on screen (once; the table is the same in every language).
    if (path === "explore" && openTables) {
      await page.waitForSelector("[data-explore-rows], .explore-error", { timeout: 30_000 });
      await settle(page);
    }
    const chrome = await page.evaluate(() => ({
      lang: document.documentElement.getAttribute("lang"),
      switchLinks: [...document.querySelectorAll("#observablehq-header #language-switch a[hreflang]")].map((a) => [a.getAttribute("hreflang"), a.getAttribute("lang"), a.hasAttribute("aria-current")]),
      statement: !!document.querySelector("#observablehq-footer a[data-accessibility-link]"),
      title: document.title,
      errors: document.querySelectorAll(".observablehq--error").length,
    }));
    if (chrome.lang !== lang) problems.push(`<html lang="${chrome.lang}">, expected ${lang}`);
    const current = chrome.switchLinks.filter((l) => l[2]).map((l) => l[0]);
    if (chrome.switchLinks.length !== 3 || chrome.switchLinks.some((l) => l[0] !== l[1]) || current.join() !== lang) problems.push(`language switch: ${JSON.stringify(chrome.switchLinks)}`);
    if (!chrome.statement) problems.push("no link to the accessibility statement in the footer");
    if (!chrome.title.trim()) problems.push("no title");
    if (chrome.errors) problems.push(`${chrome.errors} Framework cell errors`);
    // Open every <details> first, so the data tables behind the charts are checked too (closed, they
    // are not rendered and axe skips them; tables built on opening are not there at all).
    if (openTables) {
      await page.evaluate(() => document.querySelectorAll("details").forEach((d) => ((d as HTMLDetailsElement).open = true)));
      await settle(page);
    }
    // Every chart states its message in words (a caption), and every chart but the overview's sparklines
    // (whose figures are on their card, and in full on the page the card links to) has its data in a table
    // with a caption and headers, in the chart itself or in the block it sits in.
    const readCharts = () => page.$$eval("figure", (figs) =>
      figs
        .filter((f) => !f.parentElement?.closest("figure") && f.querySelector("svg"))
        .map((f) => {
          const block = f.closest(".chart-block") ?? f;
          const table = block.querySelector("table");
          return {
            cls: f.className,
            caption: (f.querySelector("figcaption")?.textContent ?? "").trim().length + (f.getAttribute("aria-label") ?? "").trim().length,
            sparkline: f.classList.contains("sparkline"),
            table: !!table?.querySelector("caption")?.textContent?.trim() && !!table?.querySelector("th[scope=col]") && !!table?.querySelector("th[scope=row]"),
            // A data table built when its <details> opens (closed in Swedish and English here).
            lazy: !!block.querySelector("details.chart-data:not([open])"),
          };
        }),
    );
    const tableMissing = (c: Awaited<ReturnType<typeof readCharts>>[number]) => !c.sparkline && !c.table && !(!openTables && c.lazy);
    let charts = await readCharts();
    // On a loaded machine a chart's table can come after the page looked settled (seen once, with a
    // build running beside the suite): look again, a few times, before calling it missing.
    for (let tries = 0; tries < 3 && charts.some(tableMissing); tries++) {
      await settle(page);
      charts = await readCharts();
    }
    for (const c of charts) {
      if (!c.caption) problems.push(`a chart (${c.cls}) without a caption`);
      if (tableMissing(c)) problems.push(`a chart (${c.cls}) without a data table`);
    }
    // A withheld figure shows ".." and is read out in words (never "alle 5": a partner cell may be large).
    const withheld = await page.$$eval(".cell-suppressed", (els) =>
      els.filter((el) => !el.closest("svg")).map((el) => [el.querySelector("[aria-hidden=true]")?.textContent ?? "", el.querySelector(".visually-hidden")?.textContent ?? ""]),
    );
    const words = { fi: "piilotettu tietosuojan vuoksi", sv: "dold av dataskyddsskäl", en: "withheld for privacy" }[lang];
    for (const [shown, spoken] of withheld) if (shown !== ".." || spoken !== words) problems.push(`a withheld figure reads "${shown}" / "${spoken}"`);
    const violations = await runAxe(page);
    return { path, lang, violations, problems, ms: Date.now() - started };
  }
}

test("axe-core: no WCAG 2.1 A/AA violation on any page in Finnish, Swedish or English", async () => {
  assert.ok(pages.includes("") && pages.includes("accessibility"), "the overview and the accessibility statement are built");
  // Besides every page as it opens: the views that draw other charts — the monthly XmR charts and the
  // units' spread (shown on request) on a dimension page, a unit's XmR charts, the overview by month.
  const unit = pages.find((p) => /^units\/./.test(p));
  const views = [...pages, "?pt=month", "dimensions/SAATAVUUS_VAIKUTTAVUUS?pt=month", "dimensions/HENKILOSTOKOKEMUS?pt=year&units=1", ...(unit ? [`${unit}?pt=month`] : [])];
  // Every view in all three languages. The page families made from one template (a page per unit, per
  // indicator's comparison, per half-year) take turns: the first two of each family in every language,
  // the others each in one language in turn — so every page is checked, and every template in every
  // language, in about half the time. A11Y_FULL=1 checks every page in every language.
  const family = (path: string) => /^(units|comparison|self-assessment)\/[^?]+$/.exec(path)?.[1] ?? null;
  const seen = new Map<string, number>();
  const queue = views.flatMap((path) => {
    const f = family(path);
    const n = f ? (seen.set(f, (seen.get(f) ?? 0) + 1), seen.get(f)! - 1) : 0;
    const langs = !f || n < 2 || process.env.A11Y_FULL ? LANGS : [LANGS[n % 3]];
    // The data tables behind the charts (built when opened) are opened once per view, in its first language.
    return langs.map((lang, i) => ({ path, lang, openTables: i === 0 }));
  });
  const reports: PageReport[] = [];
  const started = Date.now();
  await Promise.all(
    [0, 1, 2].map(async () => {
      const page = await browser.newPage({ viewport: { width: 1200, height: 900 } });
      try {
        for (let job = queue.shift(); job; job = queue.shift()) reports.push(await checkPage(page, job.path, job.lang, job.openTables));
      } finally {
        await page.close();
      }
    }),
  );
  const failed = reports.filter((r) => r.violations.length || r.problems.length);
  const text = failed
    .map((r) => `${r.path || "/"} (${r.lang}):\n${[...r.problems.map((p) => `  ${p}`), ...r.violations.map((v) => `  ${v.id} (${v.impact}): ${v.help}\n    ${v.nodes.join("\n    ")}`)].join("\n")}`)
    .join("\n");
  console.log(`slowest: ${[...reports].sort((a, b) => b.ms - a.ms).slice(0, 12).map((r) => `${r.path || "/"} ${r.lang} ${r.ms} ms`).join(", ")}`);
  console.log(`axe: ${reports.length} page views (${views.length} views${process.env.A11Y_FULL ? ` × ${LANGS.length} languages` : ", families taking turns"}) in ${Math.round((Date.now() - started) / 1000)} s, ${failed.length} with problems`);
  assert.equal(failed.length, 0, text);
});

test("Swedish and English pages translate the navigation, the header and the footer", async () => {
  for (const [lang, words] of [["sv", ["Översikt", "Metoder", "Tillgänglighetsutlåtande", "Hoppa till innehållet"]], ["en", ["Overview", "Methods", "Accessibility statement", "Skip to content"]]] as const) {
    const page = await open(withLang("methods", lang));
    try {
      const text = await page.evaluate(() => `${document.getElementById("observablehq-sidebar")?.textContent} ${document.getElementById("observablehq-footer")?.textContent} ${document.getElementById("skip-to-content")?.textContent}`);
      for (const w of words) assert.ok(text.includes(w), `${lang}: "${w}" in the chrome`);
      assert.ok(!text.includes("Menetelmät"), `${lang}: no Finnish menu label left`);
      // The statement shows the reader's language only.
      await page.goto(`${origin}${BASE}${withLang("accessibility", lang)}`, { waitUntil: "load" });
      await settle(page);
      const shown = await page.$$eval("[data-show-lang]", (els) => els.filter((e) => !(e as HTMLElement).hidden).map((e) => e.getAttribute("lang")));
      assert.deepEqual(shown, [lang]);
      assert.match(await page.title(), lang === "sv" ? /^Tillgänglighetsutlåtande \|/ : /^Accessibility statement \|/);
    } finally {
      await page.close();
    }
  }
});

// The Finnish interface text that must not show in a Swedish or English view: the static parts (10
// characters or more) of every UI string and code label whose Finnish differs from both translations.
function finnishFragments(): string[] {
  const fragments = new Set<string>();
  const add = (fi: string, sv: string | undefined, en: string | undefined) => {
    if (fi === sv || fi === en) return;
    for (const part of fi.split(/\{\w+\}/)) if (part.trim().length >= 10) fragments.add(part.trim());
  };
  for (const [key, fi] of Object.entries(STRINGS.fi)) add(fi, (STRINGS.sv as Record<string, string>)[key], (STRINGS.en as Record<string, string>)[key]);
  for (const [code, fi] of Object.entries(CODE_LABELS.fi)) add(fi, CODE_LABELS.sv[code], CODE_LABELS.en[code]);
  return [...fragments];
}

test("Swedish and English views leave no Finnish interface text (unit names aside)", async () => {
  const fragments = finnishFragments();
  assert.ok(fragments.length > 100, `Finnish fragments to look for: ${fragments.length}`);
  // One page of each kind, with its data tables open; a monthly view for the XmR charts' words.
  const firstOf = (re: RegExp) => pages.find((p) => re.test(p));
  const views = ["", "?pt=month", "methods", "quality", "explore", "units/", "comparison/", "self-assessment/", "dimensions/SAATAVUUS_VAIKUTTAVUUS?pt=month&units=1",
    firstOf(/^goals\/./), firstOf(/^areas\/./), firstOf(/^units\/./), firstOf(/^comparison\/./), firstOf(/^self-assessment\/./)].filter((v): v is string => v !== undefined);
  // Visible text, outside parts marked Finnish (lang="fi").
  const visibleText = `(() => {
    const out = [];
    const walk = (n) => {
      if (n.nodeType === 3) { if (!n.parentElement.closest('body [lang="fi"]')) out.push(n.textContent); return; }
      if (n.nodeType !== 1 || ["SCRIPT", "STYLE", "TEXTAREA", "TEMPLATE"].includes(n.tagName) || n.hidden) return;
      n.childNodes.forEach(walk);
    };
    walk(document.body);
    return out.join(" ").replace(/\\s+/g, " ");
  })()`;
  const problems: string[] = [];
  const page = await browser.newPage({ viewport: { width: 1200, height: 900 } });
  try {
    for (const lang of ["sv", "en"] as const) {
      for (const view of views) {
        await page.goto(`${origin}${BASE}${withLang(view, lang)}`, { waitUntil: "load" });
        await settle(page);
        await page.evaluate(`document.querySelectorAll("details").forEach((d) => { d.open = true; })`);
        await settle(page);
        const text = (await page.evaluate(visibleText)) as string;
        const left = fragments.filter((f) => text.includes(f));
        if (left.length) problems.push(`${view || "/"} (${lang}): ${left.map((f) => `"${f}"`).join(", ")}`);
      }
    }
  } finally {
    await page.close();
  }
  assert.equal(problems.length, 0, problems.join("\n"));
});

test("keyboard only: language switch and period controls on the overview, the address keeps the state, focus is visible", async () => {
  const page = await open("?pt=half");
  try {
    const params = () => page.evaluate(() => Object.fromEntries(new URLSearchParams(location.search)));
    // The skip link comes first.
    await page.keyboard.press("Tab");
    const skip = await focused(page);
    assert.equal(skip?.id, "skip-to-content");
    assert.ok(focusVisible(skip), `the skip link shows focus: ${JSON.stringify(skip)}`);

    // Tab to the language switch, then to Swedish, and choose it with Enter.
    const inSwitch = await tabTo(page, (f) => f.inLanguageSwitch);
    assert.ok(inSwitch, "Tab reaches the language switch");
    assert.ok(focusVisible(inSwitch), `focus shows on the language switch: ${JSON.stringify(inSwitch)}`);
    const sv = inSwitch!.language === "sv" ? inSwitch : await tabTo(page, (f) => f.language === "sv", 3);
    assert.ok(sv && focusVisible(sv), "focus on 'På svenska', visible");
    await Promise.all([page.waitForURL(/lang=sv/), page.keyboard.press("Enter")]);
    await settle(page);
    assert.equal(await page.evaluate(() => document.documentElement.lang), "sv");
    assert.deepEqual(await params(), { pt: "half", lang: "sv", p: (await params()).p }, "the period type survives the language change");
    assert.match(await page.evaluate(() => document.querySelector("h1")?.textContent ?? ""), /Fyrfaldigt mål/);

    // Tab to the period-type radios and move to the next type with an arrow key.
    const radio = await tabTo(page, (f) => f.tag === "input" && f.type === "radio");
    assert.ok(radio && focusVisible(radio), `a period-type radio takes focus visibly: ${JSON.stringify(radio)}`);
    await page.keyboard.press("ArrowRight");
    await page.waitForFunction(() => new URLSearchParams(location.search).get("pt") === "year");
    await settle(page);
    const afterType = await params();
    assert.equal(afterType.lang, "sv", "the language stays");
    assert.match(afterType.p ?? "", /^\d{4}$/, "the period follows the type");
    const radioAgain = await focused(page);
    assert.ok(radioAgain?.type === "radio" && focusVisible(radioAgain), "focus stays on the radio, visible");

    // Tab to the period select and choose an earlier year with an arrow key.
    const select = await tabTo(page, (f) => f.tag === "select", 5);
    assert.ok(select && focusVisible(select), `the period select takes focus visibly: ${JSON.stringify(select)}`);
    await page.keyboard.press("ArrowDown");
    await page.waitForFunction((p) => new URLSearchParams(location.search).get("p") !== p, afterType.p);
    await settle(page);
    const afterPeriod = await params();
    assert.ok(afterPeriod.p && afterPeriod.p < afterType.p!, `an earlier year (${afterPeriod.p} < ${afterType.p})`);
    assert.deepEqual([afterPeriod.pt, afterPeriod.lang], ["year", "sv"]);

    // The switch now points at this state: back with Shift+Tab to English, Enter.
    let en = null;
    for (let i = 0; i < 80 && !en; i++) {
      await page.keyboard.press("Shift+Tab");
      const f = await focused(page);
      if (f?.language === "en") en = f;
    }
    assert.ok(en && focusVisible(en), "Shift+Tab reaches 'In English', visible");
    await Promise.all([page.waitForURL(/lang=en/), page.keyboard.press("Enter")]);
    await settle(page);
    assert.deepEqual(await params(), { pt: "year", p: afterPeriod.p, lang: "en" }, "the whole state survives the second language change");
    assert.equal(await page.evaluate(() => document.documentElement.lang), "en");
    assert.equal(await page.$eval("fieldset.control-radio input[value=year]", (e) => (e as HTMLInputElement).checked), true);
  } finally {
    await page.close();
  }
});

test("320 px wide and 200 % zoom: the overview does not scroll sideways", async () => {
  for (const [width, lang] of [[320, "fi"], [320, "sv"], [640, "en"]] as const) {
    const page = await open(withLang("", lang), { width, height: 800 });
    try {
      const { scroll, wide } = await page.evaluate(() => ({
        scroll: document.body.scrollWidth,
        // What sticks out, if anything (outside the scroll boxes of tables and charts).
        wide: [...document.querySelectorAll("body *")]
          .filter((el) => !el.closest(".table-scroll, .sa-scroll") && el.getBoundingClientRect().right > window.innerWidth + 1)
          .slice(0, 5)
          .map((el) => `${el.tagName.toLowerCase()}.${(el as HTMLElement).className}`),
      }));
      assert.ok(scroll <= width, `${width} px (${lang}): body.scrollWidth ${scroll}; wide: ${wide.join(", ")}`);
    } finally {
      await page.close();
    }
  }
});

test("printed, a page is a report: no navigation, no language switch, the controls as text", async () => {
  const page = await open("quality?lang=sv");
  try {
    await page.emulateMedia({ media: "print" });
    // (No named functions inside evaluate: tsx would wrap them in a helper the page does not have.)
    const shown = await page.evaluate(() => ({
      sidebar: [...document.querySelectorAll("#observablehq-sidebar")].map((e) => getComputedStyle(e).display),
      switcher: [...document.querySelectorAll("#language-switch")].map((e) => getComputedStyle(e).display),
      main: [...document.querySelectorAll("#observablehq-main")].map((e) => getComputedStyle(e).display),
      download: [...document.querySelectorAll("a[download]")].map((a) => (a as HTMLElement).dataset.printUrl ?? ""),
    }));
    assert.deepEqual(shown.sidebar, ["none"]);
    assert.deepEqual(shown.switcher, ["none"]);
    assert.notDeepEqual(shown.main, ["none"]);
    assert.ok(shown.download.length > 0 && shown.download.every((u) => u.startsWith(origin)), `downloads carry their full address for print: ${shown.download}`);
    const pdf = await page.pdf({ format: "A4" });
    assert.ok(pdf.length > 10_000, "a PDF is written");
  } finally {
    await page.close();
  }
});
