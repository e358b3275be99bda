// `observable build`, with Framework's clock set to the extract's date
// (FRAMEWORK_DATE, YYYY-MM-DD; scripts/build.ts passes it).
//
// Why: when building, Framework 1.13 uses the modification time of each file a
// data loader wrote into its cache (src/.observablehq/cache) twice over:
//  - every FileAttachment registration carries it as `lastModified`, in the
//    page HTML and in the local modules that reference files (src/lib/data.js
//    lists the slices of src/data/slices.tar.ts);
//  - the content hash of such a module (`_import/lib/data.<hash>.js`) covers
//    each referenced file's content *and* that time (getOutputFileHash), so
//    the module's name and every reference to it change with it.
// After a cold cache those files are all written during the build, at the
// wall-clock time; two cold builds of one extract then differ. Framework's own
// switch for this is `setCurrentDate` (used in its tests): with it, getFileInfo
// reports that date as every file's time, and the hashes depend on contents only.
//
// And: Framework looks each file up anew every time a page or module names it,
// trying every loader extension with existsSync and a glob of the folder
// (route.js). src/lib/data.js names the 480 slices, and every page importing
// it hashes each of them again: of a warm build's 52 s, about 25 s went to
// these lookups. Their answers depend on the source tree alone, which no
// loader writes to (outputs go to src/.observablehq/cache), so within one
// build they are computed once per path.
import { build } from "@observablehq/framework/dist/build.js";
import { readConfig, setCurrentDate } from "@observablehq/framework/dist/config.js";
import { LoaderResolver } from "@observablehq/framework/dist/loader.js";

const day = process.env.FRAMEWORK_DATE ?? "";
if (!/^\d{4}-\d{2}-\d{2}$/.test(day)) throw new Error(`FRAMEWORK_DATE must be a date YYYY-MM-DD, not "${day}"`);
if (typeof setCurrentDate !== "function" || typeof build !== "function" || typeof readConfig !== "function") {
  // An internal of Framework 1.13; without it builds would not be reproducible.
  throw new Error("this version of Observable Framework has no setCurrentDate/build/readConfig in dist/config.js, dist/build.js");
}
setCurrentDate(new Date(`${day}T00:00:00Z`));
memoizeByPath(LoaderResolver.prototype, "find");
memoizeByPath(LoaderResolver.prototype, "getSourceFileHash");
try {
  await build({ config: await readConfig(undefined, undefined) });
} catch (error) {
  console.error(`the site build failed: ${(error as Error)?.stack ?? error}`);
  process.exit(1);
}

/** Replaces `proto[name](path)` with one that answers each path once per resolver. */
function memoizeByPath<T extends object>(proto: T, name: keyof T & string): void {
  const original = proto[name] as unknown;
  if (typeof original !== "function") throw new Error(`this version of Observable Framework has no LoaderResolver.${name} in dist/loader.js`);
  const memos = new WeakMap<object, Map<string, unknown>>();
  Object.defineProperty(proto, name, {
    configurable: true,
    writable: true,
    value(this: object, path: string) {
      let memo = memos.get(this);
      if (!memo) memos.set(this, (memo = new Map()));
      if (!memo.has(path)) memo.set(path, original.call(this, path));
      return memo.get(path);
    },
  });
}
