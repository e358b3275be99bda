// Reads the narrative texts of one half-year from the repository:
// data/narratives/<period>/<HT>.<lang>.md (see data/narratives/README.md).
// The model keeps a missing file as missing, so every renderer can say so.
import { existsSync, readFileSync } from "node:fs";
import { isAbsolute, join, relative } from "node:path";
import { PROJECT_ROOT } from "../indicators/catalogue.ts";
import { BENEFIT_GOAL_IDS, LANGUAGES } from "../indicators/programme.ts";

/** data/narratives, or the folder NARRATIVES_DIR names (a build from texts and workbooks kept outside the repository). */
export const NARRATIVES_DIR = process.env.NARRATIVES_DIR || join(PROJECT_ROOT, "data", "narratives");

/** A narrative file as found on disk: where it is (for messages) and its Markdown. */
export interface NarrativeSource {
  path: string;
  text: string | null;
}

/** Keyed `${goal}.${lang}`, e.g. `HT1.fi`; every goal and language has an entry (text null when missing). */
export type NarrativeTexts = Record<string, NarrativeSource>;

/** A path relative to the project when it is inside it (for messages and the page). */
export function displayPath(file: string): string {
  const rel = relative(PROJECT_ROOT, file);
  return rel && !rel.startsWith("..") && !isAbsolute(rel) ? rel.split("\\").join("/") : file;
}

export function readNarratives(period: string, dir: string = NARRATIVES_DIR): NarrativeTexts {
  const out: NarrativeTexts = {};
  for (const goal of BENEFIT_GOAL_IDS) {
    for (const lang of LANGUAGES) {
      const file = join(dir, period, `${goal}.${lang}.md`);
      out[`${goal}.${lang}`] = { path: displayPath(file), text: existsSync(file) ? readFileSync(file, "utf8") : null };
    }
  }
  return out;
}
