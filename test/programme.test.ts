import { test } from "node:test";
import assert from "node:assert/strict";
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import fc from "fast-check";
import {
  BENEFIT_GOAL_IDS,
  checkProgramme,
  checkSourceQuotes,
  collectSourceQuotes,
  dateShape,
  loadProgramme,
  normaliseWhitespace,
  type Programme,
} from "../loaders/programme.ts";

const projectRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const seedsDir = path.resolve(projectRoot, "../shared/seeds");
/** The source documents sit beside the project, not in it: on a clone of the project alone these tests say so and skip. */
const noSeeds = existsSync(seedsDir) ? false : `the source documents are not here (${seedsDir})`;
const shippedPath = path.join(projectRoot, "data/programme.json");
const shipped: Programme = JSON.parse(readFileSync(shippedPath, "utf8"));

/** A deep copy of the shipped model, changed by `edit`. */
function broken(edit: (p: any) => void): any {
  const copy = structuredClone(shipped) as any;
  edit(copy);
  return copy;
}

/** Asserts that checking the copy reports a problem matching `pattern`. */
function assertProblem(copy: unknown, pattern: RegExp): void {
  const problems = checkProgramme(copy);
  assert.ok(
    problems.some((problem) => pattern.test(problem)),
    `expected a problem matching ${pattern}, got:\n${problems.join("\n") || "(none)"}`,
  );
}

const measure = (p: any, id: string) => p.measures.find((m: any) => m.id === id);

// --- The shipped model -------------------------------------------------------

test("the shipped programme model has no problems", () => {
  assert.deepEqual(checkProgramme(shipped), []);
});

test("loadProgramme reads the default file from any working directory", () => {
  const cwd = process.cwd();
  try {
    process.chdir(tmpdir());
    const model = loadProgramme();
    assert.equal(model.measures.length, shipped.measures.length);
  } finally {
    process.chdir(cwd);
  }
});

test("the model holds the programme's fixed structure", () => {
  assert.deepEqual(
    shipped.dimensions.map((d) => d.id),
    ["HENKILOSTOKOKEMUS", "TUOTTAVUUS", "ASIAKASKOKEMUS", "SAATAVUUS_VAIKUTTAVUUS"],
  );
  assert.deepEqual(shipped.benefitGoals.map((g) => g.id), [...BENEFIT_GOAL_IDS]);
  assert.deepEqual(
    shipped.benefitGoals.map((g) => g.developmentArea),
    ["KA1", "KA2", "KA3", "KA4", "KA5"],
  );
  assert.deepEqual(shipped.spearheads.map((s) => s.number), [4, 5, 6, 7, 8, 9, 10]);
  assert.deepEqual(shipped.coreProcesses.map((c) => c.id), ["ASIAKKAAKSI_TULO", "PALJON_PALVELUJA", "SATUNNAISESTI", "RISKIRYHMAT"]);
  assert.deepEqual(shipped.segments.map((s) => s.id), ["PARJAAJA", "YHTEISTYO", "TUKI", "HUOLENPITO"]);
  assert.deepEqual(shipped.operatingModels.map((m) => m.id), ["THK", "PERHEKESKUS", "SENIORIKESKUS"]);
  assert.deepEqual(shipped.areas.map((a) => a.id), ["ITA", "POHJOINEN", "ETELA", "LANSI", "KESKI", "KOILLINEN"]);
  for (const goal of BENEFIT_GOAL_IDS)
    assert.ok(shipped.measures.some((m) => m.primaryGoal === goal), `no measure has primary goal ${goal}`);
});

test("the targets the indicator catalogue refers to exist, with their values and validity", () => {
  const target = (id: string) => shipped.targets.find((t) => t.id === id);
  assert.equal(target("TGT-ACC-FIRST-CONTACT")?.value, 0.75);
  assert.equal(target("TGT-ACC-URGENT-0-1D")?.value, 0.8);
  assert.equal(target("TGT-ACC-NONURGENT-0-10D")?.value, 0.7);
  const guarantee = target("TGT-ACC-CARE-GUARANTEE-14D");
  assert.equal(guarantee?.value, 14);
  assert.equal(guarantee?.validFrom, "2023-09-01");
  assert.deepEqual(guarantee?.source, { law: "care guarantee (hoitotakuu), terveydenhuoltolaki 51 §" });
  const cancelled = target("TGT-ACC-CARE-GUARANTEE-7D");
  assert.equal(cancelled?.value, 7);
  assert.equal(cancelled?.status, "CANCELLED");
});

