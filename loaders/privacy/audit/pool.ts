// Solves the audit's components on every core: the components are
// independent LPs, so worker threads (one HiGHS each) share them out. Each
// component's result depends on its own data only (its random objectives are
// seeded by its first unknown), so the findings do not depend on which
// worker solved what. AUDIT_WORKERS=0 solves on the main thread.
import { availableParallelism } from "node:os";
import { Worker } from "node:worker_threads";
import { minimaOfComponent, rangesOfComponent, type ComponentRanges } from "./component.ts";
import { highs, type ComponentData } from "./lp.ts";

export type Task =
  | { kind: "ranges"; data: ComponentData }
  | { kind: "minima"; data: ComponentData; wanted: number[]; known: { min: Float64Array } };

/** Components smaller than this are solved on the main thread: sending them costs more than solving them. */
const WORKER_MIN_COLS = 200;

function workerCount(): number {
  const env = process.env.AUDIT_WORKERS;
  if (env !== undefined && env !== "") return Math.max(0, Number(env) | 0);
  return availableParallelism() > 1 ? availableParallelism() : 0;
}

/** A worker that runs TypeScript: tsx registered inside it, as the parent runs under tsx. */
function startWorker(): Promise<Worker> {
  const tsx = import.meta.resolve("tsx/esm/api");
  const entry = new URL("./worker.ts", import.meta.url).href;
  const w = new Worker(`import { register } from ${JSON.stringify(tsx)}; register(); await import(${JSON.stringify(entry)});`, { eval: true });
  return new Promise((resolve, reject) => {
    w.once("error", reject);
    w.once("message", () => resolve(w));
  });
}

/** Runs every task, in parallel where it pays; onDone(i, result) as each one finishes. */
export async function runTasks(tasks: Task[], onDone: (i: number, r: ComponentRanges) => void): Promise<void> {
  const h = await highs();
  const solveHere = (t: Task) => (t.kind === "ranges" ? rangesOfComponent(h, t.data) : minimaOfComponent(h, t.data, t.wanted, t.known));
  const big = tasks.map((t, i) => i).filter((i) => tasks[i].data.numCols >= WORKER_MIN_COLS);
  const count = Math.min(workerCount(), big.length);
  if (count < 2) {
    tasks.forEach((t, i) => onDone(i, solveHere(t)));
    return;
  }
  // Largest first, so no worker is left with a big one at the end.
  big.sort((a, b) => tasks[b].data.numCols - tasks[a].data.numCols || a - b);
  const small = tasks.map((_, i) => i).filter((i) => tasks[i].data.numCols < WORKER_MIN_COLS);
  const workers = await Promise.all(Array.from({ length: count }, startWorker));
  try {
    let next = 0;
    const feed = (w: Worker): Promise<void> =>
      new Promise((resolve, reject) => {
        const send = () => {
          if (next >= big.length) return resolve();
          const i = big[next++];
          w.postMessage({ id: i, task: tasks[i] });
        };
        w.on("message", (m: { id: number; result?: ComponentRanges; error?: string }) => {
          if (m.error !== undefined) return reject(new Error(`privacy audit worker: ${m.error}`));
          onDone(m.id, m.result!);
          send();
        });
        w.on("error", reject);
        send();
      });
    // The small ones meanwhile on this thread.
    const here = (async () => {
      for (const i of small) {
        onDone(i, solveHere(tasks[i]));
        await new Promise((r) => setImmediate(r)); // let the workers' results in
      }
    })();
    await Promise.all([...workers.map(feed), here]);
  } finally {
    await Promise.all(workers.map((w) => w.terminate()));
  }
}
