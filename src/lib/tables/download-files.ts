// The files behind the "Lataa: CSV · SVG · PNG" control (components/site/downloads.ts),
// made in the browser when a reader asks for one — no server request. Loaded
// on the first click only, so d3-dsv and this code add nothing to a page's
// first visit.
//  - CSV: the table a chart or a table shows, its figures as shown but as
//    numbers a spreadsheet calculates with (lib/tables/csv-numbers.ts: "57,3" under
//    "Koko kaupunki (%)"; ".." for a withheld cell, never "< 5"), in the
//    dialect of the site's other spreadsheet downloads (the self-assessment
//    CSV): ";" and a decimal comma in Finnish and Swedish (Finnish Excel's
//    list separator), "," and a decimal point in English, CRLF, UTF-8 with a
//    byte-order mark so Excel reads ä and ö. Before the table: its title, the
//    source and the extract's date; after it, when a cell is withheld, what
//    ".." means.
//  - SVG: the chart's own SVG in a larger one with the title, the legend and
//    the source and extract date written in as <text>, a white background,
//    colours and fonts as attributes (no stylesheet, no web font).
//  - PNG: that SVG drawn on a canvas at twice its size.
import { dsvFormat } from "d3-dsv";
import { WITHHELD_MARK, formatDateTime, type Lang } from "../format.js";
import { t } from "../i18n.js";
import { withheldLegend } from "./chart-tables.js";
import { spreadsheetTable } from "./csv-numbers.js";

const SVG_NS = "http://www.w3.org/2000/svg";
const FONT = "system-ui, -apple-system, 'Segoe UI', Roboto, Arial, sans-serif";
const INK = "#1a1a1a";

export interface FileInfo {
  /** The chart's or table's title. */
  title: string;
  /** The extract's source (manifest.source). */
  source: string;
  /** The extract's time (manifest.extracted_at, ISO). */
  extracted: string;
  lang: Lang;
}

/** Column labels and rows of text, as a table shows them. */
export interface TableData {
  columns: string[];
  rows: string[][];
}

/** "Lähde: Nelimaali – Tulevaisuuden sote-keskus. Aineisto: Apotti". */
export const sourceLine = (o: FileInfo) => t(o.lang, "downloadSource", { site: t(o.lang, "siteName"), source: o.source });
/** "Poimittu: 30.11.2026 klo 8.00". */
export const extractLine = (o: FileInfo) => `${t(o.lang, "extractedAt")}: ${formatDateTime(o.extracted, o.lang)}`;

// ---------------------------------------------------------------------------
// CSV

/** The text a reader sees in a node: what only a screen reader hears (.visually-hidden) and hover titles left out; runs of ordinary white space made one (a narrow no-break space stays). */
function seenText(node: Node): string {
  let s = "";
  for (const c of node.childNodes) {
    if (c.nodeType === 3) s += c.nodeValue;
    else if (c.nodeType === 1) {
      const el = c as Element;
      if (!el.classList.contains("visually-hidden") && el.localName !== "title") s += seenText(el);
    }
  }
  return s.replace(/[ \t\r\n]+/g, " ").trim();
}

/** A cell's text; a list in a cell (the guardrail's concerns) reads as items joined by "; ". */
function cellText(cell: Element): string {
  const items = cell.querySelectorAll("li");
  return items.length ? [...items].map(seenText).join("; ") : seenText(cell);
}

/** A table's column labels (the last header row) and body rows, as text; the footer (the withheld legend) is left out. */
export function tableData(table: HTMLTableElement): TableData {
  const head = table.tHead?.rows;
  const columns = head?.length ? [...head[head.length - 1].cells].map(cellText) : [];
  const rows = [...table.tBodies].flatMap((b) => [...b.rows].map((r) => [...r.cells].map(cellText)));
  return { columns, rows };
}

const FORMULA_LIKE = /^[=+\-@\t\r]/;
const NUMBER_LIKE = /^-[\d.,]+%?$/;

/** A field a spreadsheet would run as a formula gets a leading apostrophe (OWASP's CSV-injection rule), a negative English number excepted. */
function defuse(value: string): string {
  return FORMULA_LIKE.test(value) && !NUMBER_LIKE.test(value) ? `'${value}` : value;
}

