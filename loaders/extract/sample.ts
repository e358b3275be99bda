// The bundled synthetic sample: generated deterministically from a fixed seed
// on first use, so a fresh clone builds with no data of its own. A stamp of
// the generator's code makes a changed generator regenerate it.
import { createHash } from "node:crypto";
import { existsSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { PROJECT_ROOT } from "../indicators/catalogue.ts";

export const SAMPLE_DIR = join(PROJECT_ROOT, "data", "sample");
export const SAMPLE_SEED = 2020;

function generatorStamp(): string {
  const dir = join(PROJECT_ROOT, "loaders", "generate");
  const hash = createHash("sha256").update(`seed:${SAMPLE_SEED}\n`);
  for (const file of readdirSync(dir).sort()) hash.update(file).update(readFileSync(join(dir, file)));
  hash.update(readFileSync(join(PROJECT_ROOT, "loaders", "extract", "contract.ts")));
  return hash.digest("hex").slice(0, 16);
}

export async function ensureSample(): Promise<string> {
  const stampFile = join(SAMPLE_DIR, ".generator-stamp");
  const stamp = generatorStamp();
  const fresh = existsSync(join(SAMPLE_DIR, "manifest.json")) && existsSync(stampFile) && readFileSync(stampFile, "utf8") === stamp;
  if (!fresh) {
    rmSync(SAMPLE_DIR, { recursive: true, force: true });
    const { generateExtract } = await import("../generate/index.ts");
    console.error(`generating the bundled sample into ${SAMPLE_DIR} (seed ${SAMPLE_SEED})…`);
    await generateExtract({ outDir: SAMPLE_DIR, scale: "small", seed: SAMPLE_SEED });
    writeFileSync(stampFile, stamp);
  }
  return SAMPLE_DIR;
}
