// The bundled synthetic sample: generated deterministically from a fixed seed
// on first use, so a fresh clone builds with no data of its own.
import { existsSync } from "node:fs";
import { join } from "node:path";
import { PROJECT_ROOT } from "./catalogue.ts";

export const SAMPLE_DIR = join(PROJECT_ROOT, "data", "sample");
export const SAMPLE_SEED = 2020;

export async function ensureSample(): Promise<string> {
  if (!existsSync(join(SAMPLE_DIR, "manifest.json"))) {
    const { generateExtract } = await import("./generate/index.ts");
    await generateExtract({ outDir: SAMPLE_DIR, scale: "small", seed: SAMPLE_SEED });
  }
  return SAMPLE_DIR;
}
