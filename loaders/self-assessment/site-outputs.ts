// What the three self-assessment loaders of a half-year write (the page, the
// downloads, the other languages: site-render.ts), kept on disk so that the
// first of them to run computes all three from one model and the other two
// read their file: .build/self-assessment/<period>-<key>.{page.md,exports.zip,lang.zip}.
// The key hashes all that the outputs depend on — the page data's content,
// the half-year's narratives and every half-year's workbooks (the office's
// statuses and start dates carry over), the narratives folder's place (the
// documents name their files), the code (site-render.ts's imports, followed)
// and the data it reads (catalogue, programme, package-lock.json) — so an
// output is reused only while it is what its loader would compute.
// Framework's loader cache (scripts/loader-cache.ts) still decides which
// loaders run; this only makes them cheap: the first loader to miss renders
// every half-year whose outputs are missing (a cold build: all twelve of the
// sample in one process, not twelve), the others read theirs. Light on
// imports, so a loader that finds its output loads no renderer and no arquero.
import { createHash } from "node:crypto";
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { periodContaining, periodsBetween } from "../../src/lib/periods.ts";
import { dataFiles, hashFiles, hashTree, importClosure } from "../extract/fingerprint.ts";
import { PROJECT_ROOT } from "../indicators/catalogue.ts";
import { NARRATIVES_DIR } from "./narratives.ts";

/** This module: its import closure (through site-render.ts's dynamic import) is the code the outputs come from. */
const ENTRY = "loaders/self-assessment/site-outputs.ts";
export const MEMO_DIR = join(PROJECT_ROOT, ".build", "self-assessment");
/** The page data files the outputs read (readPageDataFolder). */
const PAGE_DATA_READ = ["indicators.csv", "meta.json"];

export type SiteOutputKind = "page" | "exports" | "lang";
const FILE: Record<SiteOutputKind, string> = { page: "page.md", exports: "exports.zip", lang: "lang.zip" };

export interface SiteOutputOptions {
  /** The office's texts and workbooks (default NARRATIVES_DIR). */
  narrativesDir?: string;
  /** Where the outputs are kept (default .build/self-assessment). */
  memoDir?: string;
  /** The project whose code and data are hashed (default this one). */
  root?: string;
}

/** The key of a half-year's outputs (hex, 16 digits). */
export function siteOutputsKey(pageDataDir: string, period: string, options: SiteOutputOptions = {}): string {
  return siteOutputsKeys(pageDataDir, options)(period);
}

/** The keys of the half-years' outputs: what they share (code, data, page data, workbooks) hashed once. */
function siteOutputsKeys(pageDataDir: string, options: SiteOutputOptions = {}): (period: string) => string {
  const root = options.root ?? PROJECT_ROOT;
  const narratives = resolve(options.narrativesDir ?? NARRATIVES_DIR);
  const shared = createHash("sha256")
    .update(`code:${hashFiles(importClosure([ENTRY], root), root)}\n`)
    .update(`data:${hashFiles(dataFiles(root), root)}\n`)
    .update(`page data:${hashFiles(PAGE_DATA_READ, pageDataDir)}\n`)
    .update(`narratives:${narratives}\n`)
    .update(`workbooks:${hashTree(narratives, (f) => !f.endsWith(".md"))}\n`);
  const keys = new Map<string, string>();
  return (period) => {
    let key = keys.get(period);
    if (key === undefined) {
      key = shared.copy().update(`period:${period}\ntexts:${hashTree(join(narratives, period), (f) => f.endsWith(".md"))}\n`).digest("hex").slice(0, 16);
      keys.set(period, key);
    }
    return key;
  };
}

/** The half-years of the page data's extract period: those with a self-assessment page (observablehq.config.ts). */
function halvesOf(pageDataDir: string): string[] {
  const { from, to } = (JSON.parse(readFileSync(join(pageDataDir, "meta.json"), "utf8")) as { manifest: { period: { from: string; to: string } } }).manifest.period;
  return periodsBetween(periodContaining("half", from), periodContaining("half", to));
}

/**
 * One of a half-year's outputs: read from the memo when its key's file is
 * there. Else computed with the other two (site-render.ts), together with
 * those of every other half-year of the page data that has none under its
 * key, and all kept: each file written under a temporary name and renamed into
 * place (two loaders racing write the same bytes), a half-year's files of
 * other keys removed.
 */
export async function siteOutput(kind: SiteOutputKind, pageDataDir: string, period: string, options: SiteOutputOptions = {}): Promise<Buffer> {
  const memoDir = options.memoDir ?? MEMO_DIR;
  const keyOf = siteOutputsKeys(pageDataDir, options);
  const path = (p: string, k: SiteOutputKind) => join(memoDir, `${p}-${keyOf(p)}.${FILE[k]}`);
  if (existsSync(path(period, kind))) return readFileSync(path(period, kind));
  const kinds = Object.keys(FILE) as SiteOutputKind[];
  const missing = halvesOf(pageDataDir).filter((p) => p !== period && kinds.some((k) => !existsSync(path(p, k))));
  const { renderSiteOutputsOf } = await import("./site-render.ts");
  mkdirSync(memoDir, { recursive: true });
  let asked: Buffer | undefined;
  for await (const [p, outputs] of renderSiteOutputsOf(pageDataDir, [period, ...missing], { narrativesDir: options.narrativesDir })) {
    const bytes: Record<SiteOutputKind, Buffer> = { page: Buffer.from(outputs.page, "utf8"), exports: outputs.exports, lang: outputs.lang };
    for (const name of readdirSync(memoDir)) if (name.startsWith(`${p}-`) && !name.startsWith(`${p}-${keyOf(p)}.`)) rmSync(join(memoDir, name), { force: true });
    for (const k of kinds) {
      const temp = `${path(p, k)}.${process.pid}.tmp`;
      writeFileSync(temp, bytes[k]);
      renameSync(temp, path(p, k));
    }
    if (p === period) asked = bytes[kind];
  }
  return asked!;
}
