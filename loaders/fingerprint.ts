// A fingerprint of everything the page data depends on: the extract's files
// (name, size, modification time) and the code and catalogue that compute
// from them. The build reuses cached loader output only while it matches.
import { createHash } from "node:crypto";
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative } from "node:path";
import { PROJECT_ROOT } from "./catalogue.ts";

const CODE = ["loaders", "data/indicators", "data/indicators.json", "data/programme.json", "data/narratives", "src/data", "package-lock.json"];

function walk(path: string, visit: (file: string) => void): void {
  let stat;
  try {
    stat = statSync(path);
  } catch {
    return;
  }
  if (stat.isDirectory()) for (const entry of readdirSync(path).sort()) walk(join(path, entry), visit);
  else visit(path);
}

export function fingerprint(extractDir: string): string {
  const hash = createHash("sha256");
  walk(extractDir, (file) => {
    const s = statSync(file);
    hash.update(`extract:${relative(extractDir, file)}:${s.size}:${s.mtimeMs}\n`);
  });
  for (const part of CODE) {
    walk(join(PROJECT_ROOT, part), (file) => {
      if (file.includes(`${join("data", "sample")}`)) return;
      hash.update(`code:${relative(PROJECT_ROOT, file)}\n`);
      hash.update(readFileSync(file));
    });
  }
  return hash.digest("hex").slice(0, 16);
}
