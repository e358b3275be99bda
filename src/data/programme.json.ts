// The programme model: benefit goals, development areas, measures and their start dates.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { PROJECT_ROOT } from "../../loaders/indicators/catalogue.ts";

process.stdout.write(readFileSync(join(PROJECT_ROOT, "data", "programme.json")));
