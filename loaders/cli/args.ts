// Shared command-line plumbing: flags, the extract folder, and errors printed
// as messages (never stack traces) with a non-zero exit.
import { existsSync } from "node:fs";
import { parseArgs as parseNodeArgs } from "node:util";
import { ExtractError } from "../validate/violations.ts";
import { SAMPLE_DIR, ensureSample } from "../extract/sample.ts";

type Spec = Record<string, "string" | "boolean">;
export type Args<S extends Spec> = { [K in keyof S]?: S[K] extends "string" ? string : boolean };

/**
 * Long options only, through node:util parseArgs in strict mode: an unknown
 * option, a positional argument, a string option without a value, or one
 * whose value looks like an option (`--out --tolerant`) is refused, with the
 * options the command takes. `--name=value` writes a value that starts with "-".
 */
export function parseArgs<S extends Spec>(argv: string[], spec: S): Args<S> {
  const options = Object.fromEntries(Object.entries(spec).map(([name, type]) => [name, { type }]));
  try {
    return parseNodeArgs({ args: argv, options, strict: true, allowPositionals: false }).values as Args<S>;
  } catch (e) {
    if (!(e as { code?: string }).code?.startsWith("ERR_PARSE_ARGS_")) throw e;
    const expected = Object.entries(spec).map(([name, type]) => (type === "string" ? `--${name} VALUE` : `--${name}`)).join(", ");
    throw new Error(`${(e as Error).message}\n(options: ${expected})`);
  }
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
