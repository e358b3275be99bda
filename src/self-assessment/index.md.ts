// The index of the self-assessments: every half-year with data, with its page
// and its downloads (DOCX, XLSX, CSV for Excel and CSV for calculation, in
// Finnish, Swedish and English).
import { readPageDataFolder } from "../../loaders/self-assessment/cells.ts";
import { indexPageMarkdown } from "../../loaders/self-assessment/page.ts";
import { pageDataDir } from "../../loaders/publish/page-data-dir.ts";

process.stdout.write(indexPageMarkdown(readPageDataFolder(await pageDataDir()).cells));
