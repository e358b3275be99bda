// SVG → PNG with resvg (no browser). The font is the DejaVu Sans shipped in
// the dejavu-fonts-ttf package, not a system font, so the images are the same
// on every machine.
import { Resvg } from "@resvg/resvg-js";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { CHART_FONT } from "./chart.ts";

const require = createRequire(import.meta.url);
const FONT_DIR = join(dirname(require.resolve("dejavu-fonts-ttf/package.json")), "ttf");
// The charts use the regular weight only; every font file loaded costs time on each render.
const FONT_FILES = [join(FONT_DIR, "DejaVuSans.ttf")];

// A chart whose text no language changes recurs in each language's document (a process renders all three):
// rendered once. Each render loads the font anew, so it costs tens of milliseconds.
const rendered = new Map<string, Buffer>();

/** Renders an SVG string to PNG bytes at `scale` × its own size (1.5: about 150 dpi at the size the DOCX prints it). */
export function svgToPng(svg: string, scale = 1.5): Buffer {
  const key = `${scale}\n${svg}`;
  let png = rendered.get(key);
  if (!png) {
    const resvg = new Resvg(svg, {
      fitTo: { mode: "zoom", value: scale },
      font: { loadSystemFonts: false, fontFiles: FONT_FILES, defaultFontFamily: CHART_FONT, sansSerifFamily: CHART_FONT },
      background: "#ffffff",
    });
    rendered.set(key, (png = Buffer.from(resvg.render().asPng())));
  }
  return png;
}
