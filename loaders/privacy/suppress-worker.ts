// A worker thread of suppressOnCores (./suppress-on-cores.ts): suppresses the cells it is sent.
import { parentPort } from "node:worker_threads";
import { suppress } from "./suppress.ts";

parentPort!.once("message", ({ cells, catalogue, options }) => {
  try {
    parentPort!.postMessage({ result: suppress(cells, catalogue, options) });
  } catch (e) {
    parentPort!.postMessage({ error: (e as Error).stack ?? String(e) });
  }
});
