// The Swedish and English versions of a half-year's page (lang/2021H2/sv.html,
// en.html), which the page fetches with ?lang=sv|en (page.ts): the page itself
// carries only Finnish, so it loads a third of the bytes. The same model as
// the page and the downloads, from the published page data only.
import JSZip from "jszip";
import { extractDirFromEnv, parseArgs } from "../../../loaders/cli/args.ts";
import { ensurePageData } from "../../../loaders/publish/page-data.ts";
import { inputsFromPageData, selfAssessmentWithWorkbooks } from "../../../loaders/self-assessment/build.ts";
import { fileDate } from "../../../loaders/self-assessment/dates.ts";
import { languageFragment } from "../../../loaders/self-assessment/page.ts";

const { period } = parseArgs(process.argv.slice(2), { period: "string" });
const dir = await ensurePageData(await extractDirFromEnv());
const model = await selfAssessmentWithWorkbooks(inputsFromPageData(dir), period as string);
const zip = new JSZip();
// Dated by the extract, not the build: two builds of one extract are identical.
const date = new Date(`${fileDate(model.dates)}T00:00:00Z`);
for (const lang of ["sv", "en"] as const) zip.file(`${lang}.html`, languageFragment(model, lang), { date, createFolders: false });
process.stdout.write(await zip.generateAsync({ type: "nodebuffer", compression: "STORE" }));
