// The one cache key of a build: the extract's files (name, size, modification
// time), the validation mode (strict or tolerant) and the code that produces
// the data — every module the page data's code imports, followed file by file
// (loaders/, and the src/lib modules the loaders share with the pages), plus
// the data files that code reads: the catalogue and its SQL, the programme
// model, package-lock.json (DuckDB's version). .build/page-data is reused only
// while it matches, so a strict build never reuses what a tolerant one wrote,
// nor the output of older code. Framework's loader cache is keyed by it too,
// loader by loader (scripts/loader-cache.ts).
//
// Pages, browser-only components, narratives and the build scripts are left
// out: editing them reruns no pipeline and no audit.
import { createHash } from "node:crypto";
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { dirname, join, relative, sep } from "node:path";
import { PROJECT_ROOT } from "../indicators/catalogue.ts";

/** The module whose imports make the page data (pipeline, suppression, audit, emit). */
export const PAGE_DATA_ENTRY = "loaders/publish/page-data.ts";
/** Data the code reads at run time, not by import: everything under data/ but these. */
const DATA = "data";
const NOT_CODE = ["data/sample", "data/narratives"];
const LOCK = "package-lock.json";

export interface FingerprintOptions {
  /** Quarantine broken rows (tolerant) or refuse the extract (strict, the default). */
  tolerant?: boolean;
  /** The project whose code is fingerprinted (tests use a copy). */
  root?: string;
}

function walk(path: string, visit: (file: string) => void, skip: (path: string) => boolean = () => false): void {
  if (skip(path)) return;
  let stat;
  try {
    stat = statSync(path);
  } catch {
    return;
  }
  if (stat.isDirectory()) for (const entry of readdirSync(path).sort()) walk(join(path, entry), visit, skip);
  else visit(path);
}

const toRel = (root: string, file: string) => relative(root, file).split(sep).join("/");

// Relative specifiers of static and dynamic imports, re-exports and `new URL("../worker.ts", import.meta.url)`.
const SPECIFIER = /(?:\bfrom\s*|\bimport\s*\(?\s*|\bnew\s+URL\(\s*)["'](\.{1,2}\/[^"']+)["']/g;

/** Every local module `entries` import, directly or not (relative to root, sorted); bare packages are covered by package-lock.json. */
export function importClosure(entries: readonly string[], root: string = PROJECT_ROOT): string[] {
  const seen = new Set<string>();
  const queue = [...entries];
  while (queue.length) {
    const rel = queue.pop()!;
    const file = join(root, rel);
    if (seen.has(rel) || !existsSync(file) || !statSync(file).isFile()) continue;
    seen.add(rel);
    for (const [, spec] of readFileSync(file, "utf8").matchAll(SPECIFIER)) queue.push(toRel(root, join(dirname(file), spec)));
  }
  return [...seen].sort();
}

/** The data files the code reads (relative to root, sorted). */
export function dataFiles(root: string = PROJECT_ROOT): string[] {
  const files: string[] = [];
  walk(join(root, DATA), (f) => files.push(toRel(root, f)), (p) => NOT_CODE.includes(toRel(root, p)));
  if (existsSync(join(root, LOCK))) files.push(LOCK);
  return files.sort();
}

/** The files of code and data that shape the page data, sorted, relative to `root`. */
export function codeFiles(root: string = PROJECT_ROOT): string[] {
  return [...new Set([...importClosure([PAGE_DATA_ENTRY], root), ...dataFiles(root)])].sort();
}

/** A hash of files' names and contents (relative to root). */
export function hashFiles(files: readonly string[], root: string = PROJECT_ROOT): string {
  const hash = createHash("sha256");
  for (const file of files) {
    const content = readFileSync(join(root, file));
    hash.update(`${file}:${content.length}\n`).update(content);
  }
  return hash.digest("hex");
}

/** A hash of a folder's files (names and contents; those `keep` takes, by path relative to it); of nothing when it does not exist. */
export function hashTree(dir: string, keep: (file: string) => boolean = () => true): string {
  const files: string[] = [];
  walk(dir, (f) => keep(toRel(dir, f)) && files.push(toRel(dir, f)));
  return hashFiles(files, dir);
}

export function fingerprint(extractDir: string, options: FingerprintOptions = {}): string {
  const root = options.root ?? PROJECT_ROOT;
  const hash = createHash("sha256");
  hash.update(`mode:${options.tolerant ? "tolerant" : "strict"}\n`);
  walk(extractDir, (file) => {
    const s = statSync(file);
    hash.update(`extract:${relative(extractDir, file)}:${s.size}:${s.mtimeMs}\n`);
  });
  hash.update(`code:${hashFiles(codeFiles(root), root)}\n`);
  return hash.digest("hex").slice(0, 16);
}
