// npm run indicators -- --out FILE.csv [--extracts DIR] [--tolerant]
// Writes the suppressed indicator table in the export format of the spec.
import { writeFileSync } from "node:fs";
import { publish, toExportCsv } from "../emit.ts";
import { runPipeline } from "../pipeline.ts";
import { extractDirFromEnv, parseArgs, runCli } from "./args.ts";

runCli(async () => {
  const args = parseArgs(process.argv.slice(2), { out: "string", extracts: "string", tolerant: "boolean" });
  if (!args.out) throw new Error("usage: npm run indicators -- --out FILE.csv [--extracts DIR] [--tolerant]");
  const dir = (args.extracts as string | undefined) ?? (await extractDirFromEnv());
  const result = await runPipeline(dir, { tolerant: Boolean(args.tolerant), onProgress: (m) => console.error(m) });
  writeFileSync(args.out as string, toExportCsv(publish(result.cells)));
  console.error(`wrote ${result.cells.length} rows to ${args.out}`);
});
