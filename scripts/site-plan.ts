// Which pages a rebuild renders. Framework's build renders every page; when
// all that changed since the site in dist/ was built is narratives or the
// Markdown of pages that are not parameterized, the rebuild renders only the
// affected ones (through the config's dynamicPaths, NELIMAALI_PATHS; Framework
// always renders the non-parameterized pages and the sidebar's) and lays them over
// the previous site (scripts/reuse-outputs.ts). Anything else — the page data,
// code, a component, the config, a parameterized page's Markdown, a loader
// output other than a half-year's self-assessment — renders all pages.
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { hashFiles } from "../loaders/extract/fingerprint.ts";
import type { CacheEntry } from "./loader-cache.ts";

/** What a site was built from: the page data's key, the code's hash and each page's Markdown hash. */
export interface SiteState {
  pageData: string;
  code: string;
  pages: Record<string, string>;
}

function walk(dir: string, rel: string, out: string[]): void {
  if (!existsSync(dir)) return;
  for (const entry of readdirSorted(dir)) {
    if (entry.name === ".observablehq" || entry.name === "node_modules") continue;
    const path = rel ? `${rel}/${entry.name}` : entry.name;
    if (entry.isDirectory()) walk(join(dir, entry.name), path, out);
    else out.push(path);
  }
}

const readdirSorted = (dir: string) => readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1));

/** The state of the project for a site built from page data `pageData`. */
export function siteState(root: string, pageData: string): SiteState {
  const src: string[] = [];
  walk(join(root, "src"), "src", src);
  const pageFiles = src.filter((f) => f.endsWith(".md"));
  const code = [...src.filter((f) => !f.endsWith(".md")), "observablehq.config.ts", "package-lock.json"];
  const scripts: string[] = [];
  walk(join(root, "scripts"), "scripts", scripts);
  return {
    pageData,
    code: hashFiles([...code, ...scripts].filter((f) => existsSync(join(root, f))), root),
    pages: Object.fromEntries(pageFiles.map((f) => [f, hashFiles([f], root)])),
  };
}

/** The parameterized pages to render, or null: render all. */
export function planPages(previous: SiteState | null, now: SiteState, dropped: readonly CacheEntry[]): string[] | null {
  if (!previous || previous.pageData !== now.pageData || previous.code !== now.code) return null;
  const names = new Set([...Object.keys(previous.pages), ...Object.keys(now.pages)]);
  for (const page of names) {
    if (previous.pages[page] === now.pages[page]) continue;
    // A page added, removed or parameterized changes the navigation or many pages.
    if (!previous.pages[page] || !now.pages[page] || page.includes("[")) return null;
  }
  const paths = new Set<string>();
  for (const entry of dropped) {
    if (!entry.loader.startsWith("self-assessment/")) return null;
    if (entry.params.period) paths.add(`/self-assessment/${entry.params.period}`);
    else if (entry.loader.includes("[")) return null;
  }
  return [...paths].sort();
}

/** The states of the sites built, by output folder. */
export function readSiteState(file: string, dist: string): SiteState | null {
  if (!existsSync(file) || !existsSync(join(dist, "index.html"))) return null;
  return (JSON.parse(readFileSync(file, "utf8")) as Record<string, SiteState>)[dist] ?? null;
}

export function writeSiteState(file: string, dist: string, state: SiteState): void {
  const all = existsSync(file) ? (JSON.parse(readFileSync(file, "utf8")) as Record<string, SiteState>) : {};
  all[dist] = state;
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, JSON.stringify(all));
}
