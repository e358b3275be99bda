// SVG → PNG with resvg (no browser). The font is the DejaVu Sans shipped in
// the dejavu-fonts-ttf package, not a system font, so the images are the same
// on every machine.
//
// resvg lays out each text element with the whole font's tables: about
// 1.2 ms a text element with DejaVu Sans (757 kB), 6 ms a chart, 6 s of the
// Helsinki-scale self-assessment's 972 charts. Cut down to the characters
// the charts print (SUBSET_CHARS, by subset-font: HarfBuzz's hb-subset), it
// is 81 kB and 0.2 ms a text element, and the pixels are the same
// (test/png-font.test.ts). A chart with any other character is drawn with
// the whole font.
import { Resvg } from "@resvg/resvg-js";
import { createHash } from "node:crypto";
import { existsSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import subsetFont from "subset-font";
import { CHART_FONT } from "./chart.ts";

const require = createRequire(import.meta.url);
const FONT_DIR = join(dirname(require.resolve("dejavu-fonts-ttf/package.json")), "ttf");
// The charts use the regular weight only; every font file loaded costs time on each render.
export const FULL_FONT = join(FONT_DIR, "DejaVuSans.ttf");

/**
 * ASCII, Latin-1, Latin Extended-A, and the spaces, punctuation and signs a
 * chart's labels may hold (U+202F: the narrow no-break space that groups a
 * Finnish number's thousands).
 */
export const SUBSET_CHARS = (() => {
  let chars = "";
  for (let c = 0x20; c <= 0x7e; c++) chars += String.fromCodePoint(c);
  for (let c = 0xa0; c <= 0x17f; c++) chars += String.fromCodePoint(c);
  return chars + "\u2007\u2009\u200a\u202f‐‑–—‘’‚“”„•…‰′″€−∞≈≠≤≥";
})();
const inSubset = new Set([...SUBSET_CHARS, "\t", "\n", "\r"].map((c) => c.codePointAt(0)!));

/** Whether every character of an SVG (markup and text alike: its entities decode to ASCII) is in the subset. */
export function subsetCovers(svg: string): boolean {
  for (const c of svg) if (!inSubset.has(c.codePointAt(0)!)) return false;
  return true;
}

let subsetFile: Promise<string> | null = null;
let preparedSubset: string | null = null;

/**
 * The subset font's file: made once per process, in the temp folder under a
 * name from its bytes' hash (written beside, then renamed: processes running
 * at once each write whole files).
 */
export function chartFontSubset(): Promise<string> {
  return (subsetFile ??= (async () => {
    const bytes = await subsetFont(readFileSync(FULL_FONT), SUBSET_CHARS, { targetFormat: "truetype" });
    const path = join(tmpdir(), `dejavu-sans-subset-${createHash("sha256").update(bytes).digest("hex").slice(0, 16)}.ttf`);
    if (!existsSync(path)) {
      writeFileSync(`${path}.${process.pid}`, bytes);
      renameSync(`${path}.${process.pid}`, path);
    }
    return path;
  })());
}

/** Lets svgToPng draw with the subset (until then it uses the whole font, the same pixels but slower). */
export async function prepareChartFont(): Promise<void> {
  preparedSubset = await chartFontSubset();
}

// A chart whose text no language changes recurs in each language's document (a process renders all three):
// rendered once.
const rendered = new Map<string, Buffer>();

/** Renders an SVG string to PNG bytes with one font file at `scale` × its own size. */
export function renderPng(svg: string, scale: number, fontFile: string): Buffer {
  const resvg = new Resvg(svg, {
    fitTo: { mode: "zoom", value: scale },
    font: { loadSystemFonts: false, fontFiles: [fontFile], defaultFontFamily: CHART_FONT, sansSerifFamily: CHART_FONT },
    background: "#ffffff",
  });
  return Buffer.from(resvg.render().asPng());
}

/** Renders an SVG string to PNG bytes at `scale` × its own size (1.5: about 150 dpi at the size the DOCX prints it). */
export function svgToPng(svg: string, scale = 1.5): Buffer {
  const key = `${scale}\n${svg}`;
  let png = rendered.get(key);
  if (!png) rendered.set(key, (png = renderPng(svg, scale, preparedSubset && subsetCovers(svg) ? preparedSubset : FULL_FONT)));
  return png;
}
