// npm run build [-- --tolerant] [--out DIR] / npm run dev
// 1. computes the page data from EXTRACT_DIR (or the bundled sample) — a broken
//    extract stops here with its violations, and so does a table from which the
//    privacy audit works out a withheld figure, before anything is touched;
//    — unless .build/page-data is current for the extract, the mode and the
//    code that makes it (loaders/extract/fingerprint.ts), which skips the pipeline and
//    the audit;
// 2. drops from Framework's loader cache the output of each loader whose key
//    changed (scripts/loader-cache.ts: the page data's key, the loader's code,
//    the narratives it reads: scripts/loader-inputs.ts), so Framework reruns only those loaders;
// 3. builds into a fresh folder while the audit runs — all pages, or only the
//    affected ones laid over the previous site when nothing but narratives or
//    a non-parameterized page changed (scripts/site-plan.ts) — (Framework dated by the extract, not the
//    clock: scripts/framework-build.ts), fixes what Framework's HTML gets wrong for
//    accessibility (scripts/html-postprocess.ts), keeps the previous site's
//    files where the bytes are the same (scripts/reuse-outputs.ts) and swaps
//    it in for dist/, so a failed build leaves the previous site as it was;
// 4. with --serve, serves dist/ on http://localhost:3000.
import { spawn } from "node:child_process";
import { existsSync, readFileSync, renameSync, rmSync } from "node:fs";
import { join, resolve } from "node:path";
import { extractDirFromEnv, parseArgs, runCli } from "../loaders/cli/args.ts";
import { PROJECT_ROOT } from "../loaders/indicators/catalogue.ts";
import { recordPublished } from "../loaders/publish/extract-changes.ts";
import { fingerprint } from "../loaders/extract/fingerprint.ts";
import { ensurePageData } from "../loaders/publish/page-data.ts";
import { withBuildLock } from "./build-lock.ts";
import { fixHtmlFiles } from "./html-postprocess.ts";
import { refreshLoaderCache } from "./loader-cache.ts";
import { loaderRuntimeInputs } from "./loader-inputs.ts";
import { overlay, reuseUnchanged, type ReuseReport } from "./reuse-outputs.ts";
import { serve } from "./serve.ts";
import { planPages, readSiteState, siteState, writeSiteState, type SiteState } from "./site-plan.ts";

runCli(async () => {
  const args = parseArgs(process.argv.slice(2), { serve: "boolean", tolerant: "boolean", port: "string", out: "string" });
  const lock = join(PROJECT_ROOT, ".build", "build.lock");
  const dist = await withBuildLock(lock, () => build(args), (pid) => console.error(`waiting for another build (pid ${pid})…`));
  if (args.serve) await serve(dist, Number(args.port ?? 3000));
});

