// The independent privacy check: an attacker that reads only the published
// files and tries to recover withheld figures by linear programming. It shares
// no code with the suppression (loaders/suppress.ts, loaders/privacy/*), so a
// mistake there cannot hide itself here. See docs/indicators.md, "Privacy: what is
// published and what is withheld", for what it must guarantee.
import { violationsOf, minimaWanted, type AuditViolation } from "./checks.ts";
import { components } from "./components.ts";
import { fieldsOf, type CatalogueEntry, type IndicatorFields } from "./fields.ts";
import { clusters, findLinks, seriesOf, type Link } from "./links.ts";
import { propagate } from "./propagate.ts";
import { KeySpace, readPublished, type IndicatorTable } from "./published.ts";
import { addQuality, type QualityFigures } from "./quality.ts";
import { addRelations, relationsOf, type Inference } from "./relations.ts";
import { Slots } from "./slots.ts";
import { solveRanges } from "./solve.ts";
import { LinearSystem } from "./system.ts";
import type { UnitMembership } from "./unit-sums.ts";

export type { AuditViolation } from "./checks.ts";
export type { QualityFigures } from "./quality.ts";
export type { UnitMembership } from "./unit-sums.ts";

export interface AuditInput {
  /** The export CSV text. */
  indicatorsCsv: string;
  quality?: QualityFigures;
  /**
   * The same table with nothing withheld. The audit takes from it only which
   * sums hold exactly, per indicator, field and kind (relations.ts, relationsOf):
   * what a reader knows from the definitions. Never a figure. Without it, the
   * sums are inferred from the fully published groups, and one with no fully
   * published group is taken for an equality (relaxed where the published
   * figures contradict it).
   */
  sumsFromCsv?: string;
  /** The published units list (each unit's area and operating model): needed when the table has area:/model: rows. */
  units?: readonly UnitMembership[];
  catalogue: { indicators: CatalogueEntry[] };
  /** Progress lines (phase timings), for the CLI's --verbose. */
  onProgress?: (message: string) => void;
}

export interface AuditResult {
  violations: AuditViolation[];
  stats: { withheldCells: number; variables: number; components: number; largestComponent: number; lps: number; ms: number };
  /** What the attacker inferred (for the report and for debugging). */
  links: Link[];
  relations: Inference[];
  /** Published figures that contradict the inferred relations; the audit cannot vouch for a table with any. */
  contradictions: number;
}

/** value = scale × numerator ÷ denominator (100 for NPS and rates per 100), read from a published row. */
function valueScaleOf(t: IndicatorTable, f: IndicatorFields): number {
  if (f.nps) return 100;
  for (const r of t.rows) {
    if (r.suppressed || r.value === null) continue;
    if (f.fields.length === 1 && f.fields[0] === "num" && r.numerator) return r.value / r.numerator;
    if (r.numerator && r.denominator && r.value) return Number(((r.value * r.denominator) / r.numerator).toPrecision(3));
  }
  return 1;
}

