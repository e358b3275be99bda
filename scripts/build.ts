// npm run build [-- --tolerant] [--out DIR] / npm run dev
// 1. computes the page data from EXTRACT_DIR (or the bundled sample) — a broken
//    extract stops here with its violations, and so does a table from which the
//    privacy audit works out a withheld figure, before anything is touched;
// 2. clears Framework's loader cache when the extract or the data code changed
//    (Framework itself only notices edits to the loader files);
// 3. builds into a fresh folder while the audit runs (Framework dated by the extract, not the
//    clock: scripts/framework-build.ts), fixes what Framework's HTML gets wrong for
//    accessibility (scripts/html-postprocess.ts), and swaps it in for dist/, so
//    a failed build leaves the previous site as it was;
// 4. with --serve, serves dist/ on http://localhost:3000.
import { spawn } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { extractDirFromEnv, parseArgs, runCli } from "../loaders/cli/args.ts";
import { PROJECT_ROOT } from "../loaders/catalogue.ts";
import { fingerprint } from "../loaders/fingerprint.ts";
import { ensurePageData } from "../loaders/page-data.ts";
import { withBuildLock } from "./build-lock.ts";
import { fixHtmlFiles } from "./html-postprocess.ts";
import { serve } from "./serve.ts";

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
  let framework: Promise<void> | null = null;
  // Framework builds the site from the data about to be published while the
  // privacy audit reads it (two cores, two jobs); the site is swapped in only
  // if both succeed. With the page data already current (and so audited), it
  // builds from that.
  const dataDir = await ensurePageData(extractDir, {
    tolerant,
    onProgress: (m) => console.error(`  ${m}`),
    whileAuditing: (pending, signal) => (framework = frameworkBuild(extractDir, tolerant, pending, out, signal)),
  });
  await (framework ?? frameworkBuild(extractDir, tolerant, dataDir, out));
  const old = `${dist}.old`;
  rmSync(old, { recursive: true, force: true });
  if (existsSync(dist)) renameSync(dist, old);
  renameSync(out, dist);
  rmSync(old, { recursive: true, force: true });
  console.error(`built ${dist} in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  return dist;
}

/** `observable build` of the page data in dataDir into out, with its HTML fixed; killed when signal aborts. */
async function frameworkBuild(extractDir: string, tolerant: boolean, dataDir: string, out: string, signal?: AbortSignal): Promise<void> {
  // The cache key: the extract, the mode and every file that shapes the loaders' output (loaders/fingerprint.ts).
  const print = fingerprint(extractDir, { tolerant });
  const cacheDir = join(PROJECT_ROOT, "src", ".observablehq", "cache");
  const stamp = join(PROJECT_ROOT, ".build", "cache-fingerprint");
  if (!existsSync(stamp) || readFileSync(stamp, "utf8") !== print) {
    rmSync(cacheDir, { recursive: true, force: true });
    mkdirSync(join(PROJECT_ROOT, ".build"), { recursive: true });
    writeFileSync(stamp, print);
  }
  rmSync(out, { recursive: true, force: true });
  // `observable build` with Framework's clock set to the extract's date, so the
  // site does not carry the time its loaders ran (scripts/framework-build.ts).
  const extractDate = (JSON.parse(readFileSync(join(dataDir, "meta.json"), "utf8")).manifest.extracted_at as string).slice(0, 10);
  // Framework runs the .ts data loaders with tsx, which it looks up on PATH;
  // they and the config read the page data from dataDir.
  const child = spawn(process.execPath, ["--import", "tsx", join(PROJECT_ROOT, "scripts", "framework-build.ts")], {
    cwd: PROJECT_ROOT,
    stdio: "inherit",
    env: { ...process.env, OBSERVABLE_OUTPUT: out, EXTRACT_DIR: extractDir, FRAMEWORK_DATE: extractDate, NELIMAALI_PAGE_DATA: dataDir, PATH: `${join(PROJECT_ROOT, "node_modules", ".bin")}:${process.env.PATH}` },
  });
  const stop = () => child.kill("SIGTERM");
  signal?.addEventListener("abort", stop, { once: true });
  const status = await new Promise<number | null>((done) => child.on("close", done));
  signal?.removeEventListener("abort", stop);
  if (signal?.aborted) {
    rmSync(out, { recursive: true, force: true });
    throw new Error("the site build was stopped: the privacy audit refused the data; dist/ was left as it was");
  }
  if (status !== 0 || !existsSync(join(out, "index.html"))) {
    rmSync(out, { recursive: true, force: true });
    throw new Error("the site build failed; dist/ was left as it was");
  }
  // <html lang>, a zoomable viewport and a valid sidebar list (scripts/html-postprocess.ts).
  fixHtmlFiles(out);
}
