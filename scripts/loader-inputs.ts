// What a loader reads beside its code and the page data, as a string its
// loader-cache key hashes (scripts/loader-cache.ts). The narratives' texts
// feed the self-assessment loaders (src/self-assessment/) only, each
// half-year's its own, and so does the narratives folder's place: their
// pages and documents name a missing text by its path, and their outputs
// kept in .build/self-assessment are keyed by it (site-outputs.ts), so a
// build from another folder must run them (else the first edit after it
// rendered all twelve half-years: 48 s instead of 19 s at Helsinki scale).
// The office's workbooks beside them feed any loader that imports their
// reader (loaders/self-assessment/office.ts); the previous export feeds
// changes.json (loaders/publish/extract-changes.ts).
import { join, resolve } from "node:path";
import { hashTree } from "../loaders/extract/fingerprint.ts";
import { changesBasis } from "../loaders/publish/extract-changes.ts";
import { NARRATIVES_DIR } from "../loaders/self-assessment/narratives.ts";

export function loaderRuntimeInputs(loader: string, closure: readonly string[], params: Readonly<Record<string, string>>, dataDir: string, narrativesDir: string = NARRATIVES_DIR): string {
  const parts: string[] = [];
  if (loader.startsWith("self-assessment/")) {
    parts.push(`narratives:${resolve(narrativesDir)}`);
    parts.push(`texts:${hashTree(params.period ? join(narrativesDir, params.period) : narrativesDir, (f) => f.endsWith(".md"))}`);
  }
  if (closure.includes("loaders/self-assessment/office.ts")) parts.push(`workbooks:${hashTree(narrativesDir, (f) => !f.endsWith(".md"))}`);
  if (closure.includes("loaders/publish/extract-changes.ts")) parts.push(`previous:${changesBasis(dataDir)}`);
  return parts.join("\n");
}