export async function auditPublished(input: AuditInput): Promise<AuditResult> {
  const t0 = performance.now();
  const log = (m: string) => input.onProgress?.(`${m} (${Math.round(performance.now() - t0)} ms)`);
  const keys = new KeySpace();
  const tables = readPublished(input.indicatorsCsv, keys);
  const entries = new Map(input.catalogue.indicators.map((i) => [i.id, i]));
  const fields = new Map<string, IndicatorFields>();
  const valueScale = new Map<string, number>();
  for (const t of tables.values()) {
    const f = fieldsOf(t, entries.get(t.id));
    fields.set(t.id, f);
    valueScale.set(t.id, valueScaleOf(t, f));
  }

  // Which sums and shared counts hold: from the whole table when given (the
  // definitions), else inferred from what is published.
  const whole = input.sumsFromCsv === undefined ? null : readPublished(input.sumsFromCsv, keys);
  const known = new Map<string, Inference>();
  if (whole) {
    for (const t of tables.values()) {
      const w = whole.get(t.id);
      if (!w || w.rows.length !== t.rows.length || w.rows.some((r) => !t.byKey.has(keys.of(r.period, r.unit, r.bv)))) {
        throw new Error(`${t.id}: the table with nothing withheld has other rows than the published one`);
      }
      for (const [k, inf] of relationsOf(w, fields.get(t.id)!.fields, input.units)) known.set(k, inf);
    }
  }
  const links = findLinks(seriesOf(whole ?? tables, (id) => fields.get(id)?.fields ?? []));
  log(`${links.length} shared counts, sums ${whole ? "read from the table with nothing withheld" : "inferred from the published groups"}`);
  // Sums inferred from the published figures can be wrong: a few fully published
  // groups may all add up while the indicator counts distinct clients, who can
  // turn up in two units. The published figures then contradict the sum, and a
  // reader who sees that learns it does not hold. So do we: the indicators whose
  // figures contradict an inferred sum keep only what holds for any count
  // (a total at most the sum of its members and at least each), and the
  // system is built again. Sums read from the whole table are never relaxed.
  const relaxed = new Set<string>();
  for (;;) {
    const sys = new LinearSystem();
    const slots = new Slots(tables, fields, clusters(links), sys);
    slots.addLinkRows();
    const relations: Inference[] = [];
    for (const t of tables.values()) relations.push(...addRelations(t, fields.get(t.id)!.fields, slots, sys, input.units, known, relaxed));
    addQuality(input.quality, tables, slots, sys);
    log(`${slots.cells.length} withheld cells, ${sys.lo.length} unknowns, ${sys.rows.length} rows, ${links.length} links, ${sys.contradictions} published rows contradicting their sums`);

    const bounds = propagate(sys);
    const comps = components(sys, bounds);
    log(`propagation fixed ${bounds.fixed.reduce((a, b) => a + b, 0)} unknowns (${bounds.conflicts} conflicts); ${comps.length} components, ${comps.filter((c) => c.length > 1).length} with more than one unknown, largest ${comps.reduce((m, c) => Math.max(m, c.length), 0)}`);
    // Relaxes the inferred sums of the indicators these contradicting unknowns belong to; false when none is left to relax.
    const relax = (vars: readonly number[]) => {
      const refuted = whole ? [] : inferredIn(vars, slots, relations, relaxed);
      if (refuted.length) log(`the published figures contradict the sums inferred for ${refuted.join(", ")}: relaxed to bounds`);
      for (const id of refuted) relaxed.add(id);
      return refuted.length > 0;
    };
    if (relax(bounds.conflicting)) continue;
    // An unknown needs its own LPs only while it could still be narrow (its
    // count threshold) or pinned.
    const countVars = new Map<number, number>();
    for (const c of slots.cells) {
      const f = fields.get(c.row.indicator)!;
      if (f.countField && f.threshold !== null) countVars.set(c.vars[f.countField]!, f.threshold);
    }
    // The numerators over each denominator (the value check's "numerator pinned at 0").
    const tops = new Map<number, number[]>();
    for (const c of slots.cells) {
      const top = c.vars.num ?? c.vars.net;
      if (top === undefined || c.vars.den === undefined) continue;
      const list = tops.get(c.vars.den);
      if (list) list.push(top);
      else tops.set(c.vars.den, [top]);
    }
    const ranges = await solveRanges(sys, bounds, comps, (v) => countVars.get(v) ?? 0, (v) => tops.get(v), log);
    log(`${ranges.lps} LPs`);
    if (relax(ranges.infeasibleVars)) continue;
    await ranges.exactMin(minimaWanted(slots.cells, ranges));
    const violations = violationsOf(slots.cells, fields, valueScale, ranges);
    return {
      violations,
      stats: {
        withheldCells: slots.cells.length,
        variables: sys.lo.length,
        components: comps.length,
        largestComponent: comps.reduce((m, c) => Math.max(m, c.length), 0),
        lps: ranges.lps,
        ms: Math.round(performance.now() - t0),
      },
      links,
      relations,
      contradictions: sys.contradictions + bounds.conflicts + ranges.infeasibleComponents,
    };
  }
}

/**
 * The indicators among those whose unknowns are `vars` that have a sum
 * inferred (not read from the whole table) as an equality, not yet relaxed.
 */
function inferredIn(vars: Iterable<number>, slots: Slots, relations: readonly Inference[], relaxed: ReadonlySet<string>): string[] {
  const byVar = new Map<number, string>();
  for (const c of slots.cells) for (const v of Object.values(c.vars)) if (v !== undefined) byVar.set(v, c.row.indicator);
  const ids = new Set<string>();
  for (const v of vars) {
    const id = byVar.get(v);
    if (id && !relaxed.has(id) && relations.some((r) => r.indicator === id && r.field !== "net" && r.equal)) ids.add(id);
  }
  return [...ids].sort();
}
