// A worker thread of the audit's pool (./pool.ts): solves the components it is sent.
import { constants, setPriority } from "node:os";
import { parentPort } from "node:worker_threads";
import { minimaOfComponent, rangesOfComponent } from "./component.ts";
import { highs } from "./lp.ts";
import type { Task } from "./pool.ts";

// At a low priority: in a build, Framework renders the site beside the audit,
// one page and one loader at a time, and cannot use the second core; the
// solvers can use both. Yielding to it lets it run at about the speed of a
// core while the solvers take what it leaves, then both cores. On the bundled
// sample Framework's part of a cold build went from 224 s to 146 s and the
// build from 5 min 12 s to 5 min 1 s (one run each). Alone, the solvers lose
// nothing. On Linux a thread has its own nice value, so this lowers this
// thread only; where the system refuses, the audit runs as it is (nothing
// depends on its priority).
try {
  setPriority(constants.priority.PRIORITY_LOW);
} catch {
  // not permitted here: the same audit, at the usual priority
}
const h = await highs();
parentPort!.on("message", ({ id, task }: { id: number; task: Task }) => {
  try {
    const result = task.kind === "ranges" ? rangesOfComponent(h, task.data) : minimaOfComponent(h, task.data, task.wanted, task.known);
    parentPort!.postMessage({ id, result });
  } catch (e) {
    parentPort!.postMessage({ id, error: (e as Error).stack ?? String(e) });
  }
});
parentPort!.postMessage({ ready: true });