/** The CSV file: title, source and extract date, an empty line, the header and rows (figures as numbers, units in the header), and the withheld mark's legend when a cell is withheld. */
export function csvText(data: TableData, o: FileInfo): string {
  const f = dsvFormat(o.lang === "en" ? "," : ";");
  const withheld = data.rows.some((r) => r.includes(WITHHELD_MARK));
  const table = spreadsheetTable(data, o.lang);
  const lines: string[][] = [[o.title], [sourceLine(o)], [extractLine(o)], [], table.columns, ...table.rows];
  if (withheld) lines.push([], [withheldLegend(o.lang)]);
  return `\uFEFF${lines.map((l) => f.formatRow(l.map(defuse))).join("\r\n")}\r\n`;
}

// ---------------------------------------------------------------------------
// SVG and PNG

export interface SvgImage {
  text: string;
  width: number;
  height: number;
}

/** The chart's drawing: the element itself when it is an <svg>, else its chart svg (not a legend swatch or an icon). */
function chartSvg(chart: Element): SVGSVGElement {
  if (chart.localName === "svg") return chart as SVGSVGElement;
  const svg = chart.querySelector("svg.chart, svg[role=img]") ?? [...chart.querySelectorAll("svg")].find((s) => !s.closest(".chart-legend, .xmr-header"));
  if (!svg) throw new Error("no chart to download");
  return svg as SVGSVGElement;
}

function svgSize(svg: Element): [number, number] {
  const box = (svg.getAttribute("viewBox") ?? "").split(/[\s,]+/).map(Number);
  if (box.length === 4 && box.every(Number.isFinite)) return [box[2], box[3]];
  return [Number.parseFloat(svg.getAttribute("width") ?? "") || 640, Number.parseFloat(svg.getAttribute("height") ?? "") || 240];
}

/** Words on lines of at most `max` characters. */
function wrap(text: string, max: number): string[] {
  const lines: string[] = [];
  let line = "";
  for (const word of text.split(" ")) {
    if (line && line.length + 1 + word.length > max) {
      lines.push(line);
      line = word;
    } else line = line ? `${line} ${word}` : word;
  }
  return line ? [...lines, line] : lines;
}

/**
 * The chart as a standalone SVG file: its title (and the SPC icons' words)
 * above, the legend as drawn marks and words, the chart, and the source and
 * the extract's date below, all inside the image.
 */
