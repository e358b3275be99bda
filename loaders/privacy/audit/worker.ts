// A worker thread of the audit's pool (./pool.ts): solves the components it is sent.
import { parentPort } from "node:worker_threads";
import { minimaOfComponent, rangesOfComponent } from "./component.ts";
import { highs } from "./lp.ts";
import type { Task } from "./pool.ts";

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
