// generateExtract: writes a complete synthetic extract folder (every contract table plus
// manifest.json) deterministically from a seed.

import { existsSync, statSync } from "node:fs";
import { mkdir, mkdtemp, rm } from "node:fs/promises";
import { join } from "node:path";
import { FIRST_DAY, LAST_DAY, parseMonth, periodMonths, setPeriod } from "./calendar.ts";
import { generatePopulation } from "./clients.ts";
import { ActivityGenerator } from "./contacts-visits.ts";
import { generateCosts } from "./costs.ts";
import { CsvTableWriter } from "./csv-writer.ts";
import { buildManifest, writeManifest } from "./manifest.ts";
import { csvToParquet } from "./parquet.ts";
import { hashSeed, Rng } from "./random.ts";
import { scaleConfig, type ScaleName } from "./scale.ts";
import { contactDays } from "./seasonality.ts";
import { generateStaffing, generateStaffSurvey } from "./staff.ts";
import { generateSupply } from "./supply.ts";
import { buildUnits, UnitDirectory } from "./units.ts";
import { TABLE_NAMES, TABLES, tableSpec, type Manifest, type TableName } from "../extract/contract.ts";

export interface GenerateOptions {
  outDir: string;
  scale?: ScaleName;
  seed?: number;
  format?: "csv" | "parquet";
  /** Target number of contacts (approximate); clients scale with it. */
  contacts?: number;
  /** The period, whole months YYYY-MM (2020-01 … 2030-12); the scale's default period when left out. */
  from?: string;
  to?: string;
  /** Progress messages for long runs (the CLI prints them to stderr). */
  onProgress?: (message: string) => void;
}

export const DEFAULTS = { scale: "small", seed: 2020, format: "csv" } as const;

// The period is the calendar module's state (its bounds are read in every hot loop), so runs in
// one process overlap only if they cover the same period; a run of another period waits its turn.
let running = { period: "", count: 0, idle: Promise.resolve(), release: () => {} };

async function enterPeriod(period: string): Promise<void> {
  while (running.count > 0 && running.period !== period) await running.idle;
  if (running.count === 0) {
    let release = () => {};
    const idle = new Promise<void>((resolve) => (release = resolve));
    running = { period, count: 0, idle, release };
  }
  running.count++;
}

function leavePeriod(): void {
  if (--running.count === 0) running.release();
}

/** Removes this generator's previous output, so a folder never holds a table twice. */
async function clearPreviousOutput(dir: string): Promise<void> {
  for (const name of TABLE_NAMES) {
    const folder = join(dir, name);
    if (existsSync(folder) && statSync(folder).isDirectory()) {
      throw new Error(`${folder} is a folder of Parquet parts; generate into an empty folder instead`);
    }
    await rm(join(dir, `${name}.csv`), { force: true });
    await rm(join(dir, `${name}.parquet`), { force: true });
  }
  await rm(join(dir, "manifest.json"), { force: true });
}

export async function generateExtract(options: GenerateOptions): Promise<Manifest> {
  const scaleName = options.scale ?? DEFAULTS.scale;
  const seed = options.seed ?? DEFAULTS.seed;
  const format = options.format ?? DEFAULTS.format;
  if (!Number.isInteger(seed)) throw new Error(`seed must be an integer, got ${seed}`);
  if (format !== "csv" && format !== "parquet") throw new Error(`format must be csv or parquet, got ${format}`);
  if (options.from !== undefined) parseMonth(options.from, "from");
  if (options.to !== undefined) parseMonth(options.to, "to");
  const scale = scaleConfig(scaleName, options.contacts, { from: options.from, to: options.to });
  if (scale.from > scale.to) throw new Error(`from (${scale.from}) is after to (${scale.to})`);
  await enterPeriod(`${scale.from}..${scale.to}`);
  try {
    setPeriod(scale.from, scale.to);
    return await generate(options, scale);
  } finally {
    leavePeriod();
  }
}

async function generate(options: GenerateOptions, scale: ReturnType<typeof scaleConfig>): Promise<Manifest> {
  const seed = options.seed ?? DEFAULTS.seed;
  const format = options.format ?? DEFAULTS.format;
  const say = options.onProgress ?? (() => {});
  const rng = (label: string) => new Rng(hashSeed(seed, label));

  await mkdir(options.outDir, { recursive: true });
  await clearPreviousOutput(options.outDir);
  const csvDir = format === "csv" ? options.outDir : await mkdtemp(join(options.outDir, ".csv-"));

  const writers = Object.fromEntries(
    TABLES.map((t) => [t.name, new CsvTableWriter(join(csvDir, `${t.name}.csv`), tableSpec(t.name)!)]),
  ) as Record<TableName, CsvTableWriter<any>>;

  try {
    const units = buildUnits(scale.areas);
    for (const u of units) {
      writers.units.add({
        unit_id: u.unit_id, unit_name_fi: u.unit_name_fi, unit_name_sv: u.unit_name_sv,
        operating_model: u.operating_model, service_area: u.service_area, area: u.area,
      });
    }
    const directory = new UnitDirectory(units, scale.areas);

    const months = periodMonths();
    say(`clients: ${scale.clients.toLocaleString("en")} (scale ${scale.name}, seed ${seed}, ${months.from} … ${months.to})`);
    const pop = generatePopulation(rng("clients"), scale.clients, scale.areas, hashSeed(seed, "client-ids"), writers.clients, writers.conditions);

    // Calibrate the contact rate so the expected total hits the target.
    let activitySum = 0;
    const periodWeight = contactDays.weight(FIRST_DAY, LAST_DAY);
    for (let i = 0; i < pop.size; i++) activitySum += pop.activity[i] * (contactDays.weight(pop.activeFrom[i], LAST_DAY) / periodWeight);
    const activity = new ActivityGenerator(rng("activity"), pop, directory, {
      contacts: writers.contacts, visits: writers.visits, measurements: writers.measurements,
      interventions: writers.interventions, customer_feedback: writers.customer_feedback,
      service_vouchers: writers.service_vouchers,
    }, scale.contacts / activitySum, { clinical: rng("clinical"), feedback: rng("feedback"), vouchers: rng("vouchers") });

    const started = Date.now();
    await activity.run((done) => {
      const { contacts, visits } = activity.counts;
      const seconds = ((Date.now() - started) / 1000).toFixed(0);
      say(`contacts and visits: ${Math.round((100 * done) / pop.size)} % of clients, ${contacts.toLocaleString("en")} contacts, ${visits.toLocaleString("en")} visits (${seconds} s)`);
    });

    say("staffing, staff survey, appointment supply, costs");
    generateStaffing(rng("staffing"), units, writers.staffing);
    generateStaffSurvey(rng("staff-survey"), units, writers.staff_survey);
    generateSupply(rng("supply"), units, writers.appointment_supply);
    generateCosts(rng("costs"), units, activity.totals.realisedVisits, activity.totals.voucherEuros, writers.costs);
  } finally {
    await Promise.all(Object.values(writers).map((w) => w.close()));
  }

  const rows = Object.fromEntries(TABLE_NAMES.map((n) => [n, writers[n].rows])) as Record<TableName, number>;
  if (format === "parquet") {
    say("converting to Parquet");
    try {
      await csvToParquet(TABLES.map((t) => ({
        spec: tableSpec(t.name)!,
        csv: join(csvDir, `${t.name}.csv`),
        parquet: join(options.outDir, `${t.name}.parquet`),
      })));
    } finally {
      await rm(csvDir, { recursive: true, force: true });
    }
  }
  const manifest = buildManifest(rows);
  await writeManifest(options.outDir, manifest);
  return manifest;
}
