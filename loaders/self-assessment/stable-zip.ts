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
    let content: Buffer | string = await file.async("nodebuffer");
    if (name === "docProps/core.xml") {
      content = content.toString("utf8").replace(/(<dcterms:(?:created|modified)[^>]*>)[^<]*(<\/dcterms:(?:created|modified)>)/g, `$1${isoDate}T00:00:00Z$2`);
    }
    // No implicit folder entries: JSZip would date them now.
    out.file(name, content, { date, createFolders: false });
  }
  return out.generateAsync({ type: "nodebuffer", compression: "DEFLATE" });
}
