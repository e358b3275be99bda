// Suppression shared out over worker threads (loaders/privacy/suppress-on-cores.ts)
// withholds exactly what suppress() withholds on one thread, and logs it in the same order.
import assert from "node:assert/strict";
import { join } from "node:path";
import { test } from "node:test";
import { loadCatalogue } from "../loaders/indicators/catalogue.ts";
import { computeIndicators } from "../loaders/indicators/compute-indicators.ts";
import { generateExtract } from "../loaders/generate/index.ts";
import { ingestExtract } from "../loaders/validate/ingest.ts";
import { suppress, suppressionGroups } from "../loaders/privacy/suppress.ts";
import { suppressOnCores } from "../loaders/privacy/suppress-on-cores.ts";
import { tempDir } from "./helpers/extract.ts";

test("suppression on two worker threads gives the one-thread result, cell by cell and log line by log line (tiny extract, seed 2)", async () => {
  const catalogue = loadCatalogue();
  const dir = join(tempDir("suppress-cores-"), "extract");
  await generateExtract({ outDir: dir, scale: "tiny", seed: 2 });
  const ingested = await ingestExtract(dir, {});
  let raw;
  let units: { unit_id: string; area: string; operating_model: string }[];
  try {
    raw = await computeIndicators(ingested.db, catalogue, { present: ingested.present, period: ingested.manifest.period });
    units = await ingested.db.all(`SELECT unit_id, area, operating_model FROM units`);
  } finally {
    ingested.db.close();
  }
  const unitGroups = new Map(units.map((u) => [u.unit_id, { area: u.area, model: u.operating_model }]));
  assert.ok(raw.length >= 50_000, `the table is large enough to be shared out (${raw.length} cells)`);
  assert.ok(suppressionGroups(catalogue).length >= 2);
  const previous = process.env.SUPPRESS_WORKERS;
  process.env.SUPPRESS_WORKERS = "2";
  try {
    const one = suppress(raw, catalogue, { unitGroups });
    const two = await suppressOnCores(raw, catalogue, { unitGroups });
    assert.ok(one.log.length > 0);
    assert.deepEqual(two.cells, one.cells);
    assert.deepEqual(two.log, one.log);
  } finally {
    if (previous === undefined) delete process.env.SUPPRESS_WORKERS;
    else process.env.SUPPRESS_WORKERS = previous;
  }
});