async function build(args: Record<string, string | boolean | undefined>): Promise<string> {
  const extractDir = await extractDirFromEnv();
  console.error(`extract: ${extractDir}`);
  const started = Date.now();
  const tolerant = Boolean(args.tolerant);
  // Built beside the target (same file system), then swapped in.
  const dist = resolve(PROJECT_ROOT, (args.out as string | undefined) ?? "dist");
  const out = `${dist}.next`;
  let framework: Promise<SiteBuild> | null = null;
  // Framework builds the site from the data about to be published while the
  // privacy audit reads it (two cores, two jobs); the site is swapped in only
  // if both succeed. With the page data already current (and so audited), it
  // builds from that.
  const dataDir = await ensurePageData(extractDir, {
    tolerant,
    onProgress: (m) => console.error(`  ${m}`),
    whileAuditing: async (pending, signal) => {
      await (framework = frameworkBuild(extractDir, tolerant, pending, out, dist, signal));
    },
  });
  const site = await (framework ?? frameworkBuild(extractDir, tolerant, dataDir, out, dist));
  const old = `${dist}.old`;
  rmSync(old, { recursive: true, force: true });
  const reused = site.reused ?? reuseUnchanged(out, dist);
  console.error(`site: ${reused.written.length} files written, ${reused.unchanged} unchanged kept from the previous site${reused.written.length <= 20 ? `: ${reused.written.join(", ")}` : ""}`);
  if (existsSync(dist)) renameSync(dist, old);
  renameSync(out, dist);
  rmSync(old, { recursive: true, force: true });
  writeSiteState(SITE_STATE, dist, site.state);
  // Published: its export becomes what the next extract's build compares with.
  recordPublished(dataDir);
  console.error(`built ${dist} in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  return dist;
}

const SITE_STATE = join(PROJECT_ROOT, ".build", "site-state.json");

interface SiteBuild {
  /** What the site is built from (scripts/site-plan.ts). */
  state: SiteState;
  /** A partial build's files laid over the previous site; null after a full build. */
  reused: ReuseReport | null;
}

/**
 * `observable build` of the page data in dataDir into out, with its HTML
 * fixed; killed when signal aborts. Renders only the pages that changed when
 * the site in dist was built from the same data and code (scripts/site-plan.ts).
 */
async function frameworkBuild(extractDir: string, tolerant: boolean, dataDir: string, out: string, dist: string, signal?: AbortSignal): Promise<SiteBuild> {
  const pageData = fingerprint(extractDir, { tolerant });
  const state = siteState(PROJECT_ROOT, pageData);
  // Each cached loader output is kept while its key holds: the page data's
  // (extract, mode, code), the loader's own code, and what it reads at run time.
  const cache = refreshLoaderCache({
    root: PROJECT_ROOT,
    cacheDir: join(PROJECT_ROOT, "src", ".observablehq", "cache"),
    keysFile: join(PROJECT_ROOT, ".build", "loader-keys.json"),
    pageData,
    runtimeInputs: (loader, closure, params) => loaderRuntimeInputs(loader, closure, params, dataDir),
  });
  console.error(`loader cache: ${cache.kept} outputs reused, ${cache.dropped.length} dropped${cache.dropped.length ? `: ${cache.dropped.map((e) => e.path).join(", ")}` : ""}`);
  const paths = planPages(readSiteState(SITE_STATE, dist), state, cache.dropped);
  console.error(paths ? `pages: rendering the non-parameterized and sidebar pages${paths.length ? ` and ${paths.join(", ")}` : ""}, over the previous site` : "pages: rendering all");
  // A partial build is written beside, then laid over a link copy of the previous site.
  const target = paths ? `${out}.pages` : out;
  rmSync(out, { recursive: true, force: true });
  rmSync(target, { recursive: true, force: true });
  // `observable build` with Framework's clock set to the extract's date, so the
  // site does not carry the time its loaders ran (scripts/framework-build.ts).
  const extractDate = (JSON.parse(readFileSync(join(dataDir, "meta.json"), "utf8")).manifest.extracted_at as string).slice(0, 10);
  // Framework runs the .ts data loaders with node --import tsx
  // (observablehq.config.ts) from PROJECT_ROOT, where tsx resolves; they and
  // the config read the page data from dataDir.
  const child = spawn(process.execPath, ["--import", "tsx", join(PROJECT_ROOT, "scripts", "framework-build.ts")], {
    cwd: PROJECT_ROOT,
    stdio: "inherit",
    env: { ...process.env, OBSERVABLE_OUTPUT: target, NELIMAALI_PATHS: paths ? JSON.stringify(paths) : "", EXTRACT_DIR: extractDir, FRAMEWORK_DATE: extractDate, NELIMAALI_PAGE_DATA: dataDir, PATH: `${join(PROJECT_ROOT, "node_modules", ".bin")}:${process.env.PATH}` },
  });
  const stop = () => child.kill("SIGTERM");
  signal?.addEventListener("abort", stop, { once: true });
  const status = await new Promise<number | null>((done) => child.on("close", done));
  signal?.removeEventListener("abort", stop);
  if (signal?.aborted) {
    rmSync(target, { recursive: true, force: true });
    throw new Error("the site build was stopped: the privacy audit refused the data; dist/ was left as it was");
  }
  if (status !== 0 || !existsSync(join(target, "index.html"))) {
    rmSync(target, { recursive: true, force: true });
    throw new Error("the site build failed; dist/ was left as it was");
  }
  cache.record();
  // <html lang>, a zoomable viewport and a valid sidebar list (scripts/html-postprocess.ts).
  fixHtmlFiles(target);
  if (!paths) return { state, reused: null };
  const reused = overlay(target, dist, out);
  rmSync(target, { recursive: true, force: true });
  return { state, reused };
}

