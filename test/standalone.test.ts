// The project stands alone: a clone of it, with nothing beside it, has every
// document its code and its Markdown point to.
//   1. No file of the project outside test/ refers to a folder beside it
//      (../shared, /work/shared): the extract contract and the indicator
//      definitions are docs/extract-contract.md and docs/indicators.md.
//      (Tests may look for the source documents beside the project, and skip
//      when they are absent: test/programme.test.ts.)
//   2. Every relative link in README.md, docs/ and the other READMEs names a
//      file or folder of the project, and a #fragment names a heading of the
//      Markdown file it points to.
// "The project" is what git tracks plus new files it does not ignore, so a
// document not yet committed counts and a build output never does.
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { existsSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { test } from "node:test";
import { fileURLToPath } from "node:url";

const projectRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");

/** The project's files (relative, with "/"), or null when this is not a git checkout. */
function projectFiles(): string[] | null {
  try {
    const out = execFileSync("git", ["ls-files", "-z", "--cached", "--others", "--exclude-standard"], {
      cwd: projectRoot,
      encoding: "utf8",
      stdio: ["ignore", "pipe", "ignore"],
      maxBuffer: 1 << 26,
    });
    // A tracked file deleted in the working tree is not part of what a clone would hold after this change.
    return [...new Set(out.split("\0").filter((f) => f && existsSync(path.join(projectRoot, f))))].sort();
  } catch {
    return null;
  }
}

const files = projectFiles();
const notGit = files === null ? "not a git checkout: the project's files cannot be listed" : false;
const fileSet = new Set(files ?? []);

const OUTSIDE = ["../shared", "/work/shared"];

const isBinary = (buf: Buffer) => buf.subarray(0, 8000).includes(0);

test("no file outside test/ refers to a folder beside the project", { skip: notGit }, () => {
  const found: string[] = [];
  for (const file of files!) {
    if (file.startsWith("test/")) continue;
    const buf = readFileSync(path.join(projectRoot, file));
    if (isBinary(buf)) continue;
    const lines = buf.toString("utf8").split("\n");
    lines.forEach((line, i) => {
      if (!OUTSIDE.some((s) => line.includes(s))) return;
      found.push(`${file}:${i + 1}: ${line.trim().slice(0, 160)}`);
    });
  }
  assert.deepEqual(found, [], `point these to docs/ (the project's own documents) instead:\n${found.join("\n")}`);
});

// --- Markdown links -----------------------------------------------------------

/** The Markdown whose links must resolve: the README, docs/ and every other README. */
const markdownFiles = (files ?? []).filter(
  (f) => f === "README.md" || (f.startsWith("docs/") && f.endsWith(".md")) || (path.posix.basename(f) === "README.md" && !f.startsWith("test/")),
);

/** Text with fenced code blocks and code spans blanked out (their brackets are not links). */
function withoutCode(markdown: string): string {
  return markdown
    .replace(/^(```|~~~)[^\n]*\n[\s\S]*?^\1[^\n]*$/gm, "")
    .replace(/(`+)[\s\S]*?\1/g, "");
}

/** Link targets: inline links `[text](target "title")`, images and reference definitions `[id]: target`. */
function linkTargets(markdown: string): string[] {
  const text = withoutCode(markdown);
  const targets: string[] = [];
  for (const m of text.matchAll(/\]\(\s*<?([^)\s>]*)>?(?:\s+(?:"[^"]*"|'[^']*'))?\s*\)/g)) targets.push(m[1]);
  for (const m of text.matchAll(/^ {0,3}\[[^\]]+\]:\s*<?(\S+?)>?(?:\s|$)/gm)) targets.push(m[1]);
  return targets;
}

/** GitHub's anchor of a heading: lower case, punctuation dropped, each space a hyphen; repeats numbered. */
function headingAnchors(markdown: string): Set<string> {
  const anchors = new Set<string>();
  const seen = new Map<string, number>();
  let fence: string | null = null;
  for (const line of markdown.split("\n")) {
    const f = /^(```|~~~)/.exec(line);
    if (f) {
      fence = fence === null ? f[1] : fence === f[1] ? null : fence;
      continue;
    }
    if (fence !== null) continue;
    const h = /^ {0,3}#{1,6}\s+(.*?)\s*#*\s*$/.exec(line);
    if (!h) continue;
    const text = h[1].replace(/!?\[([^\]]*)\]\([^)]*\)/g, "$1");
    const base = text.toLowerCase().replace(/[^\p{L}\p{N}\p{M}\s_-]/gu, "").replace(/ /g, "-");
    const n = seen.get(base) ?? 0;
    seen.set(base, n + 1);
    anchors.add(n === 0 ? base : `${base}-${n}`);
  }
  return anchors;
}

test("headingAnchors follows GitHub's anchors", () => {
  const anchors = headingAnchors("# The extract contract\n## manifest.json\n### units — organisational units (required)\n### ACC_T3_MEDIAN\n## Privacy: what is published\n## Privacy: what is published\n```\n# not a heading\n```\n");
  assert.deepEqual([...anchors], [
    "the-extract-contract", "manifestjson", "units--organisational-units-required", "acc_t3_median",
    "privacy-what-is-published", "privacy-what-is-published-1",
  ]);
  assert.deepEqual(linkTargets("[a](docs/x.md#y) `[b](no.md)` ![c](img.png \"t\")\n```\n[d](no.md)\n```\n[e]: ./ref.md\n"), ["docs/x.md#y", "img.png", "./ref.md"]);
});

test("every relative Markdown link resolves inside the project", { skip: notGit }, () => {
  assert.ok(markdownFiles.includes("README.md"), "README.md is listed");
  const broken: string[] = [];
  const anchorsOf = new Map<string, Set<string>>();
  const anchors = (file: string) => {
    if (!anchorsOf.has(file)) anchorsOf.set(file, headingAnchors(readFileSync(path.join(projectRoot, file), "utf8")));
    return anchorsOf.get(file)!;
  };
  for (const file of markdownFiles) {
    for (const target of linkTargets(readFileSync(path.join(projectRoot, file), "utf8"))) {
      // Links with a scheme (https:, mailto:) leave the project on purpose.
      if (/^[a-z][a-z0-9+.-]*:/i.test(target) || target.startsWith("//")) continue;
      const [rawPath, fragment] = target.split("#", 2);
      const linkPath = decodeURIComponent(rawPath);
      const resolved = linkPath === ""
        ? file
        : path.posix.normalize(linkPath.startsWith("/") ? linkPath.slice(1) : path.posix.join(path.posix.dirname(file), linkPath)).replace(/\/$/, "");
      const where = `${file}: (${target})`;
      if (resolved === ".." || resolved.startsWith("../")) {
        broken.push(`${where} points outside the project`);
        continue;
      }
      const isFile = fileSet.has(resolved);
      const isFolder = !isFile && (resolved === "." || [...fileSet].some((f) => f.startsWith(`${resolved}/`)));
      if (!isFile && !isFolder) {
        broken.push(`${where}: no such file or folder in the project (${resolved})`);
        continue;
      }
      if (fragment && isFile && resolved.endsWith(".md") && statSync(path.join(projectRoot, resolved)).isFile()) {
        if (!anchors(resolved).has(fragment)) broken.push(`${where}: ${resolved} has no heading #${fragment}`);
      }
    }
  }
  assert.deepEqual(broken, [], `broken links:\n${broken.join("\n")}`);
});
