// The site half of the benchmark: for every page of dist/, the bytes it
// transfers on first load (gzip, as served) and the time to its first chart
// in headless Chromium. Figures to read, not assertions.
import { readdirSync, statSync } from "node:fs";
import type { AddressInfo } from "node:net";
import { join, relative } from "node:path";
import { launchBrowser } from "../test/helpers/browser.ts";
import { startServer } from "./serve.ts";

function htmlPages(root: string): string[] {
  const out: string[] = [];
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir).sort()) {
      const path = join(dir, entry);
      if (statSync(path).isDirectory()) walk(path);
      else if (entry.endsWith(".html")) out.push(relative(root, path).replace(/\.html$/, "").replace(/(^|\/)index$/, "$1"));
    }
  };
  walk(root);
  return out;
}

export interface PageFigure {
  page: string;
  kilobytes: number;
  firstChartMs: number | null;
}

export async function measureSite(dist: string): Promise<PageFigure[]> {
  const server = await startServer(dist, 0);
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const browser = await launchBrowser();
  const figures: PageFigure[] = [];
  try {
    for (const path of htmlPages(dist)) {
      const page = await browser.newPage();
      let bytes = 0;
      page.on("requestfinished", async (r) => {
        const sizes = await r.sizes().catch(() => null);
        if (sizes) bytes += sizes.responseBodySize + sizes.responseHeadersSize;
      });
      await page.goto(`${origin}/${path}`, { waitUntil: "load" });
      const firstChartMs = await page
        .waitForSelector("#observablehq-main svg", { timeout: 20_000 })
        .then(() => page.evaluate(() => performance.now()))
        .catch(() => null);
      await page.waitForLoadState("networkidle").catch(() => {});
      figures.push({ page: path || "(overview)", kilobytes: Math.round(bytes / 1024), firstChartMs: firstChartMs === null ? null : Math.round(firstChartMs) });
      await page.close();
    }
  } finally {
    await browser.close();
    server.close();
  }
  return figures;
}

export function printSiteFigures(figures: PageFigure[]): void {
  console.log(`${"page".padEnd(44)} ${"kB".padStart(6)} ${"first chart".padStart(12)}`);
  for (const f of figures) console.log(`${f.page.padEnd(44)} ${String(f.kilobytes).padStart(6)} ${(f.firstChartMs === null ? "—" : `${f.firstChartMs} ms`).padStart(12)}`);
  const heaviest = figures.filter((f) => !/^explore|^self-assessment/.test(f.page)).sort((a, b) => b.kilobytes - a.kilobytes)[0];
  if (heaviest) console.log(`heaviest page but explore and self-assessment: ${heaviest.page}, ${heaviest.kilobytes} kB (target ≤ 250 kB)`);
}
