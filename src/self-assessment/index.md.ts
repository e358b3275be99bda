// The index of the self-assessments: every half-year with data, with its page
// and its downloads (DOCX, XLSX, CSV for Excel and CSV for calculation, in
// Finnish, Swedish and English).
import { extractDirFromEnv } from "../../loaders/cli/args.ts";
import { ensurePageData } from "../../loaders/publish/page-data.ts";
import { readPageDataFolder } from "../../loaders/self-assessment/cells.ts";
import { indexPageMarkdown } from "../../loaders/self-assessment/page.ts";

const dir = await ensurePageData(await extractDirFromEnv());
process.stdout.write(indexPageMarkdown(readPageDataFolder(dir).cells));