// --- Sources -------------------------------------------------------------------

test("every measure's source quote occurs in the named seed file", { skip: noSeeds }, () => {
  const texts = new Map<string, string>();
  const seed = (file: string) => {
    if (!texts.has(file)) texts.set(file, normaliseWhitespace(readFileSync(path.join(seedsDir, file), "utf8")));
    return texts.get(file)!;
  };
  for (const m of shipped.measures) {
    assert.ok(m.source.quote.trim().length >= 10, `${m.id}: quote too short to support anything`);
    assert.ok(
      seed(m.source.file).includes(normaliseWhitespace(m.source.quote)),
      `${m.id}: quote not found in ${m.source.file}: ${m.source.quote}`,
    );
  }
});

test("every other quote in the model (goals, targets, baselines, milestones …) occurs in its seed file", { skip: noSeeds }, () => {
  assert.ok(collectSourceQuotes(shipped).length > shipped.measures.length);
  assert.deepEqual(checkSourceQuotes(shipped, seedsDir), []);
});

test("a quote that is not in the seed file, or a file that does not exist, is reported", { skip: noSeeds }, () => {
  const invented = broken((p) => (p.measures[0].source.quote = "Helsinki käynnisti hankkeen tammikuussa 2019."));
  assert.match(checkSourceQuotes(invented, seedsDir).join("\n"), /quote not found in 003_/);
  const missingFile = broken((p) => {
    p.sourceDocuments.push({ ...p.sourceDocuments[0], file: "009_0000000000000000.txt" });
    p.measures[0].source.file = "009_0000000000000000.txt";
  });
  assert.match(checkSourceQuotes(missingFile, seedsDir).join("\n"), /seed file 009_0000000000000000\.txt not found/);
});

test("whitespace is normalised when comparing quotes (line breaks, no-break spaces)", { skip: noSeeds }, () => {
  assert.equal(normaliseWhitespace(" a\n  b\u00a0c\t"), "a b c");
  const reflowed = broken((p) => {
    const m = measure(p, "HT4-PALJON-PALVELUJA");
    m.source.quote = m.source.quote.replaceAll(" ", "\n   ");
  });
  assert.deepEqual(checkSourceQuotes(reflowed, seedsDir), []);
});

test("a measure without a source, or with a file not in sourceDocuments, is reported", () => {
  assertProblem(broken((p) => delete p.measures[0].source), /measures \(HT1-SEGMENTOINTI\)\.source: missing source/);
  assertProblem(broken((p) => (p.measures[0].source.quote = " ")), /source without quote/);
  assertProblem(broken((p) => (p.measures[0].source.file = "005_aaaaaaaaaaaaaaaa.txt")), /not listed in sourceDocuments/);
});

// --- Each kind of problem, in a deliberately broken copy ----------------------

test("a missing or empty language is reported", () => {
  assertProblem(broken((p) => delete p.measures[0].name.sv), /measures\[0\] \(HT1-SEGMENTOINTI\)\.name: missing language sv/);
  assertProblem(broken((p) => (p.benefitGoals[2].description.en = "")), /benefitGoals\[2\] \(HT3\)\.description: missing language en/);
  assertProblem(broken((p) => (p.areas[0].name = "Itä")), /areas\[0\] \(ITA\)\.name: must be \{fi, sv, en\}/);
  assertProblem(broken((p) => delete p.dimensions[1].description.fi), /dimensions\[1\] \(TUOTTAVUUS\)\.description: missing language fi/);
  assertProblem(broken((p) => delete p.programme.milestones[0].text.sv), /programme \(HELSINKI_TULEVAISUUDEN_SOTE_KESKUS\)\.milestones\[0\]\.text: missing language sv/);
  assertProblem(broken((p) => delete p.segmentation.axes[0].to.en), /segmentation\.axes\[0\] \(ARJESSA_PARJAAMINEN\)\.to: missing language en/);
  assertProblem(broken((p) => delete p.spearheads[0].name), /spearheads\[0\] \(K4\): missing name/);
});

