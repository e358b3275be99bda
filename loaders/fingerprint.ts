// A fingerprint of everything the published output depends on: the extract's
// files (name, size, modification time), the validation mode (strict or
// tolerant) and every file of code or configuration that shapes what the data
// loaders write. The build reuses cached output (.build/page-data and
// Framework's loader cache) only while it matches, so a strict build never
// reuses what a tolerant one wrote, nor the output of older code.
//
// Page markdown and components that only run in the browser are left out:
// Framework rebuilds pages itself, and an edit to a page should not rerun the
// loaders.
import { createHash } from "node:crypto";
import { readdirSync, readFileSync, statSync } from "node:fs";
import { basename, join, relative, sep } from "node:path";
import { PROJECT_ROOT } from "./catalogue.ts";

/** Folders and files whose every file counts (relative to the project root). */
const CODE = ["loaders", "data", "src/data", "src/lib", "scripts", "package-lock.json", "observablehq.config.ts"];
/** Never counted: the sample extract (it is an extract, fingerprinted as one when used). */
const SKIP = ["data/sample"];
/** A Framework data loader elsewhere under src: name.ext.ts (page loaders too: name.md.ts). */
const LOADER = /\.[^./]+\.(ts|js|mjs|py|r|rs|go|java|jl|php|sh|exe)$/i;

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

/** The files of code and configuration that shape published output, sorted, relative to `root`. */
export function codeFiles(root: string = PROJECT_ROOT): string[] {
  const files = new Set<string>();
  const rel = (file: string) => relative(root, file).split(sep).join("/");
  const skipped = (path: string) => SKIP.includes(rel(path)) || basename(path) === "node_modules" || basename(path) === ".observablehq";
  for (const part of CODE) walk(join(root, part), (file) => files.add(rel(file)), skipped);
  walk(join(root, "src"), (file) => {
    if (LOADER.test(basename(file))) files.add(rel(file));
  }, skipped);
  return [...files].sort();
}

export function fingerprint(extractDir: string, options: FingerprintOptions = {}): string {
  const root = options.root ?? PROJECT_ROOT;
  const hash = createHash("sha256");
  hash.update(`mode:${options.tolerant ? "tolerant" : "strict"}\n`);
  walk(extractDir, (file) => {
    const s = statSync(file);
    hash.update(`extract:${relative(extractDir, file)}:${s.size}:${s.mtimeMs}\n`);
  });
  for (const file of codeFiles(root)) {
    const content = readFileSync(join(root, file));
    hash.update(`code:${file}:${content.length}\n`);
    hash.update(content);
  }
  return hash.digest("hex").slice(0, 16);
}
