// Two builds of the same extract, each from cold caches, give byte-identical
// sites and exports: no build dates, random ids or thread-order sums.
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { createHash } from "node:crypto";
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative } from "node:path";
import { test } from "node:test";
import { PROJECT_ROOT } from "../loaders/indicators/catalogue.ts";
import { publish, toExportCsv } from "../loaders/publish/emit.ts";
import { generateExtract } from "../loaders/generate/index.ts";
import { runPipeline } from "../loaders/pipeline.ts";
import { tempDir } from "./helpers/extract.ts";
import { dropBuildCaches, tinySite } from "./helpers/tiny-site.ts";

function digest(root: string): Map<string, string> {
  const out = new Map<string, string>();
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir).sort()) {
      const path = join(dir, entry);
      if (statSync(path).isDirectory()) walk(path);
      else out.set(relative(root, path), createHash("sha256").update(readFileSync(path)).digest("hex"));
    }
  };
  walk(root);
  return out;
}

function coldBuild(extract: string, out: string): void {
  // Cold: neither the page data nor Framework's loader cache may carry over.
  dropBuildCaches();
  execFileSync(process.execPath, ["--import", "tsx", "scripts/build.ts", "--out", out], { cwd: PROJECT_ROOT, env: { ...process.env, EXTRACT_DIR: extract }, stdio: ["ignore", "ignore", "pipe"] });
}

// Framework stamps file attachments (and the content hash of modules that reference them, such as
// _import/lib/data.*.js) with the modification time of its loader cache, i.e. the time of a cold
// build; scripts/framework-build.ts sets its clock to the extract's date instead.
// One of the two builds is the suite's shared cold build of the same generated
// extract (helpers/tiny-site.ts), made from another copy of it in another folder.
test("two cold builds of the same extract are byte-identical, exports included", async () => {
  const shared = await tinySite(11);
  const extract = tempDir("repro-extract-");
  await generateExtract({ outDir: extract, scale: "tiny", seed: 11 });
  const root = tempDir("repro-dist-");
  coldBuild(extract, join(root, "b"));
  // The export, computed twice from scratch (each run a new DuckDB).
  const exportA = toExportCsv(publish((await runPipeline(extract)).cells));
  const exportB = toExportCsv(publish((await runPipeline(extract)).cells));
  assert.ok(exportA === exportB, "the export differs between runs");
  const a = digest(shared.dist);
  const b = digest(join(root, "b"));
  assert.ok(a.size > 5);
  assert.deepEqual([...a.keys()], [...b.keys()], "the builds hold different files");
  const differing = [...a].filter(([file, hash]) => b.get(file) !== hash).map(([file]) => file);
  assert.deepEqual(differing, [], "files that differ between the builds");
});
