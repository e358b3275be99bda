// Page weights, read from a built site (dist/ after `npm run build`; nothing
// is built here): per page, the gzip bytes of its HTML and of every JS and CSS
// module it loads on a first visit —
//   - the stylesheets, module scripts and <link rel="modulepreload"> of the HTML;
//   - the modules its inline module scripts import (Framework turns a page's
//     imports into import("…") calls in the page);
//   - every module those import or re-export statically, transitively
//     (the same graph the modulepreload links list).
// Dynamic import("…") inside a module is not followed: it loads only when used
// (Framework's stdlib imports DuckDB, Arquero or Arrow that way, on demand) —
// except the UI strings: every page imports its one language's file
// (src/lib/i18n.ts loadLanguage), so the Finnish one, the default, is counted.
// Data files (FileAttachment) are not counted here; `npm run bench` measures
// the bytes a page transfers in a browser, data included, beside these.
//
// Targets (issue 14): the overview's first visit ≤ 250 kB gzip including the
// shared modules; every other page ≤ 150 kB on its own first visit. A second
// column says what a page adds when the overview was visited first (the
// shared modules already cached).
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { dirname, join, normalize, relative, sep } from "node:path";
import { gzipSync } from "node:zlib";

export const OVERVIEW_TARGET_KB = 250;
export const PAGE_TARGET_KB = 150;

export interface PageWeight {
  /** The page's path without .html ("" for the overview, "units/" for units/index). */
  page: string;
  /** Gzip bytes of the HTML. */
  html: number;
  /** Gzip bytes of the JS and CSS it loads. */
  modules: number;
  /** html + modules: the first visit. */
  total: number;
  /** html + the modules the overview did not load already. */
  afterOverview: number;
  /** The target in bytes: 250 kB for the overview, 150 kB for the others. */
  target: number;
  /** The files loaded, relative to dist/, in the order found. */
  files: string[];
}

/** The pages of dist/, as paths without .html (Framework's own folders, "_…", left out). */
export function htmlFiles(dist: string): string[] {
  const out: string[] = [];
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) {
        if (!entry.name.startsWith("_")) walk(path);
      } else if (entry.name.endsWith(".html")) out.push(relative(dist, path).split(sep).join("/"));
    }
  };
  walk(dist);
  return out;
}

const pageName = (file: string) => file.replace(/\.html$/, "").replace(/(^|\/)index$/, "$1");

