// A reference for src/lib/analysis/spc.ts: the XmR part of NHS England's "SPC Charts
// SQL Query v2.6" (Steps 4B–4L and the minimum-points gating of Step 6),
// transliterated statement by statement from T-SQL into DuckDB SQL and run by
// DuckDB. It shares no code with spc.ts: the same windows (LAG, LEAD, running
// SUM) over the same partitions, so spc.ts can be compared with v2.6's own
// formulation point by point. "L123" is a line of "NHSE SPC Charts SQL Query
// v2.6.sql" (NHSDigital/fdp-react-design-system, commit 453d01c8).
//
// Differences from the T-SQL, none of which changes a result:
// - one chart per [ChartID] here (no groups, filters, hierarchy, T/G charts);
// - T-SQL's UPDATE … FROM … LEFT JOIN steps are written as SELECTs that join
//   the same values back;
// - the "copy the partition's mean / moving-range mean to every row of the
//   partition" updates (L1967–1996) take MAX over the partition instead of
//   AVG: in T-SQL's DECIMAL the average of equal values is that value, in
//   doubles it may be off by an ulp;
// - doubles instead of DECIMAL(38, 19), and 2 / 3.0 is a double (T-SQL: 0.666667).
import { openDb } from "../../loaders/db.ts";

export interface ReferenceRow {
  date: string;
  value: number | null;
  /** v2.6 [RecalculateLimitsFlag]: the limits are recalculated from this row. */
  recalculate: 0 | 1;
  /** v2.6 [GhostFlag]. */
  ghost: 0 | 1;
  /** The last row of the baseline (v2.6 #BaselineData [Date]). */
  baselineEnd?: 0 | 1;
}

export interface ReferenceChart {
  id: string;
  improvement: "Up" | "Down" | "Neither";
  conflictRule: "Improvement" | "Concern" | null;
  target: number | null;
  rows: ReferenceRow[];
}

export interface ReferenceSettings {
  shiftPoints: number;
  trendPoints: number;
  minimumPoints: number;
}

export interface ReferenceResult {
  chart: string;
  date: string;
  partition: number;
  upper: number | null;
  lower: number | null;
  upperTwoSigma: number | null;
  lowerTwoSigma: number | null;
  singleAbove: number;
  singleBelow: number;
  shiftAbove: number;
  shiftBelow: number;
  trendIncreasing: number;
  trendDecreasing: number;
  twoSigmaAbove: number;
  twoSigmaBelow: number;
  improvement: boolean;
  concern: boolean;
  neither: boolean;
  conflict: boolean;
  variationIcon: string | null;
  assuranceIcon: string | null;
}

const q = (s: string | null) => (s === null ? "NULL" : `'${s.replace(/'/g, "''")}'`);
const num = (n: number | null) => (n === null ? "NULL" : String(n));

