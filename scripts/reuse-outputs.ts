// A rebuild's output, file by file against the site it replaces. Framework
// writes every page afresh; a file whose bytes did not change becomes a hard
// link to the published one instead, so it keeps its modification time (a host
// synced by time, rsync say, copies only what changed) and the build can say
// what it really rewrote. The previous site is only read: a failed build still
// leaves it as it was.
import { copyFileSync, existsSync, linkSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync } from "node:fs";
import { basename, dirname, join, relative, sep } from "node:path";

export interface ReuseReport {
  /** Files (relative to the site) that are new or differ from the previous site. */
  written: string[];
  /** How many files are the previous site's, unchanged. */
  unchanged: number;
}

function files(dir: string): string[] {
  const out: string[] = [];
  const walk = (d: string) => {
    for (const entry of readdirSync(d, { withFileTypes: true })) {
      const path = join(d, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (entry.isFile()) out.push(relative(dir, path).split(sep).join("/"));
    }
  };
  walk(dir);
  return out.sort();
}

function sameBytes(a: string, b: string): boolean {
  try {
    return statSync(a).size === statSync(b).size && readFileSync(a).equals(readFileSync(b));
  } catch {
    return false;
  }
}

/** In `next`, replaces each file identical to the one at the same path in `previous` by a hard link to it. */
export function reuseUnchanged(next: string, previous: string): ReuseReport {
  const report: ReuseReport = { written: [], unchanged: 0 };
  for (const file of files(next)) {
    const fresh = join(next, file);
    const old = join(previous, file);
    if (!sameBytes(fresh, old)) {
      report.written.push(file);
      continue;
    }
    const tmp = `${fresh}.reuse`;
    try {
      linkSync(old, tmp);
      renameSync(tmp, fresh);
      report.unchanged++;
    } catch {
      // Another file system, or links not allowed: the fresh copy stands.
      rmSync(tmp, { force: true });
      report.written.push(file);
    }
  }
  return report;
}

/** Every file of `from` hard-linked into `to` (a copy where links fail). */
function linkTree(from: string, to: string): void {
  for (const file of files(from)) {
    const dest = join(to, file);
    mkdirSync(dirname(dest), { recursive: true });
    try {
      linkSync(join(from, file), dest);
    } catch {
      copyFileSync(join(from, file), dest);
    }
  }
}

// Framework's content-hashed names (name.1a2b3c4d.ext), as pages and modules cite them.
const HASHED = /[\w.@-]+\.[0-9a-f]{8}\.[\w]+/g;
const hashedNames = (text: string) => new Set(text.match(HASHED) ?? []);
const isCiting = (file: string) => file.endsWith(".html") || file.endsWith(".js");

/**
 * The previous site with the pages of a partial build laid over it, into
 * `next`: files of `partial` that differ replace the previous ones, the rest
 * stay links to the previous site. A data file (_file/) that only the
 * replaced pages cited, and no page or module of the result cites any more,
 * is left out, so the result is what a full build would write.
 */
export function overlay(partial: string, previous: string, next: string): ReuseReport {
  rmSync(next, { recursive: true, force: true });
  linkTree(previous, next);
  const report: ReuseReport = { written: [], unchanged: 0 };
  const cited = new Set<string>();
  for (const file of files(partial)) {
    const fresh = join(partial, file);
    const dest = join(next, file);
    if (sameBytes(fresh, dest)) {
      report.unchanged++;
      continue;
    }
    if (file.endsWith(".html") && existsSync(dest)) for (const name of hashedNames(readFileSync(dest, "utf8"))) cited.add(name);
    mkdirSync(dirname(dest), { recursive: true });
    rmSync(dest, { force: true });
    renameSync(fresh, dest);
    report.written.push(file);
  }
  if (cited.size) {
    const all = files(next);
    const still = new Set<string>();
    for (const file of all.filter(isCiting)) for (const name of hashedNames(readFileSync(join(next, file), "utf8"))) still.add(name);
    for (const file of all) if (file.startsWith("_file/") && cited.has(basename(file)) && !still.has(basename(file))) rmSync(join(next, file));
  }
  report.unchanged = files(next).length - report.written.length;
  return report;
}
