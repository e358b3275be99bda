// What changed since the previous extract: this extract's indicator export
// against the previous one's, both in the export format (docs/indicators.md).
//
// The previous export is, in this order: the file PREVIOUS_EXPORT names (with
// its FILE.meta.json beside it, as `npm run indicators` writes, for its date);
// else the export the last build published (.build/published-export.csv),
// when that came from an earlier extract of the same source; else the one
// published before it (.build/previous-export.csv), so a rebuild of the same
// extract compares with the same previous extract again. An extract is its
// manifest's source and extracted_at. A build records its export only once the
// site is published (recordPublished, called by scripts/build.ts).
//
// Only figures published in both exports appear with their values, and only
// as published: a withheld cell is counted, never valued. A figure is revised
// when its value as the site shows it differs (displayedValue: a share to one
// decimal of its percentage), so 0.4943 → 0.4944 (49,4 % both) is not.
import { createHash } from "node:crypto";
import { copyFileSync, existsSync, readFileSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { csvParse } from "d3-dsv";
import type { PublishedCell } from "../../src/lib/cell.ts";
import type { CellCount, CellKey, ExtractChanges, ExtractRef, Revision, TargetChange } from "../../src/lib/page-data/extract-changes.ts";
import { displayedValue } from "../../src/lib/format.ts";
import { PERIOD_TYPES, type PeriodType } from "../../src/lib/periods.ts";
import { isMet, targetForPeriod } from "../../src/lib/analysis/targets.ts";
import type { Catalogue } from "../indicators/catalogue.ts";

/** How many revisions and target changes the file lists (all are counted). */
export const LARGEST = 10;
export const CHANGES_FILE = "changes.json";
const PUBLISHED = "published-export.csv";
const PREVIOUS = "previous-export.csv";
const metaOf = (csv: string) => `${csv}.meta.json`;

// ---------------------------------------------------------------------------
// The computation (pure)

/** The export CSV's cells (numbers as written, an empty field null). */
export function parseExportCsv(text: string): PublishedCell[] {
  const num = (s: string | undefined) => (s === undefined || s === "" ? null : Number(s));
  return csvParse(text).map((r) => ({
    indicator_id: r.indicator_id!,
    period_type: r.period_type as PeriodType,
    period: r.period!,
    unit_id: r.unit_id!,
    breakdown: r.breakdown!,
    breakdown_value: r.breakdown_value!,
    numerator: num(r.numerator),
    denominator: num(r.denominator),
    value: num(r.value),
    suppressed: r.suppressed === "true",
  }));
}

const keyOf = (c: CellKey) => [c.indicator_id, c.period_type, c.period, c.unit_id, c.breakdown, c.breakdown_value].join("\u0000");
const cellKey = (c: CellKey): CellKey => ({ indicator_id: c.indicator_id, period_type: c.period_type, period: c.period, unit_id: c.unit_id, breakdown: c.breakdown, breakdown_value: c.breakdown_value });
const published = (c: PublishedCell): c is PublishedCell & { value: number } => !c.suppressed && c.value !== null && Number.isFinite(c.value);
const isCityTotal = (c: CellKey) => c.unit_id === "ALL" && c.breakdown_value === "ALL";

/** The revision's size against the old shown value; from 0, any change is the largest. */
function relativeSize(r: Revision): number {
  const from = displayedValue(r.old, r.measure);
  const delta = Math.abs(displayedValue(r.new, r.measure) - from);
  return from === 0 ? Infinity : delta / Math.abs(from);
}

export function computeChanges(
  previousCells: readonly PublishedCell[] | null,
  currentCells: readonly PublishedCell[],
  refs: { current: ExtractRef; previous: (ExtractRef & { origin: "given" | "published" }) | null; basis?: string | null },
  catalogue: Pick<Catalogue, "indicators">,
): ExtractChanges {
  const empty: ExtractChanges = {
    current: refs.current,
    previous: null,
    basis: null,
    newPeriods: [],
    revised: { count: 0, largest: [] },
    newlyWithheld: { count: 0, indicators: [] },
    newlyPublished: { count: 0, indicators: [] },
    targets: { met: [], missed: [] },
  };
  if (!previousCells || !refs.previous) return empty;
  const order = new Map(catalogue.indicators.map((i, n) => [i.id, n]));
  const indicators = new Map(catalogue.indicators.map((i) => [i.id, i]));
  const before = new Map(previousCells.map((c) => [keyOf(c), c]));
  const periodsBefore = new Set(previousCells.map((c) => `${c.period_type} ${c.period}`));
  const newPeriods = new Map<string, { period_type: PeriodType; period: string }>();
  const revisions: Revision[] = [];
  const targetChanges: TargetChange[] = [];
  const withheld = { count: 0, ids: new Set<string>() };
  const released = { count: 0, ids: new Set<string>() };
  for (const now of currentCells) {
    const p = `${now.period_type} ${now.period}`;
    if (!periodsBefore.has(p)) newPeriods.set(p, { period_type: now.period_type, period: now.period });
    const was = before.get(keyOf(now));
    const indicator = indicators.get(now.indicator_id);
    if (!was || !indicator) continue;
    if (!was.suppressed && now.suppressed) {
      withheld.count++;
      withheld.ids.add(now.indicator_id);
    } else if (was.suppressed && !now.suppressed) {
      released.count++;
      released.ids.add(now.indicator_id);
    }
    if (!published(was) || !published(now)) continue;
    const measure = indicator.unit;
    const change: Revision = { ...cellKey(now), measure, old: was.value, new: now.value };
    if (displayedValue(was.value, measure) !== displayedValue(now.value, measure)) revisions.push(change);
    if (indicator.headline && isCityTotal(now)) {
      const target = targetForPeriod(indicator.targets, now.period);
      const [then, met] = [isMet(was.value, target), isMet(now.value, target)];
      if (then !== null && met !== null && then !== met) targetChanges.push({ ...change, met });
    }
  }
  const typeOrder = (t: string) => PERIOD_TYPES.indexOf(t as PeriodType);
  const byKey = (a: CellKey, b: CellKey) =>
    (order.get(a.indicator_id) ?? 0) - (order.get(b.indicator_id) ?? 0) || typeOrder(a.period_type) - typeOrder(b.period_type) || (keyOf(a) < keyOf(b) ? -1 : keyOf(a) > keyOf(b) ? 1 : 0);
  const largest = [...revisions].sort((a, b) => Number(isCityTotal(b)) - Number(isCityTotal(a)) || relativeSize(b) - relativeSize(a) || byKey(a, b)).slice(0, LARGEST);
  const count = (x: { count: number; ids: Set<string> }): CellCount => ({ count: x.count, indicators: [...x.ids].sort((a, b) => (order.get(a) ?? 0) - (order.get(b) ?? 0)) });
  targetChanges.sort(byKey);
  return {
    ...empty,
    previous: refs.previous,
    basis: refs.basis ?? null,
    newPeriods: [...newPeriods.values()].sort((a, b) => typeOrder(a.period_type) - typeOrder(b.period_type) || (a.period < b.period ? -1 : 1)),
    revised: { count: revisions.length, largest },
    newlyWithheld: count(withheld),
    newlyPublished: count(released),
    targets: { met: targetChanges.filter((c) => c.met).slice(0, LARGEST), missed: targetChanges.filter((c) => !c.met).slice(0, LARGEST) },
  };
}

// ---------------------------------------------------------------------------
// Which previous export, and the record of what was published

export interface PreviousExport {
  path: string;
  ref: ExtractRef;
  origin: "given" | "published";
}

/** The extract an export came from: its FILE.meta.json's manifest (npm run indicators, recordPublished), or unknown. */
function refOf(csvPath: string): ExtractRef {
  try {
    const m = JSON.parse(readFileSync(metaOf(csvPath), "utf8")).manifest;
    return { source: m?.source ?? null, extracted_at: m?.extracted_at ?? null };
  } catch {
    return { source: null, extracted_at: null };
  }
}

/** A recorded export is a previous extract of this one: the same source, extracted earlier. */
const earlier = (ref: ExtractRef, current: ExtractRef) =>
  ref.source !== null && ref.source === current.source && ref.extracted_at !== null && current.extracted_at !== null && ref.extracted_at < current.extracted_at;

/**
 * The export to compare with: PREVIOUS_EXPORT, else the recorded published or
 * previous export (in recordDir, .build by default) of an earlier extract of
 * the same source; null when there is none.
 */
export function previousExport(recordDir: string, current: ExtractRef, env: NodeJS.ProcessEnv = process.env): PreviousExport | null {
  const given = env.PREVIOUS_EXPORT;
  if (given) {
    if (!existsSync(given)) throw new Error(`PREVIOUS_EXPORT: no such file: ${given}`);
    return { path: given, ref: refOf(given), origin: "given" };
  }
  for (const name of [PUBLISHED, PREVIOUS]) {
    const path = join(recordDir, name);
    if (existsSync(path) && earlier(refOf(path), current)) return { path, ref: refOf(path), origin: "published" };
  }
  return null;
}

const basisOf = (p: PreviousExport, text: string) =>
  createHash("sha256").update(`${p.origin}\n${p.ref.source}\n${p.ref.extracted_at}\n`).update(text).digest("hex").slice(0, 16);

const currentRef = (dataDir: string): ExtractRef => {
  const m = JSON.parse(readFileSync(join(dataDir, "meta.json"), "utf8")).manifest;
  return { source: m.source, extracted_at: m.extracted_at };
};

/** What the changes file of the page data in dataDir would be based on: the previous export's hash, or "none". For cache keys. */
export function changesBasis(dataDir: string, env: NodeJS.ProcessEnv = process.env): string {
  const previous = previousExport(dirname(dataDir), currentRef(dataDir), env);
  return previous ? basisOf(previous, readFileSync(previous.path, "utf8")) : "none";
}

/**
 * Writes dataDir/changes.json (the page data's export and meta.json against
 * the previous export) unless it is there already for the same previous
 * export. The records are looked up beside dataDir (.build).
 */
export function ensureChanges(dataDir: string, catalogue: Pick<Catalogue, "indicators">, env: NodeJS.ProcessEnv = process.env): string {
  const file = join(dataDir, CHANGES_FILE);
  const current = currentRef(dataDir);
  const previous = previousExport(dirname(dataDir), current, env);
  const text = previous ? readFileSync(previous.path, "utf8") : null;
  const basis = previous ? basisOf(previous, text!) : null;
  if (existsSync(file)) {
    const old = JSON.parse(readFileSync(file, "utf8")) as ExtractChanges;
    if (old.basis === basis && old.current.extracted_at === current.extracted_at) return file;
  }
  const changes = computeChanges(
    text === null ? null : parseExportCsv(text),
    parseExportCsv(readFileSync(join(dataDir, "indicators.csv"), "utf8")),
    { current, previous: previous && { ...previous.ref, origin: previous.origin }, basis },
    catalogue,
  );
  writeAtomically(file, JSON.stringify(changes));
  return file;
}

function writeAtomically(path: string, data: string | Buffer): void {
  writeFileSync(`${path}.tmp`, data);
  renameSync(`${path}.tmp`, path);
}

/**
 * After a build published the site from dataDir: keeps its export as the
 * published one (beside dataDir), and the one published before as the
 * previous export when that came from an earlier extract of the same source
 * (an unrelated or later one is dropped, so that rebuilding this extract
 * compares with what its first build compared with).
 */
export function recordPublished(dataDir: string): void {
  const recordDir = dirname(dataDir);
  const current = currentRef(dataDir);
  const publishedCsv = join(recordDir, PUBLISHED);
  if (existsSync(publishedCsv)) {
    if (earlier(refOf(publishedCsv), current)) {
      const previousCsv = join(recordDir, PREVIOUS);
      renameSync(publishedCsv, previousCsv);
      if (existsSync(metaOf(publishedCsv))) renameSync(metaOf(publishedCsv), metaOf(previousCsv));
      else rmSync(metaOf(previousCsv), { force: true });
    }
  }
  copyFileSync(join(dataDir, "indicators.csv"), `${publishedCsv}.tmp`);
  writeAtomically(metaOf(publishedCsv), JSON.stringify({ manifest: current }) + "\n");
  renameSync(`${publishedCsv}.tmp`, publishedCsv);
}
