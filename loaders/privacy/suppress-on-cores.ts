// Secondary suppression on two worker threads (the machines have two cores;
// a third would only wait). Indicators that share no count (suppress.ts,
// groupsOf) are protected independently, and so are the calendar years of
// one group (no published sum reaches across years: SuppressionOptions.only),
// so worker threads take (group, year) pieces, largest first, and the result
// is the one suppress() gives on one thread. Whole groups were too coarse:
// the seven staff and productivity indicators that share person-years took
// 73 s of the sample's 128 s on one thread, and the other thread waited on it.
// Small tables stay on this thread: starting a worker costs more than they
// take. SUPPRESS_WORKERS=0 keeps everything here.
import { availableParallelism } from "node:os";
import { Worker } from "node:worker_threads";
import type { Catalogue } from "../indicators/catalogue.ts";
import type { IndicatorCell } from "../indicators/indicator-row.ts";
import { shapeOf, suppress, suppressionGroups, yearOf, type GroupShape, type SuppressionOptions, type SuppressionResult } from "./suppress.ts";

/** Below this many cells, one thread. */
const MIN_CELLS = 50_000;

function workerCount(): number {
  const env = process.env.SUPPRESS_WORKERS;
  if (env !== undefined && env !== "") return Math.max(0, Number(env) | 0);
  return availableParallelism() > 1 ? availableParallelism() : 0;
}

/** A worker that runs TypeScript: tsx registered inside it, as the parent runs under tsx. */
function startWorker(): Worker {
  const tsx = import.meta.resolve("tsx/esm/api");
  const entry = new URL("./suppress-worker.ts", import.meta.url).href;
  return new Worker(`import { register } from ${JSON.stringify(tsx)}; register(); await import(${JSON.stringify(entry)});`, { eval: true });
}

export async function suppressOnCores(input: readonly IndicatorCell[], catalogue: Catalogue, options: SuppressionOptions = {}): Promise<SuppressionResult> {
  const count = Math.min(workerCount(), 2);
  const groups = suppressionGroups(catalogue);
  if (input.length < MIN_CELLS || count < 2 || options.only) return suppress(input, catalogue, options);
  // Cells by group and year, in input order; the pieces shared out largest first (longest processing time first).
  const groupOf = new Map<string, number>();
  groups.forEach((g, i) => g.forEach((id) => groupOf.set(id, i)));
  const pieces = new Map<string, { group: number; year: string; indices: number[] }>();
  const rest: number[] = [];
  input.forEach((c, i) => {
    const g = groupOf.get(c.indicator_id);
    if (g === undefined) return void rest.push(i);
    const year = yearOf(c.period);
    const key = `${g} ${year}`;
    let piece = pieces.get(key);
    if (!piece) pieces.set(key, (piece = { group: g, year, indices: [] }));
    piece.indices.push(i);
  });
  if (pieces.size < 2) return suppress(input, catalogue, options);
  const loads = Array.from({ length: count }, () => ({ cells: 0, owned: [] as number[], only: {} as Record<string, string[]>, groups: new Set<number>() }));
  for (const piece of [...pieces.values()].sort((a, b) => b.indices.length - a.indices.length || a.group - b.group || (a.year < b.year ? -1 : 1))) {
    const least = loads.reduce((a, b) => (b.cells < a.cells ? b : a));
    least.cells += piece.indices.length;
    for (const i of piece.indices) least.owned.push(i);
    least.groups.add(piece.group);
    for (const id of groups[piece.group]) (least.only[id] ??= []).push(piece.year);
  }
  for (const i of rest) loads[0].owned.push(i);
  // Each group's units and breakdown values, which shape its hierarchies whichever of its years a worker protects.
  const byGroup = groups.map(() => [] as IndicatorCell[]);
  input.forEach((c) => {
    const g = groupOf.get(c.indicator_id);
    if (g !== undefined) byGroup[g].push(c);
  });
  const shapeOfGroup = byGroup.map(shapeOf);
  const parts = await Promise.all(
    loads.map(async ({ owned, only, groups: taken }) => {
      // A worker gets the cells of its years, in input order (the first also the cells of no group, which
      // suppress() returns as they are), and the shapes of their groups. Sending every cell of its groups
      // instead, to shape the hierarchies, and taking them all back, made the sample's suppression
      // 59 s (112 s of CPU) where this takes 52–53 s (101–104 s), the same cells withheld.
      const sent = owned.sort((a, b) => a - b);
      const cells = sent.map((i) => input[i]);
      const shapes: Record<string, GroupShape> = {};
      for (const g of taken) for (const id of groups[g]) shapes[id] = shapeOfGroup[g];
      const w = startWorker();
      try {
        const result = await new Promise<SuppressionResult>((resolve, reject) => {
          w.once("message", (m: { result?: SuppressionResult; error?: string }) => (m.error !== undefined ? reject(new Error(`suppression worker: ${m.error}`)) : resolve(m.result!)));
          w.once("error", reject);
          w.postMessage({ cells, catalogue, options: { ...options, only, shapes } });
        });
        return { sent, result };
      } finally {
        await w.terminate();
      }
    }),
  );
  // Back in input order, each cell from the worker that protected it, the log too (suppress() logs in cell order).
  const cells: IndicatorCell[] = new Array(input.length);
  const log: { at: number; entry: SuppressionResult["log"][number] }[] = [];
  for (const { sent, result } of parts) {
    let e = 0;
    result.cells.forEach((c, j) => {
      const at = sent[j];
      cells[at] = c;
      // Each part's log follows its cells' order: entry e belongs to its e-th withheld cell.
      if (c.suppressed) log.push({ at, entry: result.log[e++] });
    });
  }
  log.sort((a, b) => a.at - b.at);
  return { cells, log: log.map((x) => x.entry) };
}
