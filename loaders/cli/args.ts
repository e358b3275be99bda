// Shared command-line plumbing: flags, the extract folder, and errors printed
// as messages (never stack traces) with a non-zero exit.
import { existsSync } from "node:fs";
import { ExtractError } from "../violations.ts";
import { SAMPLE_DIR, ensureSample } from "../sample.ts";

export function parseArgs(argv: string[], spec: Record<string, "string" | "boolean">): Record<string, string | boolean | undefined> {
  const out: Record<string, string | boolean | undefined> = {};
  for (let i = 0; i < argv.length; i++) {
    const m = /^--([a-z-]+)(?:=(.*))?$/.exec(argv[i]);
    if (!m || !(m[1] in spec)) throw new Error(`unknown argument ${JSON.stringify(argv[i])}; expected ${Object.keys(spec).map((k) => `--${k}`).join(", ")}`);
    if (spec[m[1]] === "boolean") out[m[1]] = true;
    else {
      const value = m[2] ?? argv[++i];
      if (value === undefined) throw new Error(`--${m[1]} needs a value`);
      out[m[1]] = value;
    }
  }
  return out;
}

/** EXTRACT_DIR, or the bundled synthetic sample (generated on first use). */
export async function extractDirFromEnv(): Promise<string> {
  const dir = process.env.EXTRACT_DIR;
  if (dir) {
    if (!existsSync(dir)) throw new Error(`EXTRACT_DIR=${dir}: no such folder`);
    return dir;
  }
  await ensureSample();
  return SAMPLE_DIR;
}

export function runCli(main: () => Promise<void>): void {
  main().catch((e: unknown) => {
    if (e instanceof ExtractError) console.error(e.message);
    else console.error(`error: ${e instanceof Error ? e.message : String(e)}`);
    process.exit(1);
  });
}
