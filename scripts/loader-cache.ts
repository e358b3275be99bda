// Framework's loader cache (src/.observablehq/cache), kept output by output.
// Framework reruns a loader only when its own file is newer than its cached
// output; it knows nothing of the extract, the mode, the code the loader
// imports or the files it reads. So before each build every cached output of
// a loader under src/ (name.ext.ts, page loaders name.md.ts, parameterized
// ones [period].zip.ts: one output per period) gets a key: the page data's
// fingerprint (loaders/extract/fingerprint.ts: extract, mode, the pipeline's code and
// data), the loader's own import closure, and what it reads at run time for
// those parameters (scripts/build.ts says: the half-year's narratives, say).
// An output whose key changed is dropped — with the files Framework unpacked
// from it, when it is an archive — so Framework runs its loader again; every
// other output is reused. A narrative edit thus reruns the self-assessment
// loaders of that half-year and nothing else.
import { createHash } from "node:crypto";
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { dirname, join, relative, sep } from "node:path";
import { hashFiles, importClosure } from "../loaders/extract/fingerprint.ts";

const LOADER = /\.[^./]+\.(ts|js|mjs)$/i;
const ARCHIVE = /\.(zip|tar|tar\.gz|tgz)$/;

/** What a loader's modules read at run time beside their imports, as a hash (params: the output's, e.g. period). */
export type RuntimeInputs = (loader: string, closure: readonly string[], params: Readonly<Record<string, string>>) => string;

export interface LoaderCacheOptions {
  /** The project root: loaders live under root/src. */
  root: string;
  /** Framework's cache folder (root/src/.observablehq/cache). */
  cacheDir: string;
  /** Where the keys of the cached outputs are kept between builds. */
  keysFile: string;
  /** The page data's fingerprint. */
  pageData: string;
  runtimeInputs: RuntimeInputs;
}

/** The loaders under src/, relative to it. */
export function frameworkLoaders(root: string): string[] {
  const src = join(root, "src");
  const out: string[] = [];
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir).sort()) {
      if (entry === ".observablehq" || entry === "node_modules") continue;
      const path = join(dir, entry);
      if (statSync(path).isDirectory()) walk(path);
      else if (LOADER.test(entry)) out.push(relative(src, path).split(sep).join("/"));
    }
  };
  walk(src);
  return out;
}

const targetOf = (loader: string) => loader.replace(LOADER, (ext) => ext.slice(0, ext.lastIndexOf(".")));
const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
/** A loader target as a pattern over cache paths: [param] stands for any name, captured. */
const targetPattern = (target: string) => new RegExp(`^${target.split("/").map((seg) => seg.split(/\[([^\]]+)\]/).map((part, i) => (i % 2 ? `(?<${part}>[^/]+)` : escape(part))).join("")).join("/")}$`);

/** A cached output of a loader: its path in the cache (a file, or the folder Framework unpacks an archive into) and its parameters. */
export interface CacheEntry {
  loader: string;
  path: string;
  params: Record<string, string>;
}

function cacheEntries(loaders: readonly string[], cacheDir: string): CacheEntry[] {
  const targets = loaders.map((loader) => ({ loader, target: targetOf(loader) }));
  const statics = new Set(targets.filter((t) => !t.target.includes("[")).map((t) => t.target));
  const patterns = targets.flatMap(({ loader, target }) => {
    const unpacked = ARCHIVE.test(target) ? [target.replace(ARCHIVE, "")] : [];
    return [target, ...unpacked].map((t) => ({ loader, pattern: targetPattern(t), depth: t.split("/").length }));
  });
  const entries: CacheEntry[] = [];
  const visit = (dir: string, depth: number) => {
    const abs = join(cacheDir, dir);
    for (const name of readdirSync(abs).sort()) {
      const path = dir ? `${dir}/${name}` : name;
      // The one loader the entry belongs to: a static target before a parameterized one (index.md beside [period].md).
      const owner = statics.has(path) ? patterns.find((p) => p.pattern.test(path) && !p.pattern.source.includes("(?<")) : patterns.find((p) => p.depth === depth && p.pattern.test(path));
      if (owner) entries.push({ loader: owner.loader, path, params: { ...owner.pattern.exec(path)!.groups } });
      else if (statSync(join(abs, name)).isDirectory() && !name.startsWith("_")) visit(path, depth + 1);
    }
  };
  if (existsSync(cacheDir)) visit("", 1);
  return entries;
}

export function entryKey(entry: CacheEntry, options: Pick<LoaderCacheOptions, "root" | "pageData" | "runtimeInputs">): string {
  const closure = importClosure([`src/${entry.loader}`], options.root);
  return createHash("sha256")
    .update(`${options.pageData}\n${hashFiles(closure, options.root)}\n${options.runtimeInputs(entry.loader, closure, entry.params)}\n`)
    .digest("hex")
    .slice(0, 16);
}

/**
 * Drops every cached output whose key is not the one recorded for it (the
 * inputs changed, or it was never recorded); returns the dropped entries.
 * Call `record` after the build, to key what the build left in the cache.
 */
export function refreshLoaderCache(options: LoaderCacheOptions): { dropped: CacheEntry[]; kept: number; record: () => void } {
  const loaders = frameworkLoaders(options.root);
  const previous: Record<string, string> = existsSync(options.keysFile) ? JSON.parse(readFileSync(options.keysFile, "utf8")) : {};
  const dropped: CacheEntry[] = [];
  let kept = 0;
  for (const entry of cacheEntries(loaders, options.cacheDir)) {
    if (previous[entry.path] === entryKey(entry, options)) kept++;
    else {
      dropped.push(entry);
      rmSync(join(options.cacheDir, entry.path), { recursive: true, force: true });
    }
  }
  const record = () => {
    const keys = Object.fromEntries(cacheEntries(loaders, options.cacheDir).map((e) => [e.path, entryKey(e, options)]));
    mkdirSync(dirname(options.keysFile), { recursive: true });
    writeFileSync(options.keysFile, JSON.stringify(keys, null, 1));
  };
  return { dropped, kept, record };
}