test("an unknown benefit goal referenced anywhere is reported", () => {
  assertProblem(broken((p) => (measure(p, "HT1-PALVELUKETJUT").secondaryGoals = ["HT2", "HT9"])), /secondaryGoals\[1\]: unknown benefit goal "HT9"/);
  assertProblem(broken((p) => (p.spearheads[0].reportedUnderGoal = "HT7")), /spearheads \(K4\)\.reportedUnderGoal: unknown benefit goal "HT7"/);
  assertProblem(broken((p) => (p.developmentAreas[0].benefitGoal = "HT0")), /developmentAreas \(KA1\)\.benefitGoal: unknown benefit goal "HT0"/);
  assertProblem(broken((p) => (measure(p, "HT5-JOHTAMISMALLIT").secondaryGoals = ["HT5"])), /"HT5" is also the primary goal/);
  assertProblem(broken((p) => (measure(p, "HT5-JOHTAMISMALLIT").secondaryGoals = ["HT1", "HT1"])), /"HT1" repeated/);
});

test("secondary goals need a source that names them", () => {
  assertProblem(
    broken((p) => (measure(p, "HT1-SEGMENTOINTI").secondaryGoals = ["HT4"])),
    /measures \(HT1-SEGMENTOINTI\)\.secondaryGoalsSource: missing source/,
  );
  assertProblem(broken((p) => (p.measures[0].secondaryGoals = null)), /secondaryGoals: must be an array/);
});

test("a measure whose primary goal is not HT1..HT5 is reported", () => {
  for (const bad of ["HT6", "HT0", "ht1", "KA1", null, 1]) {
    assertProblem(
      broken((p) => (p.measures[0].primaryGoal = bad)),
      /measures \(HT1-SEGMENTOINTI\)\.primaryGoal: .* is not a benefit goal HT1\.\.HT5/,
    );
  }
  assertProblem(broken((p) => delete p.measures[0].primaryGoal), /primaryGoal: undefined is not a benefit goal/);
});

test("a measure id that does not begin with its primary goal is reported", () => {
  assertProblem(broken((p) => (p.measures[0].primaryGoal = "HT2")), /id does not begin with its primary goal HT2/);
  assertProblem(broken((p) => (p.measures[0].id = "segmentointi")), /id must be a slug/);
});

test("a development area that does not match the primary goal is reported", () => {
  assertProblem(
    broken((p) => (p.measures[0].developmentArea = "KA2")),
    /measures \(HT1-SEGMENTOINTI\)\.developmentArea: "KA2" does not match primary goal "HT1" \(expected KA1\)/,
  );
  assertProblem(broken((p) => (p.measures[0].developmentArea = "KA9")), /unknown development area "KA9"/);
  assertProblem(broken((p) => (p.benefitGoals[0].developmentArea = "KA2")), /HT1 names development area KA2, not KA1|already has development area/);
  assertProblem(broken((p) => (p.developmentAreas[1].benefitGoal = "HT1")), /"HT1" already has development area KA1/);
});

