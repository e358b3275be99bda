// Builds share Framework's loader cache (src/.observablehq/cache) and the page
// data folder, so two at once (a test and a developer, say) take turns.
import { mkdirSync, openSync, readFileSync, rmSync, writeSync, closeSync } from "node:fs";
import { dirname } from "node:path";

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

export async function withBuildLock<T>(lockFile: string, work: () => Promise<T>, onWait?: (pid: number) => void): Promise<T> {
  mkdirSync(dirname(lockFile), { recursive: true });
  let told = false;
  for (;;) {
    try {
      const fd = openSync(lockFile, "wx");
      writeSync(fd, String(process.pid));
      closeSync(fd);
      break;
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== "EEXIST") throw e;
      const holder = Number(readFileSync(lockFile, "utf8") || 0);
      if (!holder || !alive(holder)) {
        rmSync(lockFile, { force: true }); // left behind by a build that died
        continue;
      }
      if (!told) onWait?.(holder);
      told = true;
      await new Promise((resolve) => setTimeout(resolve, 500));
    }
  }
  const release = () => rmSync(lockFile, { force: true });
  process.once("exit", release);
  try {
    return await work();
  } finally {
    release();
  }
}
