// The self-assessment page of one half-year (/self-assessment/2021H2), from the
// published page data only (suppressed cells), in Finnish, Swedish and English
// (?lang=sv|en). Rendered with the half-year's downloads and other languages
// from one model (loaders/self-assessment/site-render.ts); whichever of the
// three loaders runs first computes all three, the others read them
// (site-outputs.ts).
import { parseArgs } from "../../loaders/cli/args.ts";
import { pageDataDir } from "../../loaders/publish/page-data-dir.ts";
import { siteOutput } from "../../loaders/self-assessment/site-outputs.ts";

const { period } = parseArgs(process.argv.slice(2), { period: "string" });
process.stdout.write(await siteOutput("page", await pageDataDir(), period as string));
