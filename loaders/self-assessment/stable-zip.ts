// Office files and zips carry the time they were written (docProps/core.xml,
// each entry's date). Builds must be byte-for-byte reproducible, so both are
// set to the extract's date.
import JSZip from "jszip";

export async function stableZip(bytes: Buffer, isoDate: string): Promise<Buffer> {
  const zip = await JSZip.loadAsync(bytes);
  const date = new Date(`${isoDate}T00:00:00Z`);
  const out = new JSZip();
  for (const name of Object.keys(zip.files).sort()) {
    const file = zip.files[name];
    if (file.dir) continue;
    if (name === "docProps/core.xml") {
      const xml = (await file.async("string")).replace(/(<dcterms:(?:created|modified)[^>]*>)[^<]*(<\/dcterms:(?:created|modified)>)/g, `$1${isoDate}T00:00:00Z$2`);
      out.file(name, xml, { date, createFolders: false });
      continue;
    }
    // The entry's compressed bytes as they are: JSZip copies a deflated entry
    // into a deflated archive without inflating and deflating it again (that
    // cost 0.6 s of a half-year's 6 s). `_data` is JSZip's CompressedObject,
    // which file() accepts; the public API only offers the inflated content.
    // No implicit folder entries: JSZip would date them now.
    out.file(name, (file as unknown as { _data: Uint8Array })._data, { date, createFolders: false });
  }
  return out.generateAsync({ type: "nodebuffer", compression: "DEFLATE" });
}
