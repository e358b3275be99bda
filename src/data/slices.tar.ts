// The page slices (loaders/page-slices.ts) as one tar archive: pages read its
// members, e.g. FileAttachment("data/slices/total-quarter.json"), and
// Framework extracts each one they reference. One loader run for every slice.
import { join } from "node:path";
import { PROJECT_ROOT, loadCatalogue } from "../../loaders/catalogue.ts";
import { extractDirFromEnv } from "../../loaders/cli/args.ts";
import { ensurePageData } from "../../loaders/page-data.ts";
import { pageSlicesFromFolder } from "../../loaders/page-slices.ts";
import { tarArchive } from "../../loaders/tar.ts";

const dir = await ensurePageData(await extractDirFromEnv());
const slices = pageSlicesFromFolder(dir, loadCatalogue(), join(PROJECT_ROOT, "data", "programme.json"));
process.stdout.write(await tarArchive(slices));
