// Issue 18, goal 3: a narrative edit rebuilds without rerunning the pipeline,
// the audit or any loader but the half-year's self-assessment ones, renders
// only that half-year's page beside those Framework always renders, and leaves
// every other file of the site as it was (not rewritten: the same file).
// Two builds of the tiny generated extract, with the narratives in a copy
// (NARRATIVES_DIR), so the project's own are never touched.
import assert from "node:assert/strict";
import { execFileSync, spawnSync } from "node:child_process";
import { appendFileSync, cpSync, existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { test } from "node:test";
import JSZip from "jszip";
import { PROJECT_ROOT } from "../loaders/indicators/catalogue.ts";
import { wordText } from "./helpers/docx-text.ts";
import { tempDir } from "./helpers/extract.ts";

const PERIOD = "2021H2";
const TEXT = "Arvio kirjoitettu uudelleen: tavoite 4f2c.";

function build(extract: string, narratives: string, out: string): string {
  const run = spawnSync(process.execPath, ["--import", "tsx", "scripts/build.ts", "--out", out], {
    cwd: PROJECT_ROOT,
    env: { ...process.env, EXTRACT_DIR: extract, NARRATIVES_DIR: narratives, NO_COLOR: "1", FORCE_COLOR: "0" },
    encoding: "utf8",
    maxBuffer: 1 << 28,
  });
  const log = `${run.stdout}\n${run.stderr}`.replace(/\x1b\[[0-9;]*m/g, "");
  assert.equal(run.status, 0, `the build failed:\n${log.slice(-4000)}`);
  return log;
}

const files = (dir: string, rel = ""): string[] =>
  readdirSync(join(dir, rel), { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? files(dir, join(rel, e.name)) : [join(rel, e.name)]));
const identity = (file: string) => {
  const s = statSync(file);
  return `${s.ino}:${s.mtimeMs}`;
};
const docxOf = (dist: string) => files(dist).find((f) => f.includes(`exports/${PERIOD}/`) && /-fi\.[0-9a-f]{8}\.docx$/.test(f));

test("a narrative edit reruns no pipeline, audit or other loader, and rewrites only that half-year's outputs", { timeout: 60 * 60_000 }, async (t) => {
  const extract = join(tempDir("rebuild-extract-"), "extract");
  execFileSync(process.execPath, ["--import", "tsx", "loaders/generate/cli.ts", "--out", extract, "--scale", "tiny", "--seed", "1"], { cwd: PROJECT_ROOT, stdio: "ignore" });
  const narratives = join(tempDir("rebuild-narratives-"), "narratives");
  cpSync(join(PROJECT_ROOT, "data", "narratives"), narratives, { recursive: true });
  const dist = join(tempDir("rebuild-dist-"), "dist");

  build(extract, narratives, dist);
  const before = new Map(files(dist).map((f) => [f, identity(join(dist, f))]));
  const oldDocx = docxOf(dist);
  assert.ok(oldDocx, `the ${PERIOD} Finnish DOCX is published`);
  const otherPeriod = [...before.keys()].find((f) => /^self-assessment\/\d{4}H\d\.html$/.test(f) && !f.includes(PERIOD));
  assert.ok(otherPeriod, "another half-year's page is published");

  appendFileSync(join(narratives, PERIOD, "HT1.fi.md"), `\n${TEXT}\n`);
  const log = build(extract, narratives, dist);
  t.diagnostic(`rebuild after the narrative edit: ${/built .* in ([\d.]+ s)/.exec(log)?.[1]} (a figure, not a bound)`);

  // The build's own account of what ran.
  assert.match(log, /page data: current for this extract/, "the page data is reused");
  assert.doesNotMatch(log, /validated and ingested|privacy audit:/, "no pipeline, no audit");
  const dropped = /loader cache: \d+ outputs reused, \d+ dropped: (.*)/.exec(log)?.[1]?.split(", ") ?? [];
  assert.ok(dropped.length > 0, "the self-assessment outputs are dropped");
  for (const entry of dropped) assert.ok(entry.startsWith("self-assessment/") && (entry.includes(PERIOD) || !/\d{4}H\d/.test(entry)), `only this half-year's self-assessment outputs rerun, not ${entry}`);
  // Framework's log: a loader it runs reads "[missing]"; every other output is reused.
  for (const line of log.split("\n").filter((l) => /\[(missing|stale)\]/.test(l))) {
    assert.match(line, /\/self-assessment\//, `no loader but the self-assessment ones runs: ${line}`);
    assert.doesNotMatch(line, new RegExp(`\\d{4}H\\d(?<!${PERIOD})`), `no other half-year's: ${line}`);
  }
  assert.match(log, new RegExp(`pages: rendering the non-parameterized and sidebar pages and /self-assessment/${PERIOD},`));

  // The site: the overview and another half-year's page are the same files, not rewritten.
  for (const page of ["index.html", otherPeriod!, "units/index.html"]) {
    assert.equal(identity(join(dist, page)), before.get(page), `${page} is not rewritten`);
  }
  const page = readFileSync(join(dist, "self-assessment", `${PERIOD}.html`), "utf8");
  assert.ok(page.includes(TEXT), "the half-year's page carries the new text");
  const newDocx = docxOf(dist);
  assert.ok(newDocx && newDocx !== oldDocx, "the half-year's DOCX is a new file");
  assert.ok(!existsSync(join(dist, oldDocx!)), "the old DOCX is gone");
  const zip = await JSZip.loadAsync(readFileSync(join(dist, newDocx!)));
  assert.ok(wordText(await zip.file("word/document.xml")!.async("string")).includes(TEXT), "the DOCX carries the new text");
  const rewritten = files(dist).filter((f) => before.get(f) !== identity(join(dist, f)));
  for (const f of rewritten) assert.ok(f.startsWith("self-assessment/") || f.startsWith(`_file/self-assessment/`), `only self-assessment outputs are rewritten, not ${f}`);
});
