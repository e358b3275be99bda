// The page slices' tar archive (loaders/publish/tar.ts): it reads back with the
// extractor Framework uses, member by member in order, with fixed metadata so
// that two builds give the same bytes.
import assert from "node:assert/strict";
import { Readable } from "node:stream";
import { test } from "node:test";
import { extract, type Header } from "tar-stream";
import { smallestFirst, tarArchive } from "../loaders/publish/tar.ts";

async function members(archive: Buffer): Promise<{ header: Header; text: string }[]> {
  const out: { header: Header; text: string }[] = [];
  const ex = extract();
  Readable.from([archive]).pipe(ex);
  for await (const entry of ex) {
    const chunks: Buffer[] = [];
    for await (const chunk of entry) chunks.push(chunk as Buffer);
    out.push({ header: entry.header, text: Buffer.concat(chunks).toString("utf8") });
  }
  return out;
}

test("the tar archive reads back with tar-stream, member by member", async () => {
  const files: [string, string][] = [["a.json", "{\"x\":1}"], ["unit-THK-ITA-TA-01.json", "ä".repeat(700)], ["empty.json", ""]];
  const got = await members(await tarArchive(files));
  assert.deepEqual(got.map((m) => [m.header.name, m.text]), files);
  for (const { header } of got) {
    assert.equal(header.type, "file");
    assert.equal(header.mode, 0o644);
    assert.equal(header.uid, 0);
    assert.equal(header.gid, 0);
    assert.equal(header.mtime.getTime(), 0, "a fixed mtime, not the time of the build");
  }
});

test("the tar archive is the same bytes every time, and takes bytes as well as text", async () => {
  const files: [string, string | Uint8Array][] = [["b.json", "[]"], ["bin", new Uint8Array([0, 1, 2, 255])]];
  const a = await tarArchive(files);
  await new Promise((resolve) => setTimeout(resolve, 1100));
  const b = await tarArchive(files);
  assert.ok(a.equals(b));
  assert.equal(a.length % 512, 0);
  const got = await members(a);
  assert.deepEqual(got.map((m) => m.header.size), [2, 4]);
});

test("names that ustar's 100-byte field cannot hold still read back (pax header)", async () => {
  const files: [string, string][] = [[`indunits-${"X".repeat(120)}-month.json`, "{}"], ["yksikkö-ä.json", "1"]];
  assert.deepEqual((await members(await tarArchive(files))).map((m) => [m.header.name, m.text]), files);
});

test("smallestFirst orders members by their bytes (UTF-8, not characters), then by name", () => {
  const files: [string, string | Uint8Array][] = [["c.json", "abcd"], ["b.json", "ää"], ["a.json", "abcd"], ["d.bin", new Uint8Array(1)], ["e.json", ""]];
  // "ää" is 2 characters but 4 bytes: it ties with the 4-byte files and sorts between them by name.
  assert.deepEqual(smallestFirst(files).map(([name]) => name), ["e.json", "d.bin", "a.json", "b.json", "c.json"]);
  assert.equal(files[0][0], "c.json", "the input is left as it was");
});
