// npm run bench [-- --scale small|helsinki] [--contacts N] [--keep] [--memory-limit 8GB] [--runs 3] [--no-site]
// npm run bench -- --extract DIR   (an existing extract folder instead of a generated one)
// npm run bench -- --page-weights [--dist DIR]   (only the page weights of a built site, default dist/)
// npm run bench -- --scale tiny,small --no-site   (issue 18's goals on two scales; --no-build skips the builds)
// Each extract ends with issue 18's goals beside their targets: (1) validate +
// ingest + indicators against twice the bare DuckDB load, (2) a cold site build
// (every cache emptied first; only for --scale helsinki or --extract, a
// build of a small extract says nothing of it) against 3 minutes, (3) the
// rebuild after a narrative edit against 30 s (scripts/bench-build.ts).
// The site figures (bytes per page, time to first chart, and the page weights:
// gzip of each page's HTML, JS and CSS against its target) are measured on the
// bundled sample's build, after the data steps, unless --no-site. With
// --page-weights nothing is built or run: the weights are read from dist/ as
// the last `npm run build` left it (scripts/bench-weights.ts).
// Prints time and peak memory of generate, validate+ingest and indicators,
// beside a bare DuckDB load of the same CSV files: the median of --runs runs,
// taken in turns, with the spread (one run on a shared machine can be off by
// 10 %). Figures, not assertions.
import { execFileSync } from "node:child_process";
import { extent, median } from "d3-array";
import { existsSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parseArgs, runCli } from "../loaders/cli/args.ts";
import { coldBuild, narrativeRebuild } from "./bench-build.ts";
import { measureSite, printSiteFigures } from "./bench-site.ts";
import { OVERVIEW_TARGET_KB, PAGE_TARGET_KB, pageWeights, printPageWeights } from "./bench-weights.ts";

const DIST = join(import.meta.dirname, "..", "dist");

function printWeights(dist: string): void {
  console.log(`\n== page weights (${dist}): gzip kB per page, the overview's first visit ≤ ${OVERVIEW_TARGET_KB} kB, every other page ≤ ${PAGE_TARGET_KB} kB`);
  printPageWeights(pageWeights(dist), dist);
}

