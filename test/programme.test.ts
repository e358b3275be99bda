import { test } from "node:test";
import assert from "node:assert/strict";
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import fc from "fast-check";
import ts from "typescript";
import {
  BENEFIT_GOAL_IDS,
  checkProgramme,
  checkSourceQuotes,
  collectSourceQuotes,
  dateShape,
  findProgrammeProblems,
  formatProblem,
  loadProgramme,
  normaliseWhitespace,
  PROGRAMME_SCHEMA_FILE,
  programmeSchema,
  type Programme,
  type ProgrammeProblem,
} from "../loaders/indicators/programme.ts";

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
  assertProblem(broken((p) => delete p.measures[0].source), /#\/measures\/0\/source \(HT1-SEGMENTOINTI\): missing \(expected a source \{file, quote\}/);
  assertProblem(broken((p) => (p.measures[0].source.quote = " ")), /#\/measures\/0\/source\/quote \(HT1-SEGMENTOINTI\): must be a non-empty text, not " "/);
  assertProblem(broken((p) => (p.measures[0].source.file = "005_aaaaaaaaaaaaaaaa.txt")), /not listed in sourceDocuments/);
});

// --- Each kind of problem, in a deliberately broken copy ----------------------

test("a missing or empty language is reported", () => {
  assertProblem(broken((p) => delete p.measures[0].name.sv), /#\/measures\/0\/name\/sv \(HT1-SEGMENTOINTI\): missing/);
  assertProblem(broken((p) => (p.benefitGoals[2].description.en = "")), /#\/benefitGoals\/2\/description\/en \(HT3\): must be a non-empty text, not ""/);
  assertProblem(broken((p) => (p.areas[0].name = "Itä")), /#\/areas\/0\/name \(ITA\): must be a text in Finnish, Swedish and English \{fi, sv, en\}, not "Itä"/);
  assertProblem(broken((p) => delete p.dimensions[1].description.fi), /#\/dimensions\/1\/description\/fi \(TUOTTAVUUS\): missing/);
  assertProblem(broken((p) => delete p.programme.milestones[0].text.sv), /#\/programme\/milestones\/0\/text\/sv \(HELSINKI_TULEVAISUUDEN_SOTE_KESKUS\): missing/);
  assertProblem(broken((p) => delete p.segmentation.axes[0].to.en), /#\/segmentation\/axes\/0\/to\/en \(ARJESSA_PARJAAMINEN\): missing/);
  assertProblem(broken((p) => delete p.spearheads[0].name), /#\/spearheads\/0\/name \(K4\): missing/);
});

test("an unknown benefit goal referenced anywhere is reported", () => {
  assertProblem(broken((p) => (measure(p, "HT1-PALVELUKETJUT").secondaryGoals = ["HT2", "HT9"])), /secondaryGoals\/1 \(HT1-PALVELUKETJUT\): must be a benefit goal HT1\.\.HT5, not "HT9"/);
  assertProblem(broken((p) => (p.spearheads[0].reportedUnderGoal = "HT7")), /#\/spearheads\/0\/reportedUnderGoal \(K4\): must be a benefit goal HT1\.\.HT5, not "HT7"/);
  assertProblem(broken((p) => (p.developmentAreas[0].benefitGoal = "HT0")), /#\/developmentAreas\/0\/benefitGoal \(KA1\): must be a benefit goal HT1\.\.HT5, not "HT0"/);
  assertProblem(broken((p) => (measure(p, "HT5-JOHTAMISMALLIT").secondaryGoals = ["HT5"])), /"HT5" is also the primary goal/);
  assertProblem(broken((p) => (measure(p, "HT5-JOHTAMISMALLIT").secondaryGoals = ["HT1", "HT1"])), /"HT1" repeated/);
});

test("secondary goals need a source that names them", () => {
  assertProblem(
    broken((p) => (measure(p, "HT1-SEGMENTOINTI").secondaryGoals = ["HT4"])),
    /#\/measures\/0\/secondaryGoalsSource \(HT1-SEGMENTOINTI\): missing \(expected a source \{file, quote\} that names the secondary goals\)/,
  );
  assertProblem(broken((p) => (p.measures[0].secondaryGoals = null)), /secondaryGoals \(HT1-SEGMENTOINTI\): must be a list of benefit goals \(\[\] when the sources give none\), not null/);
});

test("a measure whose primary goal is not HT1..HT5 is reported", () => {
  for (const bad of ["HT6", "HT0", "ht1", "KA1", null, 1]) {
    assertProblem(
      broken((p) => (p.measures[0].primaryGoal = bad)),
      /#\/measures\/0\/primaryGoal \(HT1-SEGMENTOINTI\): must be a benefit goal HT1\.\.HT5, not /,
    );
  }
  assertProblem(broken((p) => delete p.measures[0].primaryGoal), /#\/measures\/0\/primaryGoal \(HT1-SEGMENTOINTI\): missing \(expected a benefit goal HT1\.\.HT5\)/);
});

test("a measure id that does not begin with its primary goal is reported", () => {
  assertProblem(broken((p) => (p.measures[0].primaryGoal = "HT2")), /id does not begin with its primary goal HT2/);
  assertProblem(broken((p) => (p.measures[0].id = "segmentointi")), /#\/measures\/0\/id .*must be a measure id: its primary goal and a slug/);
});

test("a development area that does not match the primary goal is reported", () => {
  assertProblem(
    broken((p) => (p.measures[0].developmentArea = "KA2")),
    /#\/measures\/0\/developmentArea \(HT1-SEGMENTOINTI\): "KA2" does not match primary goal "HT1" \(expected KA1\)/,
  );
  assertProblem(broken((p) => (p.measures[0].developmentArea = "KA9")), /developmentArea \(HT1-SEGMENTOINTI\): must be a development area KA1\.\.KA5, not "KA9"/);
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
  assertProblem(setStart("2021/09", "month"), /#\/measures\/0\/startDate \(HT1-SEGMENTOINTI\): bad date "2021\/09" \(expected YYYY-MM-DD or YYYY-MM\)/);
  assertProblem(setStart("2021-13", "month"), /bad date "2021-13"/);
  assertProblem(setStart("2021-02-30", "day"), /bad date "2021-02-30"/);
  assertProblem(setStart("syksy 2021", "season"), /bad date "syksy 2021"/);
  assertProblem(setStart("2021", "year"), /bad date "2021"/);
  assertProblem(setStart("2021-09", "day"), /startDate \(HT1-SEGMENTOINTI\): must be YYYY-MM-DD to match precision day, not "2021-09"/);
  assertProblem(setStart("2021-09-01", "season"), /must be YYYY-MM to match precision month or season, not "2021-09-01"/);
  assertProblem(setStart("2021-09", null), /startDatePrecision \(HT1-SEGMENTOINTI\): must be day, month or season/);
  assertProblem(broken((p) => (p.measures[0].startDatePrecision = "month")), /must be null when startDate is null/);
  assertProblem(broken((p) => delete p.measures[0].startDate), /startDate \(HT1-SEGMENTOINTI\): missing/);
  assertProblem(broken((p) => (p.targets[0].validFrom = "1.9.2023")), /#\/targets\/0\/validFrom \(TGT-ACC-FIRST-CONTACT\): bad date "1\.9\.2023" \(expected YYYY-MM-DD\)/);
  assertProblem(
    broken((p) => Object.assign(p.targets[0], { validFrom: "2024-01-01", validTo: "2023-12-31" })),
    /validFrom 2024-01-01 is after validTo 2023-12-31/,
  );
  assertProblem(broken((p) => (p.programme.milestones[0].date = "2020-3")), /#\/programme\/milestones\/0\/date \(HELSINKI_TULEVAISUUDEN_SOTE_KESKUS\): bad date "2020-3"/);
  assertProblem(broken((p) => (p.programme.milestones[0].precision = "day")), /milestones\/0\/date .*: must be YYYY-MM-DD to match precision day, not "2020-03"/);
  assertProblem(broken((p) => (p.baselines[0].period = "8/2021")), /period \(BL-ACC-FIRST-CONTACT-2021-08\): bad period "8\/2021" \(expected YYYY or YYYY-MM\)/);
  assertProblem(broken((p) => (p.reports[0].half = "2020S")), /half \(OA-2020-SYKSY\): must be a half year such as 2021H1 .*, not "2020S"/);
});

test("a start date needs its own source quote, so that no date is invented", () => {
  assertProblem(
    broken((p) => Object.assign(p.measures[0], { startDate: "2021-09", startDatePrecision: "season" })),
    /#\/measures\/0\/startDateSource \(HT1-SEGMENTOINTI\): missing \(expected a source \{file, quote\} that states the start date/,
  );
});

test("duplicate ids are reported, within and across collections", () => {
  assertProblem(broken((p) => (p.measures[1].id = p.measures[0].id)), /#\/measures\/1\/id \(HT1-SEGMENTOINTI\): duplicate id \(also \/measures\/0\)/);
  assertProblem(broken((p) => p.targets.push(structuredClone(p.targets[0]))), /duplicate id \(also \/targets\/0\)/);
  assertProblem(broken((p) => (p.baselines[0].id = "TGT-ACC-FIRST-CONTACT")), /#\/baselines\/0\/id \(TGT-ACC-FIRST-CONTACT\): duplicate id \(also \/targets\/0\)/);
  assertProblem(broken((p) => p.spearheads.push(structuredClone(p.spearheads[0]))), /duplicate id \(also \/spearheads\/0\)/);
  assertProblem(broken((p) => delete p.measures[2].id), /#\/measures\/2\/id: missing/);
});

test("the fixed code lists (goals, areas, contract codes) must be complete and exact", () => {
  assertProblem(broken((p) => p.coreProcesses.pop()), /coreProcesses: missing RISKIRYHMAT/);
  assertProblem(broken((p) => (p.segments[0].id = "PARJAAJAT")), /#\/segments\/0\/id \(PARJAAJAT\): must be one of "PARJAAJA", .*, not "PARJAAJAT"/);
  assertProblem(broken((p) => (p.areas[4].id = "KESKINEN")), /areas: missing KESKI/);
  assertProblem(broken((p) => p.benefitGoals.pop()), /benefitGoals: missing HT5/);
  assertProblem(broken((p) => (p.dimensions[3].id = "SAATAVUUS")), /#\/dimensions\/3\/id \(SAATAVUUS\): must be one of .*, not "SAATAVUUS"/);
  assertProblem(broken((p) => delete p.operatingModels), /#\/operatingModels: missing \[schema: required\]/);
});

test("unknown spearheads, parents, reports, funding rounds and targets are reported", () => {
  assertProblem(broken((p) => (p.measures[0].spearhead = "K3")), /spearhead \(HT1-SEGMENTOINTI\): unknown spearhead "K3"/);
  assertProblem(broken((p) => (measure(p, "HT2-MIEPPI").spearheadBasis = "GUESS")), /spearheadBasis \(HT2-MIEPPI\): must be EXPLICIT or THEMATIC, not "GUESS"/);
  assertProblem(broken((p) => delete measure(p, "HT2-OSALLISTAVA-SOSIAALITYO").spearheadSource), /spearheadSource \(HT2-OSALLISTAVA-SOSIAALITYO\): missing \(expected a source/);
  assertProblem(broken((p) => (p.spearheads[0].id = "K44")), /id must be K<number>/);
  assertProblem(broken((p) => (measure(p, "HT1-LN-MT-TP2").parent = "HT1-EI-OLE")), /parent \(HT1-LN-MT-TP2\): unknown measure "HT1-EI-OLE"/);
  assertProblem(broken((p) => (measure(p, "HT1-HOITOON-PAASY").parent = "HT1-HOITOON-PAASY")), /cannot be its own parent/);
  assertProblem(broken((p) => (measure(p, "HT1-HOITOON-PAASY").parent = "HT1-SUUN-PALVELUSETELIT")), /parent chain has a cycle/);
  assertProblem(broken((p) => (p.spearheads[0].progress[0].report = "OA-2022-KEVAT")), /unknown report "OA-2022-KEVAT"/);
  assertProblem(broken((p) => (measure(p, "HT1-PEDIATRIAN-YKSIKKO").fundingRound = "RRF")), /unknown funding round "RRF"/);
  assertProblem(broken((p) => (p.baselines[0].targetId = "TGT-NOPE")), /unknown target "TGT-NOPE"/);
  assertProblem(broken((p) => (p.measures[0].spearhead = undefined)), /spearhead \(HT1-SEGMENTOINTI\): missing \(expected a spearhead id K<number>, or null when none\)/);
});

test("malformed targets are reported", () => {
  assertProblem(broken((p) => (p.targets[0].value = 75)), /value \(TGT-ACC-FIRST-CONTACT\): must be a share 0\.\.1 \(<= 1\), not 75/);
  assertProblem(broken((p) => (p.targets[0].comparator = ">")), /comparator \(TGT-ACC-FIRST-CONTACT\): must be >= or <=, not ">"/);
  assertProblem(broken((p) => (p.targets[0].id = "FIRST-CONTACT")), /must be a target id like TGT-ACC-FIRST-CONTACT/);
  assertProblem(broken((p) => (p.targets[0].source = { law: "x", file: "003_a971fd7bff50219a.txt", quote: "y" })), /#\/targets\/0\/source\/law \(TGT-ACC-FIRST-CONTACT\): unknown property \(allowed: file, quote\)/);
  assertProblem(broken((p) => (p.targets[5].source = { spec: "x" })), /#\/targets\/5\/source\/law \(TGT-ACC-CARE-GUARANTEE-14D\): missing \(expected the law, as origin LAW needs\)/);
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
      assert.match(error.message, /must be a benefit goal HT1\.\.HT5, not "HT6"/);
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
  assert.deepEqual(checkProgramme(null), ["data/programme.json#: must be a programme model (a JSON object), not null [schema: type]"]);
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

// --- The JSON Schema and the checks it cannot express -------------------------

/** The one problem an edit causes at `path`, structured. */
function problemAt(copy: unknown, path: string): ProgrammeProblem {
  const problems = findProgrammeProblems(copy).filter((problem) => problem.path === path);
  assert.equal(problems.length, 1, `expected one problem at ${path}, got:\n${findProgrammeProblems(copy).map(formatProblem).join("\n") || "(none)"}`);
  return problems[0]!;
}

test("the schema compiles once, and the shipped model conforms to it", () => {
  const { schema, validate } = programmeSchema();
  assert.equal(programmeSchema().validate, validate, "compiled once");
  assert.equal(schema.$schema, "https://json-schema.org/draft/2020-12/schema");
  assert.equal(validate(shipped), true, JSON.stringify(validate.errors));
  assert.deepEqual(JSON.parse(readFileSync(PROGRAMME_SCHEMA_FILE, "utf8")), schema);
  assert.equal(path.dirname(PROGRAMME_SCHEMA_FILE), path.dirname(shippedPath), "the schema sits beside the model");
});

test("each kind of schema error names the file, the JSON path and the rule", () => {
  // A missing required field.
  assert.deepEqual(problemAt(broken((p) => delete p.measures[3].startDate), "/measures/3/startDate"), {
    file: "data/programme.json",
    path: "/measures/3/startDate",
    id: "HT1-PALVELUKETJUT",
    rule: "schema: required",
    message: "missing (expected a start date YYYY-MM-DD or YYYY-MM, or null when no source states it)",
  });
  // A wrong type.
  assert.equal(
    formatProblem(problemAt(broken((p) => (p.targets[5].value = "14 d")), "/targets/5/value")),
    'data/programme.json#/targets/5/value (TGT-ACC-CARE-GUARANTEE-14D): must be a number, not "14 d" [schema: type]',
  );
  // A value outside an enum.
  assert.equal(
    formatProblem(problemAt(broken((p) => (p.targets[0].unit = "percent")), "/targets/0/unit")),
    'data/programme.json#/targets/0/unit (TGT-ACC-FIRST-CONTACT): must be share or days, not "percent" [schema: enum]',
  );
  // An enum without a description lists the values.
  assert.equal(
    formatProblem(problemAt(broken((p) => (p.areas[5].id = "KOILLINEN_HELSINKI")), "/areas/5/id")),
    'data/programme.json#/areas/5/id (KOILLINEN_HELSINKI): must be one of "ITA", "POHJOINEN", "ETELA", "LANSI", "KESKI", "KOILLINEN", not "KOILLINEN_HELSINKI" [schema: enum]',
  );
  // A bad date format: no calendar date, whatever its shape.
  assert.equal(
    formatProblem(problemAt(broken((p) => (p.targets[5].validFrom = "2023-02-30")), "/targets/5/validFrom")),
    'data/programme.json#/targets/5/validFrom (TGT-ACC-CARE-GUARANTEE-14D): bad date "2023-02-30" (expected YYYY-MM-DD) [schema: format]',
  );
  assert.equal(
    formatProblem(problemAt(broken((p) => (p.programme.milestones[2].date = "2020-13")), "/programme/milestones/2/date")),
    'data/programme.json#/programme/milestones/2/date (HELSINKI_TULEVAISUUDEN_SOTE_KESKUS): bad date "2020-13" (expected YYYY, YYYY-MM or YYYY-MM-DD) [schema: format]',
  );
  // A pattern.
  assert.equal(
    formatProblem(problemAt(broken((p) => (p.sourceDocuments[0].file = "artikkeli.txt")), "/sourceDocuments/0/file")),
    'data/programme.json#/sourceDocuments/0/file: must be a seed file name NNN_<16 hex digits>.txt, not "artikkeli.txt" [schema: pattern]',
  );
  // An unknown property (a misspelt field would otherwise be silently ignored).
  const unknown = problemAt(broken((p) => (p.measures[3].startdate = "2021-09")), "/measures/3/startdate");
  assert.equal(unknown.rule, "schema: additionalProperties");
  assert.match(formatProblem(unknown), /^data\/programme\.json#\/measures\/3\/startdate \(HT1-PALVELUKETJUT\): unknown property \(allowed: id, .*startDate, .*\) \[schema: additionalProperties\]$/);
  assert.equal(problemAt(broken((p) => (p.measures[0].name.de = "Segmentierung")), "/measures/0/name/de").message, "unknown property (allowed: fi, sv, en)");
  // A constant, a bound and a repeated item.
  assert.equal(problemAt(broken((p) => (p.schemaVersion = 2)), "/schemaVersion").message, "must be schema version 1, not 2");
  assert.equal(problemAt(broken((p) => (p.targets[1].value = -0.1)), "/targets/1/value").message, "must be a share 0..1 (>= 0), not -0.1");
  assert.equal(problemAt(broken((p) => (p.programme.fundingRounds[0].amountEur = -1)), "/programme/fundingRounds/0/amountEur").rule, "schema: minimum");
  assert.equal(problemAt(broken((p) => (measure(p, "HT5-JOHTAMISMALLIT").secondaryGoals = ["HT2", "HT3", "HT2"])), "/measures/51/secondaryGoals/2").rule, "schema: uniqueItems");
  // A rule between the fields of one item (if/then): a value null needs a range.
  assert.deepEqual(problemAt(broken((p) => (p.baselines[0].value = null)), "/baselines/0/range"), {
    file: "data/programme.json",
    path: "/baselines/0/range",
    id: "BL-ACC-FIRST-CONTACT-2021-08",
    rule: "schema: required",
    message: "missing (expected a numeric range [low, high], as value is null)",
  });
});

test("the file named in problems is the one checked", () => {
  const copy = broken((p) => (p.reports[0].half = "2020"));
  assert.match(checkProgramme(copy, "elsewhere/model.json")[0]!, /^elsewhere\/model\.json#\/reports\/0\/half \(OA-2020-SYKSY\): /);
  const dir = mkdtempSync(path.join(tmpdir(), "programme-"));
  try {
    const file = path.join(dir, "programme.json");
    writeFileSync(file, JSON.stringify(copy));
    assert.throws(() => loadProgramme(file), (error: Error) => {
      assert.ok(error.message.startsWith(`programme model ${file} has 1 problem(s):\n  - ${file}#/reports/0/half (OA-2020-SYKSY): must be a half year`), error.message);
      assert.match(error.message, /\[schema: pattern\]$/);
      return true;
    });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test("a value that is no date is reported once, not also as not matching its precision", () => {
  const copy = broken((p) => Object.assign(p.measures[0], { startDate: "2021/09", startDatePrecision: "month", startDateSource: p.measures[0].source }));
  assert.deepEqual(checkProgramme(copy), [
    'data/programme.json#/measures/0/startDate (HT1-SEGMENTOINTI): bad date "2021/09" (expected YYYY-MM-DD or YYYY-MM) [schema: format]',
  ]);
});

test("problems come in the order of the model, schema and cross-reference problems together", () => {
  const copy = broken((p) => {
    p.measures[10].fundingRound = "RRF";
    p.measures[2].name.fi = "";
    p.targets[0].validTo = "2020-01-01";
    p.targets[0].validFrom = "2021-01-01";
    p.notes[0].topic = 7;
  });
  assert.deepEqual(
    findProgrammeProblems(copy).map((problem) => `${problem.path} [${problem.rule}]`),
    [
      "/notes/0/topic [schema: type]",
      "/measures/2/name/fi [schema: pattern]",
      "/measures/10/fundingRound [check: known-reference]",
      "/targets/0/validTo [check: date-order]",
    ],
  );
});

test("each cross-reference check names its path and rule", () => {
  const cases: [string, (p: any) => void, string, string, RegExp][] = [
    ["unique-id", (p) => (p.reports[1].id = "HT1"), "/reports/1/id", "check: unique-id", /^duplicate id \(also \/benefitGoals\/0\)$/],
    ["unique-id in nested lists", (p) => (p.programme.fundingRounds[1].id = "ORIGINAL_2020"), "/programme/fundingRounds/1/id", "check: unique-id", /also \/programme\/fundingRounds\/0/],
    ["complete-codes", (p) => p.developmentAreas.splice(2, 1), "/developmentAreas", "check: complete-codes", /^missing KA3 \(the list holds each of KA1, KA2, KA3, KA4, KA5\)$/],
    ["unique-file", (p) => p.sourceDocuments.push(structuredClone(p.sourceDocuments[2])), "/sourceDocuments/5/file", "check: unique-file", /duplicate file 002_3253816e7ff4d466\.txt \(also \/sourceDocuments\/2\)/],
    ["known-source-file", (p) => (p.targets[0].source.file = "009_0000000000000000.txt"), "/targets/0/source/file", "check: known-source-file", /"009_0000000000000000\.txt" is not listed in sourceDocuments/],
    ["known-reference: spearhead", (p) => (measure(p, "HT4-DIABETESKESKUS").spearhead = "K11"), "/measures/46/spearhead", "check: known-reference", /unknown spearhead "K11"/],
    ["known-reference: report", (p) => (p.measures.find((m: any) => m.progress).progress[0].report = "OA-2019-KEVAT"), "", "check: known-reference", /unknown report "OA-2019-KEVAT"/],
    ["known-reference: target", (p) => (p.baselines[1].targetId = "TGT-ACC-URGENT"), "/baselines/1/targetId", "check: known-reference", /unknown target "TGT-ACC-URGENT"/],
    ["known-reference: funding round", (p) => (p.measures[4].fundingRound = "ORIGINAL_2019"), "/measures/4/fundingRound", "check: known-reference", /unknown funding round "ORIGINAL_2019"/],
    ["known-reference: parent", (p) => (p.measures[4].parent = "HT1-EI-OLE"), "/measures/4/parent", "check: known-reference", /unknown measure "HT1-EI-OLE"/],
    ["parent", (p) => (p.measures[4].parent = p.measures[4].id), "/measures/4/parent", "check: parent", /cannot be its own parent/],
    ["goal-area (measure)", (p) => (p.measures[4].developmentArea = "KA3"), "/measures/4/developmentArea", "check: goal-area", /"KA3" does not match primary goal "HT1" \(expected KA1\)/],
    ["goal-area (areas)", (p) => (p.developmentAreas[4].benefitGoal = "HT4"), "/developmentAreas/4/benefitGoal", "check: goal-area", /"HT4" already has development area KA4/],
    ["id-goal", (p) => (p.measures[4].id = "HT3-KERRALLA-KUNTOON"), "/measures/4/id", "check: id-goal", /^id does not begin with its primary goal HT1$/],
    ["id-number", (p) => (p.benefitGoals[1].number = 3), "/benefitGoals/1/id", "check: id-number", /^id must be HT<number>: "HT2" is not HT3$/],
    ["secondary-goal", (p) => Object.assign(p.measures[4], { secondaryGoals: ["HT1"], secondaryGoalsSource: p.measures[4].source }), "/measures/4/secondaryGoals/0", "check: secondary-goal", /"HT1" is also the primary goal/],
    ["date-order: target", (p) => (p.targets[5].validTo = "2023-08-31"), "/targets/5/validTo", "check: date-order", /^validFrom 2023-09-01 is after validTo 2023-08-31$/],
    ["date-order: programme", (p) => (p.programme.endYear = 2019), "/programme/endYear", "check: date-order", /^endYear 2019 is before startYear 2020$/],
    ["range-order", (p) => (p.baselines.find((b: any) => b.range).range = [0.55, 0.5]), "", "check: range-order", /^low 0\.55 is above high 0\.5$/],
  ];
  for (const [name, edit, at, rule, message] of cases) {
    const problems = findProgrammeProblems(broken(edit));
    const matching = problems.filter((problem) => problem.rule === rule && message.test(problem.message) && (at === "" || problem.path === at));
    assert.equal(matching.length, 1, `${name}: expected one ${rule} problem at ${at || "(any path)"} matching ${message}, got:\n${problems.map(formatProblem).join("\n") || "(none)"}`);
    assert.ok(problems.every((problem) => problem.rule.startsWith("check: ")), `${name}: a schema-valid edit only trips checks:\n${problems.map(formatProblem).join("\n")}`);
  }
  // A milestone that ends before it starts (endDate is YYYY-MM-DD; a month-precise start counts from its first day).
  const ended = broken((p) => {
    const milestone = p.programme.milestones[2];
    milestone.endDate = "2020-08-31";
  });
  assert.equal(problemAt(ended, "/programme/milestones/2/endDate").message, "endDate 2020-08-31 is before date 2020-09");
  assert.deepEqual(checkProgramme(broken((p) => (p.programme.milestones[2].endDate = "2020-09-01"))), []);
});

test("the cross-reference checks still run on a model the schema rejects", () => {
  const problems = findProgrammeProblems(
    broken((p) => {
      p.measures[0].name = 1;
      p.measures[1].id = p.measures[0].id;
      p.segmentation = "none";
    }),
  );
  assert.deepEqual(
    problems.map((problem) => `${problem.path} [${problem.rule}]`),
    ["/segmentation [schema: type]", "/measures/0/name [schema: type]", "/measures/1/id [check: unique-id]"],
  );
});

test("source quotes are located by JSON path and reported in the same style", () => {
  const model = {
    measures: [{ id: "HT1-X", source: { file: "003_a971fd7bff50219a.txt", quote: "kolme\n sanaa" }, additionalSources: [{ file: "001_d1019f0b1426894e.txt", quote: "q" }] }],
  };
  assert.deepEqual(collectSourceQuotes(model).map((found) => found.where), ["/measures/0/source", "/measures/0/additionalSources/0"]);
  const dir = mkdtempSync(path.join(tmpdir(), "seeds-"));
  try {
    writeFileSync(path.join(dir, "003_a971fd7bff50219a.txt"), "yksi kolme sanaa neljä");
    assert.deepEqual(checkSourceQuotes(model, dir), [
      `data/programme.json#/measures/0/additionalSources/0 (HT1-X): seed file 001_d1019f0b1426894e.txt not found in ${dir} [check: quote-in-seed]`,
    ]);
    writeFileSync(path.join(dir, "001_d1019f0b1426894e.txt"), "p");
    assert.deepEqual(checkSourceQuotes(model, dir), [
      'data/programme.json#/measures/0/additionalSources/0 (HT1-X): quote not found in 001_d1019f0b1426894e.txt: "q" [check: quote-in-seed]',
    ]);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test("the TypeScript types match the schema: properties, optional, nullable and literal values", () => {
  const { schema } = programmeSchema();
  const source = path.join(projectRoot, "loaders/indicators/programme.ts");
  const program = ts.createProgram([source], {
    strict: true,
    noEmit: true,
    target: ts.ScriptTarget.ES2022,
    lib: ["lib.es2022.d.ts"],
    module: ts.ModuleKind.NodeNext,
    moduleResolution: ts.ModuleResolutionKind.NodeNext,
    allowImportingTsExtensions: true,
    types: [],
  });
  const checker = program.getTypeChecker();
  const file = program.getSourceFile(source)!;
  const exported = new Map(checker.getExportsOfModule(checker.getSymbolAtLocation(file)!).map((symbol) => [symbol.name, symbol]));

  /** A schema node with its local $ref followed. */
  const resolve = (node: any): any => (typeof node?.$ref === "string" ? { ...resolve(schema.$defs[node.$ref.slice("#/$defs/".length)]), ...node, $ref: undefined } : node);
  const allowsNull = (node: any) =>
    [node.type].flat().includes("null") || (Array.isArray(node.enum) && node.enum.includes(null)) || ("const" in node && node.const === null);
  /** The literal values of a type without null and undefined; undefined when it is not a union of literals. */
  const literals = (type: ts.Type): unknown[] | undefined => {
    const parts = (type.isUnion() ? type.types : [type]).filter((part) => !(part.flags & (ts.TypeFlags.Null | ts.TypeFlags.Undefined)));
    if (!parts.every((part) => part.isLiteral())) return undefined;
    return parts.map((part) => (part as ts.LiteralType).value).sort();
  };
  const problems: string[] = [];
  const compare = (where: string, type: ts.Type, node: any) => {
    node = resolve(node);
    const values = literals(type);
    if (Array.isArray(node.enum) || "const" in node) {
      const allowed = (Array.isArray(node.enum) ? node.enum : [node.const]).filter((value: unknown) => value !== null).sort();
      if (JSON.stringify(values) !== JSON.stringify(allowed)) problems.push(`${where}: type has ${JSON.stringify(values)}, schema ${JSON.stringify(allowed)}`);
    } else if (values !== undefined) problems.push(`${where}: type has ${JSON.stringify(values)}, schema no enum`);
    const element = checker.isArrayType(type) ? checker.getTypeArguments(type as ts.TypeReference)[0] : undefined;
    if (element !== undefined) {
      if (node.type !== "array") problems.push(`${where}: an array in the type, not in the schema`);
      else compare(`${where}[]`, element, node.items);
    }
  };

  const definitions = Object.entries<any>(schema.$defs).filter(([name]) => /^[A-Z]/.test(name));
  assert.ok(definitions.length >= 20);
  for (const [name, definition] of [["Programme", schema], ...definitions] as [string, any][]) {
    const symbol = exported.get(name);
    if (symbol === undefined || !(symbol.flags & ts.SymbolFlags.Interface)) {
      problems.push(`${name}: no exported interface of that name in loaders/indicators/programme.ts`);
      continue;
    }
    const properties = checker.getPropertiesOfType(checker.getDeclaredTypeOfSymbol(symbol));
    const inType = properties.map((property) => property.name).sort();
    const inSchema = Object.keys(definition.properties).sort();
    if (JSON.stringify(inType) !== JSON.stringify(inSchema)) problems.push(`${name}: properties ${inType.join(", ")} in the type, ${inSchema.join(", ")} in the schema`);
    for (const property of properties) {
      const node = definition.properties[property.name];
      if (node === undefined) continue;
      const where = `${name}.${property.name}`;
      const optional = (property.flags & ts.SymbolFlags.Optional) !== 0;
      if (optional === (definition.required ?? []).includes(property.name)) problems.push(`${where}: ${optional ? "optional" : "required"} in the type, not in the schema`);
      const type = checker.getTypeOfSymbol(property);
      const nullable = (type.isUnion() ? type.types : [type]).some((part) => part.flags & ts.TypeFlags.Null);
      if (nullable !== allowsNull(resolve(node))) problems.push(`${where}: ${nullable ? "nullable" : "not nullable"} in the type, not in the schema`);
      compare(where, type, node);
    }
  }
  assert.deepEqual(problems, []);
});

// --- Recorded recalculations of SPC limits -------------------------------------

test("recorded recalculations: the synthetic sample's step change, for the sample only, and the law's care-guarantee steps, for every extract", () => {
  assert.deepEqual(
    (shipped.recalculations ?? []).map((r) => [r.indicator, r.from, r.extractSource]),
    [
      ["ACC_FIRST_CONTACT", "2021-09", "Apotti (synteettinen)"],
      ["ACC_CARE_GUARANTEE", "2023-09", undefined],
      ["ACC_CARE_GUARANTEE", "2024-11", undefined],
      ["ACC_CARE_GUARANTEE", "2025-01", undefined],
    ],
  );
  // The generator's own parameter and manifest source: the entry records what the sample holds, no real-world event.
  const scenario = readFileSync(path.join(projectRoot, "loaders/generate/scenario.ts"), "utf8");
  assert.match(scenario, /GUIDANCE_START = dayOf\(2021, 9, 1\)/);
  assert.match(readFileSync(path.join(projectRoot, "loaders/generate/manifest.ts"), "utf8"), /SOURCE = "Apotti \(synteettinen\)"/);
});

test("recorded recalculations: unknown keys, malformed months and missing reasons are schema problems with file, path and rule", () => {
  const entry = () => structuredClone(shipped.recalculations![0]) as any;
  const withEntry = (edit: (r: any) => void) => broken((p) => {
    const r = entry();
    edit(r);
    p.recalculations = [r];
  });
  assert.equal(
    formatProblem(problemAt(withEntry((r) => (r.to = "2022-01")), "/recalculations/0/to")),
    "data/programme.json#/recalculations/0/to: unknown property (allowed: indicator, from, reason, source, extractSource) [schema: additionalProperties]",
  );
  for (const month of ["2021-13", "2021-09-01", "2021", "9/2021"])
    assert.equal(
      formatProblem(problemAt(withEntry((r) => (r.from = month)), "/recalculations/0/from")),
      `data/programme.json#/recalculations/0/from: bad month ${JSON.stringify(month)} (expected YYYY-MM) [schema: format]`,
    );
  assert.equal(
    formatProblem(problemAt(withEntry((r) => delete r.reason.sv), "/recalculations/0/reason/sv")),
    "data/programme.json#/recalculations/0/reason/sv: missing (expected a non-empty text) [schema: required]",
  );
  assert.deepEqual(checkProgramme(withEntry((r) => (r.indicator = "acc first contact"))), [
    'data/programme.json#/recalculations/0/indicator: must be an indicator id of the catalogue (data/indicators.json), like ACC_FIRST_CONTACT, not "acc first contact" [schema: pattern]',
    'data/programme.json#/recalculations/0/indicator: unknown indicator "acc first contact" (not in the indicator catalogue) [check: known-indicator]',
  ]);
  assert.equal(
    formatProblem(problemAt(broken((p) => (p.recalculations = { ACC_FIRST_CONTACT: "2021-09" })), "/recalculations")),
    'data/programme.json#/recalculations: must be an array, not {"ACC_FIRST_CONTACT":"2021-09"} [schema: type]',
  );
  assert.deepEqual(checkProgramme(broken((p) => delete p.recalculations)), [], "the list is optional");
});

test("recorded recalculations: an indicator not in the catalogue, or one recorded twice, is a cross-reference problem", () => {
  const next = shipped.recalculations!.length;
  const unknown = broken((p) => p.recalculations.push({ ...structuredClone(p.recalculations[0]), indicator: "ACC_FIRST_CONTAKT" }));
  assert.deepEqual(checkProgramme(unknown), [
    `data/programme.json#/recalculations/${next}/indicator: unknown indicator "ACC_FIRST_CONTAKT" (not in the indicator catalogue) [check: known-indicator]`,
  ]);
  // Checked against the catalogue given (by default data/indicators.json's).
  assert.deepEqual(checkProgramme(shipped, "data/programme.json", { indicators: ["ACC_FIRST_CONTAKT", "ACC_CARE_GUARANTEE"] }), [
    'data/programme.json#/recalculations/0/indicator: unknown indicator "ACC_FIRST_CONTACT" (not in the indicator catalogue) [check: known-indicator]',
  ]);
  const twice = broken((p) => p.recalculations.push(structuredClone(p.recalculations[0])));
  assert.deepEqual(checkProgramme(twice), [
    `data/programme.json#/recalculations/${next}/from: ACC_FIRST_CONTACT is already recalculated from 2021-09 (/recalculations/0) [check: unique-recalculation]`,
  ]);
  // The same month for another extract is another record.
  assert.deepEqual(checkProgramme(broken((p) => p.recalculations.push({ ...structuredClone(p.recalculations[0]), extractSource: "Apotti" }))), []);
});