/** A reference from `from` (a file relative to dist/) to a file in dist/, or null when it points elsewhere (another origin, data:, a missing file). */
function resolveIn(dist: string, from: string, href: string): string | null {
  if (/^[a-z][a-z0-9+.-]*:/i.test(href) || href.startsWith("//")) return null;
  const path = href.replace(/[?#].*$/, "");
  const target = normalize(path.startsWith("/") ? path.slice(1) : join(dirname(from), path)).split(sep).join("/");
  if (target.startsWith("..") || !existsSync(join(dist, target))) return null;
  return target;
}

const attr = (tag: string, name: string) => new RegExp(`\\s${name}\\s*=\\s*(?:"([^"]*)"|'([^']*)'|([^\\s>]+))`, "i").exec(tag)?.slice(1).find((v) => v !== undefined) ?? null;

/** What the HTML loads: stylesheets, module scripts, modulepreloads, and the imports of its inline module scripts. */
function htmlReferences(html: string): string[] {
  const refs: string[] = [];
  for (const [tag] of html.matchAll(/<link\b[^>]*>/gi)) {
    const rel = (attr(tag, "rel") ?? "").toLowerCase().split(/\s+/);
    const href = attr(tag, "href");
    if (href && (rel.includes("modulepreload") || rel.includes("stylesheet"))) refs.push(href);
  }
  for (const [, open, body] of html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/gi)) {
    if ((attr(open, "type") ?? "").toLowerCase() !== "module") continue;
    const src = attr(open, "src");
    if (src) refs.push(src);
    else refs.push(...staticImports(body), ...[...body.matchAll(/\bimport\s*\(\s*(["'])([^"']+)\1\s*\)/g)].map((m) => m[2]));
  }
  return refs;
}

/** The specifiers a module imports or re-exports statically: import … from "x", import "x", export … from "x". */
function staticImports(code: string): string[] {
  return [...code.matchAll(/(?:^|[^\w$.])(?:import|export)\s*(?:[\w$*{}\s,]*?\bfrom\s*)?(["'])([^"'\n]+)\1/g)].map((m) => m[2]);
}

/** The specifiers a module imports dynamically with a literal: import("x"). */
function dynamicImports(code: string): string[] {
  return [...code.matchAll(/\bimport\s*\(\s*(["'])([^"'\n]+)\1\s*\)/g)].map((m) => m[2]);
}

/** The Finnish UI strings as Framework names them (_import/lib/i18n/fi.<hash>.js). */
const FINNISH_STRINGS = /(^|\/)i18n\/fi\.[0-9a-f]+\.js$/;

/** A stylesheet's @import url(…). */
function cssImports(css: string): string[] {
  return [...css.matchAll(/@import\s+(?:url\(\s*)?(["']?)([^"')\s;]+)\1/g)].map((m) => m[2]);
}

/** The page's weight and the files behind it. */
function weigh(dist: string, file: string, gz: (f: string) => number): { html: number; files: string[] } {
  const seen = new Set<string>();
  const queue: string[] = [];
  const add = (from: string, href: string) => {
    const target = resolveIn(dist, from, href);
    if (target && /\.(m?js|css)$/.test(target) && !seen.has(target)) {
      seen.add(target);
      queue.push(target);
    }
  };
  for (const href of htmlReferences(readFileSync(join(dist, file), "utf8"))) add(file, href);
  while (queue.length) {
    const module = queue.shift()!;
    const text = readFileSync(join(dist, module), "utf8");
    for (const href of module.endsWith(".css") ? cssImports(text) : staticImports(text)) add(module, href);
    if (!module.endsWith(".css")) for (const href of dynamicImports(text)) if (FINNISH_STRINGS.test(href)) add(module, href);
  }
  return { html: gz(file), files: [...seen] };
}

/** Every page's weight; the overview (index.html) first. */
export function pageWeights(dist: string): PageWeight[] {
  if (!existsSync(join(dist, "index.html"))) throw new Error(`${dist}: no built site (run npm run build first)`);
  const sizes = new Map<string, number>();
  const gz = (f: string) => {
    let n = sizes.get(f);
    if (n === undefined) sizes.set(f, (n = gzipSync(readFileSync(join(dist, f))).length));
    return n;
  };
  const files = htmlFiles(dist).sort((a, b) => Number(b === "index.html") - Number(a === "index.html"));
  const weighed = files.map((f) => ({ file: f, ...weigh(dist, f, gz) }));
  const overview = new Set(weighed.find((w) => w.file === "index.html")!.files);
  return weighed.map((w) => {
    const modules = w.files.reduce((sum, f) => sum + gz(f), 0);
    const fresh = w.files.filter((f) => !overview.has(f)).reduce((sum, f) => sum + gz(f), 0);
    const isOverview = w.file === "index.html";
    return {
      page: pageName(w.file), html: w.html, modules, total: w.html + modules, afterOverview: isOverview ? w.html + modules : w.html + fresh,
      target: (isOverview ? OVERVIEW_TARGET_KB : PAGE_TARGET_KB) * 1024, files: w.files,
    };
  });
}

const kB = (bytes: number) => (bytes / 1024).toFixed(1);

/** Pages from one template (units/…, comparison/…) share a row: "units/… (58 pages)", with the heaviest page's figures. */
function family(page: string): string {
  const slash = page.indexOf("/");
  return slash > 0 && slash < page.length - 1 ? `${page.slice(0, slash)}/…` : page;
}

/**
 * The table `npm run bench` prints: the overview, then every other page (a
 * row per page, pages from one template in one row with their heaviest), each
 * beside its target; for a page over its target, its largest files. Returns
 * the pages over their target.
 */
export function printPageWeights(weights: readonly PageWeight[], dist: string): PageWeight[] {
  const groups = new Map<string, PageWeight[]>();
  for (const w of weights) groups.set(family(w.page), [...(groups.get(family(w.page)) ?? []), w]);
  console.log(`${"page".padEnd(40)} ${"html".padStart(6)} ${"js+css".padStart(7)} ${"first visit".padStart(11)} ${"target".padStart(7)}      ${"after overview".padStart(14)}`);
  for (const [name, list] of groups) {
    const w = list.reduce((a, b) => (b.total > a.total ? b : a));
    const lightest = Math.min(...list.map((x) => x.total));
    const label = list.length > 1 ? `${name} (${list.length} pages)` : name || "(overview)";
    const range = list.length > 1 && w.total - lightest >= 0.05 * 1024 ? ` (from ${kB(lightest)})` : "";
    console.log(
      `${label.padEnd(40)} ${kB(w.html).padStart(6)} ${kB(w.modules).padStart(7)} ${kB(w.total).padStart(11)} ${`≤ ${w.target / 1024}`.padStart(7)} ${w.total > w.target ? "OVER" : "ok  "}  ${(w.page ? kB(w.afterOverview) : "–").padStart(14)}${range}`,
    );
  }
  const over = weights.filter((w) => w.total > w.target);
  const gz = (f: string) => gzipSync(readFileSync(join(dist, f))).length;
  for (const [name, list] of groups) {
    const w = list.filter((x) => x.total > x.target).sort((a, b) => b.total - a.total)[0];
    if (!w) continue;
    const largest = w.files.map((f) => ({ f, n: gz(f) })).sort((a, b) => b.n - a.n).slice(0, 3);
    console.log(`  over: ${name || "(overview)"} — HTML ${kB(w.html)} kB; largest: ${largest.map((x) => `${x.f.replace(/\.[0-9a-f]{8}\.(js|css)$/, ".$1")} ${kB(x.n)} kB`).join(", ")}`);
  }
  console.log(`(kB of gzip: the HTML and every JS and CSS module it loads on a first visit; "after overview": what it adds when the overview was visited first; data files not included; ${weights.length} pages; ${over.length ? `${over.length} over target` : "all within target"})`);
  return over;
}
