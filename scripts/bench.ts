// npm run bench [-- --scale small|helsinki] [--contacts N] [--keep] [--memory-limit 8GB] [--no-site]
// The site figures (bytes per page, time to first chart) are measured on the
// bundled sample's build, after the data steps, unless --no-site.
// Prints time and peak memory of generate, validate+ingest and indicators,
// beside a bare DuckDB load of the same CSV files. Figures, not assertions.
import { execFileSync } from "node:child_process";
import { existsSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parseArgs, runCli } from "../loaders/cli/args.ts";
import { measureSite, printSiteFigures } from "./bench-site.ts";

runCli(async () => {
  const args = parseArgs(process.argv.slice(2), { scale: "string", keep: "boolean", contacts: "string", "memory-limit": "string", site: "boolean", "no-site": "boolean" });
  // Passed to each step's process: the generator's contact count and DuckDB's memory limit.
  if (args.contacts) process.env.BENCH_CONTACTS = String(args.contacts);
  if (args["memory-limit"]) process.env.BENCH_MEMORY_LIMIT = String(args["memory-limit"]);
  const scales = ((args.scale as string | undefined) ?? "small").split(",");
  for (const scale of scales) {
    const dir = join(tmpdir(), `nelimaali-bench-${scale}${args.contacts ? `-${args.contacts}` : ""}`);
    const step = (name: string) => {
      const out = execFileSync(process.execPath, ["--import", "tsx", join(import.meta.dirname, "bench-step.ts"), name, dir, scale], { encoding: "utf8", stdio: ["ignore", "pipe", "inherit"], maxBuffer: 1 << 24, env: process.env });
      return JSON.parse(out.trim().split("\n").pop()!) as Record<string, number>;
    };
    console.log(`\n== scale ${scale} (${dir})`);
    if (!existsSync(join(dir, "manifest.json")) || !args.keep) {
      rmSync(dir, { recursive: true, force: true });
      const g = step("generate");
      console.log(`generate                 ${g.seconds.toFixed(1).padStart(7)} s   peak ${String(g.peak_rss_mb).padStart(6)} MB`);
    }
    const bare = step("bare-load");
    console.log(`bare DuckDB CSV load     ${bare.seconds.toFixed(1).padStart(7)} s   peak ${String(bare.peak_rss_mb).padStart(6)} MB`);
    const p = step("pipeline");
    console.log(`validate + ingest        ${p.validate_ingest_s.toFixed(1).padStart(7)} s   (${(p.validate_ingest_s / bare.seconds).toFixed(2)} × bare load)`);
    console.log(`indicators + suppression ${p.indicators_s.toFixed(1).padStart(7)} s   ${p.cells} cells, ${p.suppressed} suppressed`);
    console.log(`whole pipeline           ${p.seconds.toFixed(1).padStart(7)} s   peak ${String(p.peak_rss_mb).padStart(6)} MB   (${(p.seconds / bare.seconds).toFixed(2)} × bare load)`);
  }
  if (!args["no-site"]) {
    console.log("\n== site (bundled sample): transferred size and time to first chart per page");
    execFileSync(process.execPath, ["--import", "tsx", join(import.meta.dirname, "build.ts")], { stdio: ["ignore", "ignore", "inherit"], env: { ...process.env, EXTRACT_DIR: "" } });
    printSiteFigures(await measureSite(join(import.meta.dirname, "..", "dist")));
  }
});
