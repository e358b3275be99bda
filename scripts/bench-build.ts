// The build half of the benchmark (issue 18, goals 2 and 3): a cold site
// build of an extract, and the rebuild after a narrative edit. Each runs
// `scripts/build.ts` as `npm run build` does, into a folder of its own; the
// narratives are edited in a copy (NARRATIVES_DIR), never the project's.
// Figures to read, not assertions.
import { spawnSync } from "node:child_process";
import { appendFileSync, cpSync, mkdtempSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

const ROOT = join(import.meta.dirname, "..");

function build(extract: string, out: string, env: Record<string, string> = {}): { seconds: number; log: string } {
  const started = performance.now();
  const run = spawnSync(process.execPath, ["--import", "tsx", join(ROOT, "scripts", "build.ts"), "--out", out], {
    cwd: ROOT,
    env: { ...process.env, EXTRACT_DIR: extract, NO_COLOR: "1", ...env },
    encoding: "utf8",
    maxBuffer: 1 << 28,
  });
  const log = `${run.stdout}\n${run.stderr}`;
  if (run.status !== 0) throw new Error(`the build of ${extract} failed:\n${log.slice(-3000)}`);
  return { seconds: (performance.now() - started) / 1000, log };
}

/** A build with every cache of the project emptied first (as after `npm run clean`, the sample kept). */
export function coldBuild(extract: string): number {
  for (const path of [".build/page-data", ".build/audit-passed", ".build/loader-keys.json", ".build/site-state.json", "src/.observablehq/cache"]) rmSync(join(ROOT, path), { recursive: true, force: true });
  const out = mkdtempSync(join(tmpdir(), "bench-cold-"));
  try {
    return build(extract, join(out, "dist")).seconds;
  } finally {
    rmSync(out, { recursive: true, force: true });
  }
}

/** A build, then one sentence added to a half-year's narrative, then the rebuild: its time and what it rendered. */
export function narrativeRebuild(extract: string): { seconds: number; pages: string } {
  const work = mkdtempSync(join(tmpdir(), "bench-narrative-"));
  try {
    const narratives = join(work, "narratives");
    cpSync(join(ROOT, "data", "narratives"), narratives, { recursive: true });
    const env = { NARRATIVES_DIR: narratives };
    build(extract, join(work, "dist"), env);
    const period = readdirSync(narratives).find((d) => /^\d{4}H[12]$/.test(d)) ?? "2021H2";
    appendFileSync(join(narratives, period, "HT1.fi.md"), "\nBenchmark edit.\n");
    const { seconds, log } = build(extract, join(work, "dist"), env);
    return { seconds, pages: /pages: (.*)/.exec(log)?.[1] ?? "?" };
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}
