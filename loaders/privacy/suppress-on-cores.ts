// Secondary suppression on two worker threads (the machines have two cores;
// a third would only wait): indicators that share no count
// (suppress.ts, groupsOf) are protected independently, so worker threads
// take whole groups, largest first, and the result is the one suppress()
// gives on one thread. Small tables stay on this thread: starting a worker
// costs more than they take. SUPPRESS_WORKERS=0 keeps everything here.
import { availableParallelism } from "node:os";
import { Worker } from "node:worker_threads";
import type { Catalogue } from "../indicators/catalogue.ts";
import type { IndicatorCell } from "../indicators/indicator-row.ts";
import { suppress, suppressionGroups, type SuppressionOptions, type SuppressionResult } from "./suppress.ts";

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
  if (input.length < MIN_CELLS || count < 2 || groups.length < 2) return suppress(input, catalogue, options);
  // Cells by group, in input order; the groups shared out largest first (longest processing time first).
  const groupOf = new Map<string, number>();
  groups.forEach((g, i) => g.forEach((id) => groupOf.set(id, i)));
  const byGroup = groups.map(() => [] as number[]);
  const rest: number[] = [];
  input.forEach((c, i) => {
    const g = groupOf.get(c.indicator_id);
    if (g === undefined) rest.push(i);
    else byGroup[g].push(i);
  });
  const loads = Array.from({ length: count }, () => ({ cells: 0, indices: [] as number[] }));
  for (const g of byGroup.map((_, i) => i).sort((a, b) => byGroup[b].length - byGroup[a].length)) {
    const least = loads.reduce((a, b) => (b.cells < a.cells ? b : a));
    least.cells += byGroup[g].length;
    for (const i of byGroup[g]) least.indices.push(i);
  }
  for (const i of rest) loads[0].indices.push(i);
  const parts = await Promise.all(
    loads.map(async ({ indices }) => {
      indices.sort((a, b) => a - b);
      const cells = indices.map((i) => input[i]);
      const w = startWorker();
      try {
        const result = await new Promise<SuppressionResult>((resolve, reject) => {
          w.once("message", (m: { result?: SuppressionResult; error?: string }) => (m.error !== undefined ? reject(new Error(`suppression worker: ${m.error}`)) : resolve(m.result!)));
          w.once("error", reject);
          w.postMessage({ cells, catalogue, options });
        });
        return { indices, result };
      } finally {
        await w.terminate();
      }
    }),
  );
  // Back in input order, the log too (suppress() logs in cell order).
  const cells: IndicatorCell[] = new Array(input.length);
  for (const { indices, result } of parts) result.cells.forEach((c, j) => (cells[indices[j]] = c));
  const log = parts.flatMap(({ indices, result }) => {
    let j = 0;
    // Each part's log follows its cells' order; pair each entry with its cell's index.
    return result.log.map((entry) => {
      while (!result.cells[j].suppressed) j++;
      return { at: indices[j++], entry };
    });
  });
  log.sort((a, b) => a.at - b.at);
  return { cells, log: log.map((x) => x.entry) };
}
