// Tar archives through tar-stream, the library Framework reads them with
// (src/data/slices.tar.ts, whose members Framework extracts on demand).
import { pack } from "tar-stream";

/** Fixed member time (the epoch), so two builds of one extract give the same archive. */
const MTIME = new Date(0);

/**
 * A ustar archive of the files, in the order given: mode 0644, uid and gid 0,
 * mtime 0. tar-stream puts a name that ustar cannot hold (over 100 bytes, or
 * not ASCII) in a pax header.
 */
export async function tarArchive(files: Iterable<[string, string | Uint8Array]>): Promise<Buffer> {
  const archive = pack();
  for (const [name, content] of files) {
    archive.entry({ name, type: "file", mode: 0o644, uid: 0, gid: 0, mtime: MTIME }, content);
  }
  archive.finalize();
  const chunks: Buffer[] = [];
  for await (const chunk of archive) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}
