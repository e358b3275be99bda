// The published (suppressed) indicator table as Arrow IPC; the same cells as the export CSV.
import { extractDirFromEnv } from "../../loaders/cli/args.ts";
import { ensurePageData, readPageFile } from "../../loaders/publish/page-data.ts";

await ensurePageData(await extractDirFromEnv());
process.stdout.write(readPageFile("indicators.arrow"));