export function svgImage(chart: Element, o: FileInfo): SvgImage {
  const doc = chart.ownerDocument;
  const el = <K extends keyof SVGElementTagNameMap>(tag: K, attrs: Record<string, string | number>, text?: string) => {
    const e = doc.createElementNS(SVG_NS, tag) as SVGElementTagNameMap[K];
    for (const [k, v] of Object.entries(attrs)) e.setAttribute(k, String(v));
    if (text !== undefined) e.textContent = text;
    return e;
  };
  const svg = chartSvg(chart);
  const [w, h] = svgSize(svg);
  const width = Math.max(w, 320);
  const pad = 12;
  const chars = (px: number) => Math.max(20, Math.floor((width - 2 * pad) / px));
  const texts: SVGElement[] = [];
  let y = pad;
  const line = (text: string, size: number, attrs: Record<string, string | number> = {}) => {
    for (const l of wrap(text, chars(size * 0.55))) {
      y += size + 4;
      texts.push(el("text", { x: pad, y, "font-size": size, ...attrs }, l));
    }
  };
  line(o.title, 14, { "font-weight": "bold" });
  const notes = [...chart.querySelectorAll(".spc-icon-label, .xmr-too-few")].map(seenText).filter(Boolean);
  if (notes.length) line(notes.join(" · "), 11);
  // The legend: each entry's swatch (the line as drawn, or its symbol) and words, in rows.
  let x = pad;
  let rowY = y + 16;
  const legendItems = [...chart.querySelectorAll(".chart-legend-item")];
  for (const item of legendItems) {
    const swatch = item.querySelector(".chart-legend-swatch");
    const label = [...item.childNodes].filter((n) => n !== swatch).map((n) => n.textContent ?? "").join("").trim();
    const itemWidth = 30 + label.length * 6;
    if (x > pad && x + itemWidth > width - pad) {
      x = pad;
      rowY += 16;
    }
    const lineEl = swatch?.querySelector("line");
    const bandEl = swatch?.querySelector("rect");
    if (bandEl) {
      // A shaded band (the selected period) as drawn in the legend.
      const copy = bandEl.cloneNode(true) as SVGRectElement;
      for (const [k, v] of Object.entries({ x: x + 1, y: rowY - 9, width: 22, height: 10 })) copy.setAttribute(k, String(v));
      texts.push(copy);
    } else if (lineEl) {
      const copy = lineEl.cloneNode(true) as SVGLineElement;
      for (const [k, v] of Object.entries({ x1: x, x2: x + 22, y1: rowY - 4, y2: rowY - 4 })) copy.setAttribute(k, String(v));
      texts.push(copy);
    } else {
      texts.push(el("text", { x: x + 11, y: rowY, "text-anchor": "middle", "font-weight": "bold", fill: (swatch as HTMLElement | null)?.style?.color || INK }, swatch?.textContent ?? ""));
    }
    texts.push(el("text", { x: x + 26, y: rowY, fill: "#595959" }, label));
    x += itemWidth + 12;
  }
  if (legendItems.length) y = rowY + 6;
  const chartY = y + 8;
  // The chart itself, as a nested <svg> keeping its viewBox; the page's CSS (max-width, height:auto) is left behind.
  const copy = svg.cloneNode(true) as SVGSVGElement;
  copy.removeAttribute("style");
  for (const [k, v] of Object.entries({ x: (width - w) / 2, y: chartY, width: w, height: h, viewBox: `0 0 ${w} ${h}`, overflow: "visible", "font-size": 10 })) copy.setAttribute(k, String(v));
  y = chartY + h + 8;
  line(sourceLine(o), 10, { fill: "#595959" });
  line(extractLine(o), 10, { fill: "#595959" });
  const height = Math.ceil(y + pad);
  const root = el("svg", { width, height, viewBox: `0 0 ${width} ${height}`, "font-family": FONT, "font-size": 10, style: `color:${INK}` });
  root.append(el("title", {}, o.title), el("rect", { width, height, fill: "#fff" }), ...texts, copy);
  const Serializer = doc.defaultView?.XMLSerializer ?? XMLSerializer;
  return { text: new Serializer().serializeToString(root), width, height };
}

/** The SVG drawn on a canvas at `scale` times its size, as a PNG (browser only). */
export async function pngBlob(image: SvgImage, doc: Document = document, scale = 2): Promise<Blob> {
  const url = URL.createObjectURL(new Blob([image.text], { type: "image/svg+xml" }));
  try {
    const img = new Image(image.width, image.height);
    img.src = url;
    await img.decode();
    const canvas = doc.createElement("canvas");
    canvas.width = image.width * scale;
    canvas.height = image.height * scale;
    const ctx = canvas.getContext("2d")!;
    ctx.scale(scale, scale);
    ctx.drawImage(img, 0, 0, image.width, image.height);
    return await new Promise<Blob>((resolve, reject) => canvas.toBlob((b) => (b ? resolve(b) : reject(new Error("PNG failed"))), "image/png"));
  } finally {
    URL.revokeObjectURL(url);
  }
}

/** A file name from the title: "hoitotakuu-7-vrk.csv" (letters and digits kept, ä and ö too). */
export function fileName(title: string, ext: string): string {
  const base = title.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, "-").replace(/^-+|-+$/g, "").slice(0, 80).replace(/-+$/, "");
  return `${base || "nelimaali"}.${ext}`;
}

/** Hands a blob to the browser as a download (an object URL on this page, no request anywhere). */
export function save(blob: Blob, name: string, doc: Document = document): void {
  const url = URL.createObjectURL(blob);
  const a = doc.createElement("a");
  a.href = url;
  a.download = name;
  a.hidden = true;
  doc.body.append(a);
  a.click();
  a.remove();
  // Revoked a while later: revoking at once can cancel the download in some browsers.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}
