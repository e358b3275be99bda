// "Lataa: CSV · SVG · PNG" under a chart, "Lataa: CSV" under a table: the
// data behind it as CSV, the chart as SVG and PNG, each with the title, the
// source and the extract's date, in the page's language. Buttons in a named
// group (Tab, Enter, Space); the file is made in the browser on click, as an
// object URL (no server request). The code that makes the files
// (lib/tables/download-files.ts, with d3-dsv) loads on the first click, so this
// control costs a page almost nothing.
import type { Lang } from "../../lib/format.js";
import { t } from "../../lib/i18n.js";

/** Where the figures come from: the extract's manifest (context.manifest, meta.manifest). */
export interface DownloadSource {
  source: string;
  extracted_at: string;
}

export interface DownloadsOptions {
  /** The title written into the files and their name. */
  title: string;
  /** The data behind the chart or table, as a table: built when a CSV is asked for. */
  table: () => HTMLTableElement;
  /** The chart: its figure (svg and legend) or the svg itself. Without it, CSV only. */
  chart?: () => Element;
  manifest: DownloadSource;
  lang?: Lang;
  document?: Document;
}

type Kind = "csv" | "svg" | "png";

export function downloads(o: DownloadsOptions): HTMLElement {
  const doc = o.document ?? document;
  const lang = o.lang ?? "fi";
  const box = doc.createElement("div");
  box.className = "downloads";
  box.setAttribute("role", "group");
  box.setAttribute("aria-label", `${t(lang, "download")}: ${o.title}`);
  box.append(`${t(lang, "download")}: `);
  const kinds: Kind[] = o.chart ? ["csv", "svg", "png"] : ["csv"];
  kinds.forEach((kind, i) => {
    if (i) box.append(" · ");
    const button = doc.createElement("button");
    button.type = "button";
    button.dataset.download = kind;
    button.textContent = kind.toUpperCase();
    button.addEventListener("click", () => make(kind, o, lang, doc));
    box.append(button);
  });
  return box;
}

async function make(kind: Kind, o: DownloadsOptions, lang: Lang, doc: Document): Promise<void> {
  const files = await import("../../lib/tables/download-files.js");
  const info = { title: o.title, source: o.manifest.source, extracted: o.manifest.extracted_at, lang };
  let blob: Blob;
  if (kind === "csv") blob = new Blob([files.csvText(files.tableData(o.table()), info)], { type: "text/csv;charset=utf-8" });
  else {
    const image = files.svgImage(o.chart!(), info);
    blob = kind === "svg" ? new Blob([image.text], { type: "image/svg+xml;charset=utf-8" }) : await files.pngBlob(image, doc);
  }
  files.save(blob, files.fileName(o.title, kind), doc);
}

/** "Lataa: CSV" for a table: its caption (or `title`) names the file. */
export function tableDownloads(table: HTMLTableElement, o: { manifest: DownloadSource; lang?: Lang; title?: string; document?: Document }): HTMLElement {
  const title = o.title ?? table.caption?.textContent?.trim() ?? "";
  return downloads({ title, table: () => table, manifest: o.manifest, lang: o.lang, document: o.document });
}
