// The Swedish and English versions of a half-year's page (lang/2021H2/sv.html,
// en.html), which the page fetches with ?lang=sv|en (page.ts): the page itself
// carries only Finnish, so it loads a third of the bytes. The same model as
// the page and the downloads (loaders/self-assessment/site-render.ts, kept by
// site-outputs.ts), from the published page data only.
import { parseArgs } from "../../../loaders/cli/args.ts";
import { pageDataDir } from "../../../loaders/publish/page-data-dir.ts";
import { siteOutput } from "../../../loaders/self-assessment/site-outputs.ts";

const { period } = parseArgs(process.argv.slice(2), { period: "string" });
process.stdout.write(await siteOutput("lang", await pageDataDir(), period as string));
