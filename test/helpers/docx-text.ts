// The text of a DOCX as Word shows it: paragraphs joined with "\n", table
// rows as their cells' texts. Format output's narrow no-break spaces are read
// as plain spaces, so tests compare with "75,0 %".
import JSZip from "jszip";

const unxml = (s: string) => s.replace(/&lt;/g, "<").replace(/&gt;/g, ">").replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&amp;/g, "&");
const plain = (s: string) => s.replace(/[\u202F\u00A0]/g, " ");

/** The text of a piece of WordprocessingML: paragraphs joined with "\n". */
export function wordText(xml: string): string {
  return plain([...xml.matchAll(/<w:p[ >][\s\S]*?<\/w:p>/g)]
    .map((p) => [...p[0].matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((t) => unxml(t[1])).join(""))
    .join("\n"));
}

/** Every table row of a piece of WordprocessingML as its cells' texts. */
export function wordRows(xml: string): string[][] {
  return [...xml.matchAll(/<w:tr[ >][\s\S]*?<\/w:tr>/g)].map((tr) => [...tr[0].matchAll(/<w:tc>[\s\S]*?<\/w:tc>/g)].map((tc) => wordText(tc[0])));
}

/** word/document.xml of a DOCX. */
export async function documentXml(docx: Buffer | Uint8Array): Promise<string> {
  return (await JSZip.loadAsync(docx)).file("word/document.xml")!.async("string");
}
