// Observable Framework configuration. No Google Fonts and no CDN: the built
// site must make no request outside its own origin.
//
// The parameterized pages (dimensions, benefit goals, development areas and
// units) are listed from the programme model and from the units of the
// extract (.build/page-data/meta.json, written by scripts/build.ts before
// Framework runs), so the navigation and the pages follow the data.
import { existsSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { unitSlug } from "./loaders/publish/page-slices.ts";
import { footerHtml, headerHtml } from "./src/components/site/language-switch.ts";
import { STRINGS } from "./src/lib/i18n/all.ts";
import { navigationLabels } from "./src/lib/i18n/navigation.ts";

const root = dirname(fileURLToPath(import.meta.url));
type Named = { id: string; name: { fi: string; sv?: string; en?: string }; shortName?: { fi: string; sv?: string; en?: string } };
const programme = JSON.parse(readFileSync(join(root, "data", "programme.json"), "utf8")) as {
  dimensions: Named[];
  benefitGoals: Named[];
  developmentAreas: Named[];
};
// The page data being audited while a build runs (scripts/build.ts), else .build/page-data.
const metaPath = join(process.env.NELIMAALI_PAGE_DATA ?? join(root, ".build", "page-data"), "meta.json");
const meta = existsSync(metaPath) ? JSON.parse(readFileSync(metaPath, "utf8")) : null;
const units: { unit_id: string }[] = meta?.units ?? [];
// The half-years of the extract period, for the self-assessment pages (src/self-assessment/[period].md.ts).
const halves: string[] = [];
if (meta) {
  const { from, to } = meta.manifest.period as { from: string; to: string };
  for (let y = +from.slice(0, 4); y <= +to.slice(0, 4); y++) {
    for (const h of [1, 2]) {
      const start = `${y}-${h === 1 ? "01" : "07"}-01`;
      const end = `${y}-${h === 1 ? "06-30" : "12-31"}`;
      if (end >= from && start <= to) halves.push(`${y}H${h}`);
    }
  }
}

const dimensionPaths = programme.dimensions.map((d) => `/dimensions/${d.id}`);
const goalPaths = programme.benefitGoals.map((g) => `/goals/${g.id}`);
const areaPaths = programme.developmentAreas.map((a) => `/areas/${a.id}`);
const unitPaths = units.map((u) => `/units/${unitSlug(u.unit_id)}`);
const catalogue = JSON.parse(readFileSync(join(root, "data", "indicators.json"), "utf8")) as { indicators: { id: string }[] };
const comparisonPaths = catalogue.indicators.map((i) => `/comparison/${i.id}`);

// Languages: Framework writes every page's chrome (sidebar, header, footer,
// <title>) as static Finnish HTML. The language switch in the header keeps the
// page and its parameters and sets ?lang=sv|en; the site script
// (src/components/site/site-chrome.ts, in <head> on every page) then sets <html lang>,
// translates the sidebar from the labels below (Finnish label → sv, en), the
// header, the footer and the title. Without JavaScript the site reads in Finnish.
const fi = STRINGS.fi;
const labels = JSON.stringify(navigationLabels(programme as never)).replace(/</g, "\\u003c");

export default {
  root: "src",
  output: process.env.OBSERVABLE_OUTPUT ?? "dist",
  title: fi.siteName,
  globalStylesheets: [],
  style: "style.css",
  search: false,
  // Any static host: every link Framework writes names the page's file
  // ("../methods.html", "../units/index.html"), relative to the page, so a
  // plain file server or object store that maps a path to a file serves the
  // site at its root or under any sub-path, without guessing ".html" or a
  // folder's index. (preserveExtension is the `cleanUrls: false` of older
  // Framework versions.) Links built by hand in pages and loaders follow suit.
  preserveExtension: true,
  preserveIndex: true,
  // TypeScript loaders in one process: Framework's default, the tsx command,
  // starts a second node process to run the loader in (measured: 0.45 s and
  // 0.55 s of CPU a loader against 0.34 s and 0.44 s, with about fifty loader
  // runs in a cold build). Loaders run from the project root, where tsx is.
  interpreters: { ".ts": [process.execPath, "--import", "tsx"] },
  header: ({ path }: { path: string }) => headerHtml(path),
  // Framework makes this root-relative address relative to each page.
  footer: () => footerHtml("/accessibility.html"),
  pager: false,
  toc: false,
  // An inline icon: browsers otherwise ask the server for /favicon.ico.
  head: `<link rel="icon" href="data:,">
<script type="application/json" id="navigation-labels">${labels}</script>
<script type="module" src="/components/site/site-chrome.js"></script>`,
  pages: [
    { name: fi.overview, path: "/" },
    {
      name: fi.dimensions,
      open: true,
      pages: programme.dimensions.map((d) => ({ name: d.name.fi, path: `/dimensions/${d.id}` })),
    },
    {
      name: fi.benefitGoals,
      open: false,
      pages: programme.benefitGoals.map((g) => ({ name: `${g.id} ${g.shortName?.fi ?? g.name.fi}`, path: `/goals/${g.id}` })),
    },
    {
      name: fi.developmentAreas,
      open: false,
      pages: programme.developmentAreas.map((a) => ({ name: `${a.id} ${a.name.fi}`, path: `/areas/${a.id}` })),
    },
    {
      name: fi.units,
      open: true,
      pages: [
        { name: fi.wholeShort, path: "/units/" },
        { name: fi.comparison, path: "/comparison/" },
      ],
    },
    { name: fi.selfAssessment, path: "/self-assessment/" },
    { name: fi.methods, path: "/methods" },
    { name: fi.quality, path: "/quality" },
    { name: fi.exploreNav, path: "/explore" },
    { name: fi.accessibility, path: "/accessibility" },
  ],
  // A partial rebuild (scripts/site-plan.ts) renders only the parameterized pages it names.
  dynamicPaths: [...dimensionPaths, ...goalPaths, ...areaPaths, ...unitPaths, ...comparisonPaths, ...halves.map((h) => `/self-assessment/${h}`)].filter(
    (path) => !process.env.NELIMAALI_PATHS || (JSON.parse(process.env.NELIMAALI_PATHS) as string[]).includes(path),
  ),
};