test("bad dates are reported", () => {
  const setStart = (date: unknown, precision: unknown) =>
    broken((p) => {
      Object.assign(p.measures[0], {
        startDate: date,
        startDatePrecision: precision,
        startDateSource: { file: "003_a971fd7bff50219a.txt", quote: "käynnistettiin syksyllä 2020" },
      });
    });
  assert.deepEqual(checkProgramme(setStart("2020-09", "season")), [], "a sourced season date is valid");
  assert.deepEqual(checkProgramme(setStart("2020-09-15", "day")), []);
  assertProblem(setStart("2021/09", "month"), /startDate: bad date "2021\/09" \(expected YYYY-MM-DD or YYYY-MM\)/);
  assertProblem(setStart("2021-13", "month"), /bad date "2021-13"/);
  assertProblem(setStart("2021-02-30", "day"), /bad date "2021-02-30"/);
  assertProblem(setStart("syksy 2021", "season"), /bad date "syksy 2021"/);
  assertProblem(setStart("2021", "year"), /bad date "2021"/);
  assertProblem(setStart("2021-09", "day"), /date "2021-09" does not match precision day/);
  assertProblem(setStart("2021-09-01", "season"), /does not match precision season/);
  assertProblem(setStart("2021-09", null), /startDatePrecision: must be day, month or season/);
  assertProblem(broken((p) => (p.measures[0].startDatePrecision = "month")), /must be null when startDate is null/);
  assertProblem(broken((p) => delete p.measures[0].startDate), /startDate: missing/);
  assertProblem(broken((p) => (p.targets[0].validFrom = "1.9.2023")), /targets \(TGT-ACC-FIRST-CONTACT\)\.validFrom: bad date "1\.9\.2023"/);
  assertProblem(
    broken((p) => Object.assign(p.targets[0], { validFrom: "2024-01-01", validTo: "2023-12-31" })),
    /validFrom 2024-01-01 is after validTo 2023-12-31/,
  );
  assertProblem(broken((p) => (p.programme.milestones[0].date = "2020-3")), /programme\.milestones\[0\]\.date: bad date "2020-3"/);
  assertProblem(broken((p) => (p.programme.milestones[0].precision = "day")), /date "2020-03" does not match precision day/);
  assertProblem(broken((p) => (p.baselines[0].period = "8/2021")), /period: bad period "8\/2021"/);
  assertProblem(broken((p) => (p.reports[0].half = "2020S")), /bad half "2020S"/);
});

test("a start date needs its own source quote, so that no date is invented", () => {
  assertProblem(
    broken((p) => Object.assign(p.measures[0], { startDate: "2021-09", startDatePrecision: "season" })),
    /measures \(HT1-SEGMENTOINTI\)\.startDateSource: missing source/,
  );
});

test("duplicate ids are reported, within and across collections", () => {
  assertProblem(broken((p) => (p.measures[1].id = p.measures[0].id)), /measures\[1\] \(HT1-SEGMENTOINTI\): duplicate id \(also measures\[0\]\)/);
  assertProblem(broken((p) => p.targets.push(structuredClone(p.targets[0]))), /duplicate id \(also targets\[0\]\)/);
  assertProblem(broken((p) => (p.baselines[0].id = "TGT-ACC-FIRST-CONTACT")), /baselines\[0\] \(TGT-ACC-FIRST-CONTACT\): duplicate id \(also targets\[0\]\)/);
  assertProblem(broken((p) => p.spearheads.push(structuredClone(p.spearheads[0]))), /duplicate id \(also spearheads\[0\]\)/);
  assertProblem(broken((p) => delete p.measures[2].id), /measures\[2\]: missing id/);
});

test("the fixed code lists (goals, areas, contract codes) must be complete and exact", () => {
  assertProblem(broken((p) => p.coreProcesses.pop()), /coreProcesses: missing RISKIRYHMAT/);
  assertProblem(broken((p) => (p.segments[0].id = "PARJAAJAT")), /segments: unknown id "PARJAAJAT"/);
  assertProblem(broken((p) => (p.areas[4].id = "KESKINEN")), /areas: missing KESKI/);
  assertProblem(broken((p) => p.benefitGoals.pop()), /benefitGoals: missing HT5/);
  assertProblem(broken((p) => (p.dimensions[3].id = "SAATAVUUS")), /dimensions: unknown id "SAATAVUUS"/);
  assertProblem(broken((p) => delete p.operatingModels), /operatingModels: missing \(expected an array\)/);
});

