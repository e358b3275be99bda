// The self-assessment page of one half-year (/self-assessment/2021H2), from the
// published page data only (ensurePageData: suppressed cells), in Finnish,
// Swedish and English (?lang=sv|en). The same model as the downloads.
import { extractDirFromEnv, parseArgs } from "../../loaders/cli/args.ts";
import { ensurePageData } from "../../loaders/publish/page-data.ts";
import { inputsFromPageData, selfAssessmentWithWorkbooks } from "../../loaders/self-assessment/build.ts";
import { periodPageMarkdown } from "../../loaders/self-assessment/page.ts";

const { period } = parseArgs(process.argv.slice(2), { period: "string" });
const dir = await ensurePageData(await extractDirFromEnv());
// With the office's filled-in workbooks of data/narratives/ (office.ts): their texts, statuses and start dates.
const model = await selfAssessmentWithWorkbooks(inputsFromPageData(dir), period as string);
process.stdout.write(periodPageMarkdown(model));
