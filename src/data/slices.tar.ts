// The page slices (loaders/publish/page-slices.ts) as one tar archive: pages read its
// members, e.g. FileAttachment("data/slices/total-quarter.json"), and
// Framework extracts each one they reference. One loader run for every slice,
// and for the statuses download (statuses.csv, loaders/publish/statuses-csv.ts):
// both from one computation of every cell's status, which in a loader of its
// own took about 10 s of the sample's build again.
import { loadCatalogue } from "../../loaders/indicators/catalogue.ts";
import { extractDirFromEnv } from "../../loaders/cli/args.ts";
import { ensurePageData } from "../../loaders/publish/page-data.ts";
import { pageSlices, readSliceFolder, statusContext } from "../../loaders/publish/page-slices.ts";
import { statusesCsvOf } from "../../loaders/publish/statuses-csv.ts";
import { loadProgramme } from "../../loaders/indicators/programme.ts";
import { readPageDataFolder } from "../../loaders/self-assessment/cells.ts";
import { programmeWithOffice } from "../../loaders/self-assessment/office.ts";
import { smallestFirst, tarArchive } from "../../loaders/publish/tar.ts";
import { statusTable } from "../lib/analysis/statuses.ts";

const dir = await ensurePageData(await extractDirFromEnv());
const catalogue = loadCatalogue();
// The measures' statuses and start dates include the office's filled-in workbooks (data/narratives/<period>/*.xlsx).
const programme = (await programmeWithOffice({ cells: readPageDataFolder(dir).cells, catalogue, programme: loadProgramme() })) as unknown as Parameters<typeof pageSlices>[0]["programme"];
const { cells, meta } = readSliceFolder(dir);
const table = statusTable(cells, statusContext(catalogue, programme, meta.manifest.source));
const files = pageSlices({ cells, catalogue, meta, programme, table });
files.set("statuses.csv", statusesCsvOf(cells, table));
// Smallest first: Framework reads the archive from its start for each member it extracts.
process.stdout.write(await tarArchive(smallestFirst(files)));
