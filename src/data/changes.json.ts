// What changed since the previous extract (loaders/publish/extract-changes.ts): new
// periods, revised figures, cells newly withheld or published, targets newly
// met or missed; "previous": null when there is nothing to compare with.
import { readFileSync } from "node:fs";
import { loadCatalogue } from "../../loaders/indicators/catalogue.ts";
import { extractDirFromEnv } from "../../loaders/cli/args.ts";
import { ensureChanges } from "../../loaders/publish/extract-changes.ts";
import { ensurePageData } from "../../loaders/publish/page-data.ts";

const dir = await ensurePageData(await extractDirFromEnv());
process.stdout.write(readFileSync(ensureChanges(dir, loadCatalogue())));
