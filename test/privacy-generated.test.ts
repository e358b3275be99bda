// The guarantee on a whole generated extract, every indicator together, as
// the build publishes it: the audit recovers nothing. Seed 1 of the tiny scale
// is the extract on which a shared count (staff-survey respondents, counted
// again as statement answers per statement) once leaked: a pattern moved the
// respondents where a statement's answers could not follow.
import { test } from "node:test";
import { join } from "node:path";
import { publish } from "../loaders/publish/emit.ts";
import { generateExtract } from "../loaders/generate/index.ts";
import { runPipeline } from "../loaders/pipeline.ts";
import { assertNothingRecoverable } from "./helpers/privacy.ts";
import { tempDir } from "./helpers/extract.ts";

test("a generated tiny extract (seed 1): the audit recovers no withheld figure from the published table", async () => {
  const dir = join(tempDir("generated-"), "extract");
  await generateExtract({ outDir: dir, scale: "tiny", seed: 1 });
  const { cells, units } = await runPipeline(dir, {});
  await assertNothingRecoverable(publish(cells), units);
});
