// The indicator export (docs/indicators.md), downloadable from the site.
import { extractDirFromEnv } from "../../loaders/cli/args.ts";
import { ensurePageData, readPageFile } from "../../loaders/publish/page-data.ts";

await ensurePageData(await extractDirFromEnv());
process.stdout.write(readPageFile("indicators.csv"));
