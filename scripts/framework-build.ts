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
import { build } from "@observablehq/framework/dist/build.js";
import { readConfig, setCurrentDate } from "@observablehq/framework/dist/config.js";

const day = process.env.FRAMEWORK_DATE ?? "";
if (!/^\d{4}-\d{2}-\d{2}$/.test(day)) throw new Error(`FRAMEWORK_DATE must be a date YYYY-MM-DD, not "${day}"`);
if (typeof setCurrentDate !== "function" || typeof build !== "function" || typeof readConfig !== "function") {
  // An internal of Framework 1.13; without it builds would not be reproducible.
  throw new Error("this version of Observable Framework has no setCurrentDate/build/readConfig in dist/config.js, dist/build.js");
}
setCurrentDate(new Date(`${day}T00:00:00Z`));
try {
  await build({ config: await readConfig(undefined, undefined) });
} catch (error) {
  console.error(`the site build failed: ${(error as Error)?.stack ?? error}`);
  process.exit(1);
}