runCli(async () => {
  const args = parseArgs(process.argv.slice(2), { scale: "string", keep: "boolean", contacts: "string", "memory-limit": "string", runs: "string", site: "boolean", "no-site": "boolean", "no-build": "boolean", extract: "string", "page-weights": "boolean", dist: "string" });
  if (args["page-weights"]) {
    printWeights((args.dist as string | undefined) ?? DIST);
    return;
  }
  // Passed to each step's process: the generator's contact count and DuckDB's memory limit.
  if (args.contacts) process.env.BENCH_CONTACTS = String(args.contacts);
  if (args["memory-limit"]) process.env.BENCH_MEMORY_LIMIT = String(args["memory-limit"]);
  const extract = args.extract as string | undefined;
  if (extract && (args.scale || args.contacts)) throw new Error("--extract measures the folder as it is: it takes no --scale or --contacts");
  // A generated extract per scale (kept between runs with --keep), or the one folder given.
  const targets = extract
    ? [{ dir: extract, title: `extract ${extract}`, scale: null }]
    : ((args.scale as string | undefined) ?? "small").split(",").map((scale) => {
        const dir = join(tmpdir(), `nelimaali-bench-${scale}${args.contacts ? `-${args.contacts}` : ""}`);
        return { dir, title: `scale ${scale} (${dir})`, scale };
      });
  for (const { dir, title, scale } of targets) {
    const step = (name: string) => {
      const out = execFileSync(process.execPath, ["--import", "tsx", join(import.meta.dirname, "bench-step.ts"), name, dir, scale ?? ""], { encoding: "utf8", stdio: ["ignore", "pipe", "inherit"], maxBuffer: 1 << 24, env: process.env });
      return JSON.parse(out.trim().split("\n").pop()!) as Record<string, number>;
    };
    console.log(`\n== ${title}`);
    if (scale && (!existsSync(join(dir, "manifest.json")) || !args.keep)) {
      rmSync(dir, { recursive: true, force: true });
      const g = step("generate");
      console.log(`generate                 ${g.seconds.toFixed(1).padStart(7)} s   peak ${String(g.peak_rss_mb).padStart(6)} MB`);
    }
    const runs = Math.max(1, Number(args.runs ?? 3));
    const bares: Record<string, number>[] = [];
    const pipelines: Record<string, number>[] = [];
    for (let i = 0; i < runs; i++) {
      bares.push(step("bare-load"));
      pipelines.push(step("pipeline"));
    }
    const bare = median(bares.map((b) => b.seconds))!;
    const ingest = pipelines.map((p) => p.validate_ingest_s);
    const whole = pipelines.map((p) => p.seconds);
    const peak = (xs: Record<string, number>[]) => String(Math.max(...xs.map((x) => x.peak_rss_mb))).padStart(6);
    const p = pipelines[0];
    console.log(`(median of ${runs} run${runs === 1 ? "" : "s"}; min–max in brackets)`);
    console.log(`bare DuckDB CSV load     ${bare.toFixed(1).padStart(7)} s   peak ${peak(bares)} MB   ${spread(bares.map((b) => b.seconds))}`);
    console.log(`validate + ingest        ${median(ingest)!.toFixed(1).padStart(7)} s   (${(median(ingest)! / bare).toFixed(2)} × bare load)   ${spread(ingest)}`);
    console.log(`indicators               ${median(pipelines.map((x) => x.indicators_s))!.toFixed(1).padStart(7)} s   ${p.cells} cells`);
    console.log(`suppression              ${median(pipelines.map((x) => x.suppression_s))!.toFixed(1).padStart(7)} s   ${p.suppressed} withheld (${pct(p.suppressed, p.cells)}), ${p.threshold} under the threshold (${pct(p.threshold, p.cells)})`);
    console.log(`privacy audit            ${median(pipelines.map((x) => x.audit_s))!.toFixed(1).padStart(7)} s   ${p.audit_recovered} figures recovered, ${p.audit_zeros} withheld zeros visible as zeros, ${p.audit_contradictions} contradictions`);
    console.log(`whole pipeline           ${median(whole)!.toFixed(1).padStart(7)} s   peak ${peak(pipelines)} MB   (${(median(whole)! / bare).toFixed(2)} × bare load)   ${spread(whole)}`);
    console.log(`-- issue 18 goals (one shared machine: read the times as ±10 % or worse)`);
    const rows = (["contacts", "visits"] as const).reduce((n, t) => n + (JSON.parse(readFileSync(join(dir, "manifest.json"), "utf8")).tables?.[t]?.rows ?? 0), 0);
    const indicators = median(pipelines.map((x) => x.validate_ingest_s + x.indicators_s))!;
    goal(1, `validate + ingest + indicators on ${rows.toLocaleString("en")} contacts + visits`, indicators, 2 * bare, `2 × bare load = ${(2 * bare).toFixed(1)} s`);
    if (args["no-build"]) console.log("goal 2, goal 3: not measured (--no-build)");
    else {
      if (extract || scale === "helsinki") goal(2, "cold site build (caches emptied)", coldBuild(dir), 180, "3 min");
      else console.log("goal 2  cold site build: not measured (only with --scale helsinki or --extract DIR)");
      const rebuild = narrativeRebuild(dir);
      goal(3, `rebuild after a narrative edit (${rebuild.pages})`, rebuild.seconds, 30, "30 s");
    }
  }
  if (!args["no-site"]) {
    console.log("\n== site (bundled sample): transferred size and time to first chart per page");
    execFileSync(process.execPath, ["--import", "tsx", join(import.meta.dirname, "build.ts")], { stdio: ["ignore", "ignore", "inherit"], env: { ...process.env, EXTRACT_DIR: "" } });
    printSiteFigures(await measureSite(DIST));
    printWeights(DIST);
  }
});

function goal(n: number, what: string, seconds: number, target: number, targetText: string): void {
  console.log(`goal ${n}  ${what}: ${seconds.toFixed(1)} s   target ≤ ${targetText}   ${seconds <= target ? "met" : "NOT met"}`);
}

// Declared functions (hoisted): the steps run synchronously while the module is still evaluating.
function pct(part: number, whole: number): string {
  return `${((100 * part) / whole).toFixed(1)} %`;
}

function spread(xs: number[]): string {
  const [lo, hi] = extent(xs) as [number, number];
  return xs.length > 1 ? `[${lo.toFixed(1)}–${hi.toFixed(1)} s]` : "";
}