test("unknown spearheads, parents, reports, funding rounds and targets are reported", () => {
  assertProblem(broken((p) => (p.measures[0].spearhead = "K3")), /spearhead: unknown spearhead "K3"/);
  assertProblem(broken((p) => (measure(p, "HT2-MIEPPI").spearheadBasis = "GUESS")), /spearheadBasis: must be EXPLICIT or THEMATIC/);
  assertProblem(broken((p) => delete measure(p, "HT2-OSALLISTAVA-SOSIAALITYO").spearheadSource), /spearheadSource: missing source/);
  assertProblem(broken((p) => (p.spearheads[0].id = "K44")), /id must be K<number>/);
  assertProblem(broken((p) => (measure(p, "HT1-LN-MT-TP2").parent = "HT1-EI-OLE")), /parent: unknown measure "HT1-EI-OLE"/);
  assertProblem(broken((p) => (measure(p, "HT1-HOITOON-PAASY").parent = "HT1-HOITOON-PAASY")), /cannot be its own parent/);
  assertProblem(broken((p) => (measure(p, "HT1-HOITOON-PAASY").parent = "HT1-SUUN-PALVELUSETELIT")), /parent chain has a cycle/);
  assertProblem(broken((p) => (p.spearheads[0].progress[0].report = "OA-2022-KEVAT")), /unknown report "OA-2022-KEVAT"/);
  assertProblem(broken((p) => (measure(p, "HT1-PEDIATRIAN-YKSIKKO").fundingRound = "RRF")), /unknown funding round "RRF"/);
  assertProblem(broken((p) => (p.baselines[0].targetId = "TGT-NOPE")), /unknown target "TGT-NOPE"/);
  assertProblem(broken((p) => (p.measures[0].spearhead = undefined)), /spearhead: missing \(null when none\)/);
});

test("malformed targets are reported", () => {
  assertProblem(broken((p) => (p.targets[0].value = 75)), /a share must be 0\.\.1, not 75/);
  assertProblem(broken((p) => (p.targets[0].comparator = ">")), /comparator: must be >= or <=/);
  assertProblem(broken((p) => (p.targets[0].id = "FIRST-CONTACT")), /id must look like TGT-/);
  assertProblem(broken((p) => (p.targets[0].source = { law: "x", file: "003_a971fd7bff50219a.txt", quote: "y" })), /exactly one of/);
  assertProblem(broken((p) => (p.targets[5].source = { spec: "x" })), /origin LAW needs \{law\}/);
});

test("loadProgramme throws with every problem listed for a broken file", () => {
  const dir = mkdtempSync(path.join(tmpdir(), "programme-"));
  try {
    const file = path.join(dir, "programme.json");
    writeFileSync(
      file,
      JSON.stringify(
        broken((p) => {
          p.measures[0].primaryGoal = "HT6";
          p.measures[1].startDate = "2021/9";
        }),
      ),
    );
    assert.throws(() => loadProgramme(file), (error: Error) => {
      assert.match(error.message, /problem\(s\)/);
      assert.match(error.message, /is not a benefit goal HT1\.\.HT5/);
      assert.match(error.message, /bad date "2021\/9"/);
      return true;
    });
    writeFileSync(file, "{ not json");
    assert.throws(() => loadProgramme(file), /programme\.json/);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test("checkProgramme never throws, whatever it is given", () => {
  assert.deepEqual(checkProgramme(null), ["programme model: not a JSON object"]);
  assert.ok(checkProgramme({}).length > 0);
  fc.assert(
    fc.property(fc.jsonValue(), (value) => {
      assert.ok(Array.isArray(checkProgramme(value)));
    }),
  );
  // Garbage in one place of an otherwise valid model is reported, not thrown.
  const keys = Object.keys(shipped);
  fc.assert(
    fc.property(fc.constantFrom(...keys), fc.jsonValue(), (key, value) => {
      const copy = broken((p) => (p[key] = value));
      assert.ok(Array.isArray(checkProgramme(copy)));
    }),
    { numRuns: 200 },
  );
});

test("dateShape accepts only real calendar dates", () => {
  assert.equal(dateShape("2024-02-29"), "day");
  assert.equal(dateShape("2023-02-29"), null);
  assert.equal(dateShape("2021-09"), "month");
  assert.equal(dateShape("2021-00"), null);
  assert.equal(dateShape("2015"), "year");
  assert.equal(dateShape(20150101), null);
});
