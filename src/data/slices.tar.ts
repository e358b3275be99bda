// The page slices (loaders/publish/page-slices.ts) as one tar archive: pages read its
// members, e.g. FileAttachment("data/slices/total-quarter.json"), and
// Framework extracts each one they reference. One loader run for every slice.
import { loadCatalogue } from "../../loaders/indicators/catalogue.ts";
import { extractDirFromEnv } from "../../loaders/cli/args.ts";
import { ensurePageData } from "../../loaders/publish/page-data.ts";
import { pageSlicesFromFolder } from "../../loaders/publish/page-slices.ts";
import { loadProgramme } from "../../loaders/indicators/programme.ts";
import { readPageDataFolder } from "../../loaders/self-assessment/cells.ts";
import { programmeWithOffice } from "../../loaders/self-assessment/office.ts";
import { smallestFirst, tarArchive } from "../../loaders/publish/tar.ts";

const dir = await ensurePageData(await extractDirFromEnv());
const catalogue = loadCatalogue();
// The measures' statuses and start dates include the office's filled-in workbooks (data/narratives/<period>/*.xlsx).
const programme = await programmeWithOffice({ cells: readPageDataFolder(dir).cells, catalogue, programme: loadProgramme() });
const slices = pageSlicesFromFolder(dir, catalogue, programme as unknown as Parameters<typeof pageSlicesFromFolder>[2]);
// Smallest first: Framework reads the archive from its start for each member it extracts.
process.stdout.write(await tarArchive(smallestFirst(slices)));
