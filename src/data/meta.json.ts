// Extract period, table row counts, quarantine, months with data, suppression counts and units.
import { extractDirFromEnv } from "../../loaders/cli/args.ts";
import { ensurePageData, readPageFile } from "../../loaders/publish/page-data.ts";

await ensurePageData(await extractDirFromEnv());
process.stdout.write(readPageFile("meta.json"));