export async function v26Reference(charts: readonly ReferenceChart[], s: ReferenceSettings): Promise<ReferenceResult[]> {
  const db = await openDb({ threads: 1, memoryLimit: "512MB" });
  try {
    await db.run(`CREATE TABLE metric (chart_id VARCHAR, improvement VARCHAR, conflict_rule VARCHAR, target DOUBLE)`);
    await db.run(`CREATE TABLE raw (chart_id VARCHAR, date DATE, value DOUBLE, recalc INTEGER, ghost INTEGER, baseline_end INTEGER)`);
    const metrics = charts.map((c) => `(${q(c.id)}, ${q(c.improvement)}, ${q(c.conflictRule)}, ${num(c.target)})`);
    const raws = charts.flatMap((c) => c.rows.map((r) => `(${q(c.id)}, DATE ${q(r.date)}, ${num(r.value)}, ${r.recalculate}, ${r.ghost}, ${r.baselineEnd ?? 0})`));
    for (let i = 0; i < metrics.length; i += 1000) await db.run(`INSERT INTO metric VALUES ${metrics.slice(i, i + 1000).join(", ")}`);
    for (let i = 0; i < raws.length; i += 1000) await db.run(`INSERT INTO raw VALUES ${raws.slice(i, i + 1000).join(", ")}`);
    const N = { shift: s.shiftPoints, trend: s.trendPoints, min: s.minimumPoints };
    const steps = [
      // Step 4B (L1700–1748): point ranks without ghosted points; partitions from the cumulative recalculation flags.
      `CREATE TABLE p AS SELECT r.*, m.improvement, m.conflict_rule, m.target AS target_in,
         CASE WHEN r.ghost = 1 THEN NULL ELSE ROW_NUMBER() OVER (PARTITION BY r.chart_id, r.ghost ORDER BY r.date DESC) END AS rank_desc,
         SUM(r.recalc) OVER (PARTITION BY r.chart_id ORDER BY r.date) + 1 AS partition_id,
         CASE WHEN r.ghost = 1 THEN NULL ELSE SUM(r.recalc) OVER (PARTITION BY r.chart_id ORDER BY r.date) + 1 END AS partition_id_xg
       FROM raw r JOIN metric m USING (chart_id)`,
      // Step 4C (L1771–1808): every point up to the baseline's end is partition 0.
      `CREATE TABLE b AS SELECT p.* REPLACE (
         CASE WHEN bl.end_date IS NOT NULL AND p.date <= bl.end_date THEN 0 ELSE p.partition_id END AS partition_id,
         CASE WHEN p.ghost = 1 THEN NULL WHEN bl.end_date IS NOT NULL AND p.date <= bl.end_date THEN 0 ELSE p.partition_id_xg END AS partition_id_xg)
       FROM p LEFT JOIN (SELECT chart_id, MIN(date) AS end_date FROM p WHERE baseline_end = 1 GROUP BY chart_id) bl USING (chart_id)`,
      // Step 4D (L1824–1836): a target only for Up / Down.
      `CREATE TABLE t AS SELECT *, CASE WHEN improvement IN ('Up', 'Down') THEN target_in END AS target FROM b`,
      // Step 4E (L1883–1900): mean per partition without ghosted points; moving range within the partition.
      `CREATE TABLE mr AS SELECT *,
         CASE WHEN ghost = 1 THEN NULL ELSE AVG(value) OVER (PARTITION BY chart_id, partition_id_xg) END AS mean,
         CASE WHEN ghost = 1 THEN NULL ELSE ABS(value - LAG(value, 1) OVER (PARTITION BY chart_id, partition_id_xg ORDER BY date)) END AS mr_with_partition
       FROM t`,
      // L1903–1914: the moving-range mean over the rows that have a moving range.
      `CREATE TABLE mrm AS SELECT mr.*, x.mr_mean FROM mr LEFT JOIN (
         SELECT chart_id, date, AVG(mr_with_partition) OVER (PARTITION BY chart_id, partition_id_xg) AS mr_mean FROM mr WHERE mr_with_partition IS NOT NULL
       ) x USING (chart_id, date)`,
      // L1967–1996: every row of a partition (ghosted ones too) gets the partition's mean and moving-range mean.
      `CREATE TABLE filled AS SELECT mrm.* REPLACE (f.pmean AS mean, f.pmr AS mr_mean) FROM mrm LEFT JOIN (
         SELECT chart_id, partition_id, MAX(mean) AS pmean, MAX(mr_mean) AS pmr FROM mrm GROUP BY chart_id, partition_id
       ) f USING (chart_id, partition_id)`,
      // L2019–2033: partition 1 takes the baseline's (partition 0's) mean and moving-range mean.
      `CREATE TABLE based AS SELECT filled.* REPLACE (
         CASE WHEN filled.partition_id = 1 AND z.chart_id IS NOT NULL THEN z.mean ELSE filled.mean END AS mean,
         CASE WHEN filled.partition_id = 1 AND z.chart_id IS NOT NULL THEN z.mr_mean ELSE filled.mr_mean END AS mr_mean)
       FROM filled LEFT JOIN (SELECT DISTINCT chart_id, mean, mr_mean FROM filled WHERE partition_id = 0) z USING (chart_id)`,
      // L2041–2062: process limits and two-sigma lines.
      `CREATE TABLE lim AS SELECT *,
         mean + mr_mean * 2.66 AS upl,
         mean + mr_mean * 2.66 * (2 / 3.0) AS upper_two,
         mean - mr_mean * 2.66 * (2 / 3.0) AS lower_two,
         mean - mr_mean * 2.66 AS lpl
       FROM based`,
      // Step 4F (L2101–2109): single point beyond a process limit.
      `CREATE TABLE single AS SELECT *,
         CASE WHEN ghost = 1 THEN 0 WHEN value > upl THEN 1 ELSE 0 END AS single_above,
         CASE WHEN ghost = 1 THEN 0 WHEN value < lpl THEN 1 ELSE 0 END AS single_below
       FROM lim`,
      // Step 4G (L2125–2168): shift within the partition.
      `CREATE TABLE sh1 AS SELECT *,
         CASE WHEN ghost = 1 THEN 0 WHEN value > mean THEN 1 ELSE 0 END AS above,
         CASE WHEN ghost = 1 THEN 0 WHEN value < mean THEN 1 ELSE 0 END AS below
       FROM single`,
      `CREATE TABLE sh2 AS SELECT *,
         SUM(above) OVER (PARTITION BY chart_id, partition_id_xg ORDER BY date) AS above_count,
         SUM(below) OVER (PARTITION BY chart_id, partition_id_xg ORDER BY date) AS below_count
       FROM sh1`,
      `CREATE TABLE sh3 AS SELECT *,
         CASE WHEN above = 1 AND LEAD(above_count, ${N.shift - 1}) OVER (PARTITION BY chart_id, partition_id_xg ORDER BY date) - above_count = ${N.shift - 1} THEN 1 ELSE 0 END AS shift_above_start,
         CASE WHEN below = 1 AND LEAD(below_count, ${N.shift - 1}) OVER (PARTITION BY chart_id, partition_id_xg ORDER BY date) - below_count = ${N.shift - 1} THEN 1 ELSE 0 END AS shift_below_start
       FROM sh2`,
      `CREATE TABLE sh4 AS SELECT *,
         SUM(shift_above_start) OVER (PARTITION BY chart_id, partition_id_xg ORDER BY date) AS shift_above_starts,
         SUM(shift_below_start) OVER (PARTITION BY chart_id, partition_id_xg ORDER BY date) AS shift_below_starts
       FROM sh3`,
      `CREATE TABLE sh5 AS SELECT *,
         CASE WHEN shift_above_starts > COALESCE(LAG(shift_above_starts, ${N.shift}) OVER (PARTITION BY chart_id, partition_id_xg ORDER BY date), 0) THEN 1 ELSE 0 END AS shift_above,
         CASE WHEN shift_below_starts > COALESCE(LAG(shift_below_starts, ${N.shift}) OVER (PARTITION BY chart_id, partition_id_xg ORDER BY date), 0) THEN 1 ELSE 0 END AS shift_below
       FROM sh4`,
      // Step 4H (L2186–2227): trend over the chart's non-ghosted points, across partitions.
      `CREATE TABLE tr1 AS SELECT *,
         CASE WHEN ghost = 1 THEN 0 WHEN value > LAG(value, 1) OVER (PARTITION BY chart_id, ghost ORDER BY date) THEN 1 ELSE 0 END AS increasing,
         CASE WHEN ghost = 1 THEN 0 WHEN value < LAG(value, 1) OVER (PARTITION BY chart_id, ghost ORDER BY date) THEN 1 ELSE 0 END AS decreasing
       FROM sh5`,
      `CREATE TABLE tr2 AS SELECT *,
         SUM(increasing) OVER (PARTITION BY chart_id, ghost ORDER BY date) AS inc_count,
         SUM(decreasing) OVER (PARTITION BY chart_id, ghost ORDER BY date) AS dec_count
       FROM tr1`,
      `CREATE TABLE tr3 AS SELECT *,
         CASE WHEN LEAD(inc_count, ${N.trend - 1}) OVER (PARTITION BY chart_id, ghost ORDER BY date) - inc_count = ${N.trend - 1} THEN 1 ELSE 0 END AS inc_start,
         CASE WHEN LEAD(dec_count, ${N.trend - 1}) OVER (PARTITION BY chart_id, ghost ORDER BY date) - dec_count = ${N.trend - 1} THEN 1 ELSE 0 END AS dec_start
       FROM tr2`,
      `CREATE TABLE tr4 AS SELECT *,
         SUM(inc_start) OVER (PARTITION BY chart_id, ghost ORDER BY date) AS inc_starts,
         SUM(dec_start) OVER (PARTITION BY chart_id, ghost ORDER BY date) AS dec_starts
       FROM tr3`,
      `CREATE TABLE tr5 AS SELECT *,
         CASE WHEN inc_starts > COALESCE(LAG(inc_starts, ${N.trend}) OVER (PARTITION BY chart_id, ghost ORDER BY date), 0) THEN 1 ELSE 0 END AS trend_increasing,
         CASE WHEN dec_starts > COALESCE(LAG(dec_starts, ${N.trend}) OVER (PARTITION BY chart_id, ghost ORDER BY date), 0) THEN 1 ELSE 0 END AS trend_decreasing
       FROM tr4`,
      // Step 4I (L2246–2296): two or three of three beyond two sigma, all three on the same side of the mean.
      `CREATE TABLE ts1 AS SELECT *,
         CASE WHEN ghost = 1 THEN 0 WHEN value > upper_two THEN 1 ELSE 0 END AS two_above,
         CASE WHEN ghost = 1 THEN 0 WHEN value < lower_two THEN 1 ELSE 0 END AS two_below
       FROM tr5`,
      `CREATE TABLE ts2 AS SELECT *,
         CASE WHEN two_above = 1
               AND (LEAD(two_above, 1) OVER w = 1
                AND (LAG(above, 1) OVER w = 1
                 OR (LEAD(above, 2) OVER w = 1))
               OR LEAD(two_above, 2) OVER w = 1
                AND LEAD(above, 1) OVER w = 1) THEN 1 ELSE 0 END AS two_above_start,
         CASE WHEN two_below = 1
               AND (LEAD(two_below, 1) OVER w = 1
                AND (LAG(below, 1) OVER w = 1
                 OR (LEAD(below, 2) OVER w = 1))
               OR LEAD(two_below, 2) OVER w = 1
                AND LEAD(below, 1) OVER w = 1) THEN 1 ELSE 0 END AS two_below_start
       FROM ts1 WINDOW w AS (PARTITION BY chart_id, partition_id_xg ORDER BY date)`,
      `CREATE TABLE ts3 AS SELECT *,
         SUM(two_above_start) OVER (PARTITION BY chart_id, partition_id_xg ORDER BY date) AS two_above_starts,
         SUM(two_below_start) OVER (PARTITION BY chart_id, partition_id_xg ORDER BY date) AS two_below_starts
       FROM ts2`,
      `CREATE TABLE ts4 AS SELECT *,
         CASE WHEN two_above = 1 AND two_above_starts > COALESCE(LAG(two_above_starts, 3) OVER (PARTITION BY chart_id, partition_id_xg ORDER BY date), 0) THEN 1 ELSE 0 END AS two_sigma_above,
         CASE WHEN two_below = 1 AND two_below_starts > COALESCE(LAG(two_below_starts, 3) OVER (PARTITION BY chart_id, partition_id_xg ORDER BY date), 0) THEN 1 ELSE 0 END AS two_sigma_below
       FROM ts3`,
      // Step 4J (L2313–2359): improvement / concern / neither.
      `CREATE TABLE comb AS SELECT *,
         (improvement = 'Up' AND (single_above = 1 OR shift_above = 1 OR trend_increasing = 1 OR two_sigma_above = 1))
           OR (improvement = 'Down' AND (single_below = 1 OR shift_below = 1 OR trend_decreasing = 1 OR two_sigma_below = 1)) AS imp,
         (improvement = 'Up' AND (single_below = 1 OR shift_below = 1 OR trend_decreasing = 1 OR two_sigma_below = 1))
           OR (improvement = 'Down' AND (single_above = 1 OR shift_above = 1 OR trend_increasing = 1 OR two_sigma_above = 1)) AS con,
         improvement = 'Neither' AND (single_above = 1 OR single_below = 1 OR shift_above = 1 OR shift_below = 1
           OR trend_increasing = 1 OR trend_decreasing = 1 OR two_sigma_above = 1 OR two_sigma_below = 1) AS nei,
         improvement = 'Neither' AND (single_above = 1 OR shift_above = 1 OR trend_increasing = 1 OR two_sigma_above = 1) AS nei_high,
         improvement = 'Neither' AND (single_below = 1 OR shift_below = 1 OR trend_decreasing = 1 OR two_sigma_below = 1) AS nei_low
       FROM ts4`,
      // L2362–2380: the conflict rule.
      `CREATE TABLE conf AS SELECT * REPLACE (
         CASE WHEN conflict_rule = 'Concern' AND imp AND con THEN false ELSE imp END AS imp,
         CASE WHEN conflict_rule = 'Improvement' AND imp AND con THEN false ELSE con END AS con),
         (conflict_rule IN ('Improvement', 'Concern') AND imp AND con) AS conflict
       FROM comb`,
      // Step 4K (L2394–2416): icons on the last non-ghosted point.
      `CREATE TABLE icons AS SELECT *,
         CASE WHEN rank_desc = 1 THEN CASE
           WHEN improvement = 'Up' THEN CASE WHEN imp THEN 'Improvement (High)' WHEN con THEN 'Concern (Low)' ELSE 'Common Cause' END
           WHEN improvement = 'Down' THEN CASE WHEN imp THEN 'Improvement (Low)' WHEN con THEN 'Concern (High)' ELSE 'Common Cause' END
           WHEN improvement = 'Neither' THEN CASE WHEN nei_high THEN 'Neither (High)' WHEN nei_low THEN 'Neither (Low)' ELSE 'Common Cause' END END END AS variation_icon,
         CASE WHEN rank_desc = 1 THEN CASE
           WHEN improvement = 'Up' THEN CASE WHEN target <= lpl THEN 'Pass' WHEN target > lpl AND target < upl THEN 'Hit or Miss' WHEN target >= upl THEN 'Fail' END
           WHEN improvement = 'Down' THEN CASE WHEN target >= upl THEN 'Pass' WHEN target > lpl AND target < upl THEN 'Hit or Miss' WHEN target <= lpl THEN 'Fail' END END END AS assurance_icon
       FROM conf`,
      // Step 4L (L2431–2436): non-ghosted points per chart.
      `CREATE TABLE counted AS SELECT *, SUM(CASE WHEN ghost = 1 THEN 0 ELSE 1 END) OVER (PARTITION BY chart_id) AS row_count FROM icons`,
    ];
    for (const sql of steps) await db.run(sql);
    // Step 6 (L3030–3045): no limits, special causes or icons below the minimum.
    const ok = `row_count >= ${N.min}`;
    const rows = await db.all<Record<string, unknown>>(`SELECT chart_id, strftime(date, '%Y-%m-%d') AS date, partition_id,
        CASE WHEN ${ok} THEN upl END AS upl, CASE WHEN ${ok} THEN lpl END AS lpl,
        CASE WHEN ${ok} THEN upper_two END AS upper_two, CASE WHEN ${ok} THEN lower_two END AS lower_two,
        single_above, single_below, shift_above, shift_below, trend_increasing, trend_decreasing, two_sigma_above, two_sigma_below,
        ${ok} AND ghost = 0 AND imp AS imp, ${ok} AND ghost = 0 AND con AS con, ${ok} AND ghost = 0 AND nei AS nei, conflict,
        CASE WHEN ${ok} THEN variation_icon END AS variation_icon, CASE WHEN ${ok} THEN assurance_icon END AS assurance_icon
      FROM counted ORDER BY chart_id, date`);
    return rows.map((r) => ({
      chart: r.chart_id as string,
      date: r.date as string,
      partition: r.partition_id as number,
      upper: r.upl as number | null,
      lower: r.lpl as number | null,
      upperTwoSigma: r.upper_two as number | null,
      lowerTwoSigma: r.lower_two as number | null,
      singleAbove: r.single_above as number,
      singleBelow: r.single_below as number,
      shiftAbove: r.shift_above as number,
      shiftBelow: r.shift_below as number,
      trendIncreasing: r.trend_increasing as number,
      trendDecreasing: r.trend_decreasing as number,
      twoSigmaAbove: r.two_sigma_above as number,
      twoSigmaBelow: r.two_sigma_below as number,
      improvement: r.imp === true,
      concern: r.con === true,
      neither: r.nei === true,
      conflict: r.conflict === true,
      variationIcon: r.variation_icon as string | null,
      assuranceIcon: r.assurance_icon as string | null,
    }));
  } finally {
    db.close();
  }
}
