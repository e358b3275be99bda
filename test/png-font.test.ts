// loaders/self-assessment/png.ts draws the DOCX charts with DejaVu Sans cut
// down to SUBSET_CHARS: the PNG must be byte for byte the one the whole font
// gives, in each language, with Finnish thousands (a narrow no-break space),
// and an SVG with a character outside the subset must be drawn with the
// whole font (with the subset it would lose that character).
import assert from "node:assert/strict";
import { statSync } from "node:fs";
import { test } from "node:test";
import { chartSvg } from "../loaders/self-assessment/chart.ts";
import type { ChartData, Figure } from "../loaders/self-assessment/model.ts";
import { FULL_FONT, chartFontSubset, prepareChartFont, renderPng, subsetCovers, svgToPng } from "../loaders/self-assessment/png.ts";
import { monthsBetween } from "../src/lib/periods.ts";

const figure = (period: string, value: number | null): Figure => ({
  period,
  state: value === null ? "suppressed" : "value",
  value,
  numerator: value,
  denominator: null,
});

const chart: ChartData = {
  from: "2024-01",
  to: "2025-06",
  months: monthsBetween("2024-01", "2025-06").map((m, i) => figure(m, i === 4 ? null : 12_000 + ((i * 7919) % 3000))),
  halves: ["2024H1", "2024H2", "2025H1"].map((h, i) => figure(h, 13_000 + i * 250)),
  target: [{ from: "2024-01-01", until: "2025-07-01", op: ">=", value: 12_500 }],
};

test("a chart drawn with the subset font is the PNG the whole font gives, in fi, sv and en", async () => {
  await prepareChartFont();
  for (const lang of ["fi", "sv", "en"] as const) {
    const svg = chartSvg(chart, { name: "Käynnit / Besök – ääöå", unit: "lkm", lang, period: "2025H1" });
    assert.ok(subsetCovers(svg), `${lang}: the subset covers the chart (so the subset is what draws it)`);
    if (lang === "fi") assert.ok(svg.includes("\u202f"), "the Finnish axis groups thousands with a narrow no-break space");
    assert.ok(svgToPng(svg).equals(renderPng(svg, 1.5, FULL_FONT)), `${lang}: the same bytes as with the whole font`);
  }
  assert.ok(statSync(await chartFontSubset()).size < statSync(FULL_FONT).size / 5, "the subset is a fraction of the font");
});

test("an SVG with a character outside the subset is drawn with the whole font", async () => {
  await prepareChartFont();
  // A chart's drawn texts are its ticks and legend; a label with an arrow and a Greek letter stands in for a new one.
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="200" height="40" font-family="DejaVu Sans" font-size="11"><text x="4" y="24">Käynnit → Ω</text></svg>`;
  assert.equal(subsetCovers(svg), false);
  const whole = renderPng(svg, 1.5, FULL_FONT);
  assert.ok(svgToPng(svg).equals(whole), "svgToPng used the whole font");
  assert.ok(!renderPng(svg, 1.5, await chartFontSubset()).equals(whole), "the subset alone would have drawn it otherwise");
});
