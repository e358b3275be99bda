// The site built from a tiny generated extract, once per seed and code: the
// browser tests (site, accessibility) and the reproducibility test read the
// same build instead of making their own, which is most of the suite's time.
// Kept in .build/test-sites/<key>/, the key being the seed and every file the
// build reads (src, loaders, scripts, data but the sample, the config and the
// lockfile), so an edit anywhere gives a fresh build. The build is cold (no
// page data, no loader cache), as the reproducibility test needs.
import { createHash } from "node:crypto";
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from "node:fs";
import { join, relative } from "node:path";
import { PROJECT_ROOT } from "../../loaders/indicators/catalogue.ts";
import { generateExtract } from "../../loaders/generate/index.ts";
import { buildSite } from "./a11y.ts";

const ROOT = join(PROJECT_ROOT, ".build", "test-sites");
const INPUTS = ["src", "loaders", "scripts", "data", "observablehq.config.ts", "package.json", "package-lock.json"];
const SKIP = new Set(["src/.observablehq", "data/sample"]);

function codeKey(seed: number): string {
  const h = createHash("sha256").update(`seed ${seed}\n`);
  const add = (path: string) => {
    const rel = relative(PROJECT_ROOT, path);
    if (SKIP.has(rel)) return;
    if (statSync(path).isDirectory()) for (const e of readdirSync(path).sort()) add(join(path, e));
    else h.update(`${rel}\n`).update(readFileSync(path));
  };
  for (const p of INPUTS) if (existsSync(join(PROJECT_ROOT, p))) add(join(PROJECT_ROOT, p));
  return h.digest("hex").slice(0, 16);
}

/** Removes the page data and Framework's loader cache, so that the next build starts from nothing. */
export function dropBuildCaches(): void {
  rmSync(join(PROJECT_ROOT, ".build", "page-data"), { recursive: true, force: true });
  rmSync(join(PROJECT_ROOT, "src", ".observablehq", "cache"), { recursive: true, force: true });
}

/** The built site (dist) and its extract, for the tiny generated extract of `seed`; built cold on first use. */
export async function tinySite(seed: number): Promise<{ dist: string; extract: string }> {
  const dir = join(ROOT, codeKey(seed));
  const site = { dist: join(dir, "dist"), extract: join(dir, "extract") };
  if (existsSync(join(dir, "done"))) return site;
  // Builds of older code are of no use any more.
  if (existsSync(ROOT)) for (const e of readdirSync(ROOT)) if (!e.startsWith(".")) rmSync(join(ROOT, e), { recursive: true, force: true });
  const work = join(ROOT, `.work-${process.pid}`);
  rmSync(work, { recursive: true, force: true });
  mkdirSync(work, { recursive: true });
  await generateExtract({ outDir: join(work, "extract"), scale: "tiny", seed });
  dropBuildCaches();
  await buildSite(join(work, "extract"), join(work, "dist"));
  writeFileSync(join(work, "done"), "");
  rmSync(dir, { recursive: true, force: true });
  renameSync(work, dir);
  return site;
}
