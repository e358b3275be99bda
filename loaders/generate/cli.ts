// npm run generate -- --out DIR [--scale small|helsinki|tiny] [--seed N] [--format csv|parquet] [--contacts N] [--from YYYY-MM] [--to YYYY-MM]

import { parseArgs } from "node:util";
import { DEFAULTS, generateExtract } from "./index.ts";
import type { ScaleName } from "./scale.ts";

const USAGE = `usage: node --import tsx loaders/generate/cli.ts --out DIR [--scale small|helsinki|tiny] [--seed N] [--format csv|parquet] [--contacts N] [--from YYYY-MM] [--to YYYY-MM]
  defaults: --scale ${DEFAULTS.scale} --seed ${DEFAULTS.seed} --format ${DEFAULTS.format}; the period: 2020-01 … 2025-12 (tiny: 2020-01 … 2023-12),
  whole months within 2020-01 … 2030-12; another period than the scale's gets as many contacts per month`;

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      out: { type: "string" },
      scale: { type: "string", default: DEFAULTS.scale },
      seed: { type: "string", default: String(DEFAULTS.seed) },
      format: { type: "string", default: DEFAULTS.format },
      contacts: { type: "string" },
      from: { type: "string" },
      to: { type: "string" },
      help: { type: "boolean", short: "h" },
    },
    strict: true,
  });
  if (values.help) {
    console.log(USAGE);
    return;
  }
  if (!values.out) throw new Error(`--out is required\n${USAGE}`);
  if (!["tiny", "small", "helsinki"].includes(values.scale!)) throw new Error(`unknown --scale ${values.scale}\n${USAGE}`);
  if (!["csv", "parquet"].includes(values.format!)) throw new Error(`unknown --format ${values.format}\n${USAGE}`);
  const seed = Number(values.seed);
  if (!Number.isInteger(seed)) throw new Error(`--seed must be an integer, got ${values.seed}`);
  const contacts = values.contacts === undefined ? undefined : Number(values.contacts);

  const started = Date.now();
  const manifest = await generateExtract({
    outDir: values.out,
    scale: values.scale as ScaleName,
    seed,
    format: values.format as "csv" | "parquet",
    contacts,
    from: values.from,
    to: values.to,
    onProgress: (message) => process.stderr.write(`[generate] ${message}\n`),
  });
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  process.stderr.write(`[generate] wrote ${values.out} in ${seconds} s\n`);
  for (const [table, { rows }] of Object.entries(manifest.tables)) {
    process.stderr.write(`  ${table.padEnd(20)} ${rows.toLocaleString("en").padStart(12)}\n`);
  }
}

main().catch((err: unknown) => {
  process.stderr.write(`[generate] ${err instanceof Error ? err.message : String(err)}\n`);
  process.exitCode = 1;
});
