// The command-line parser (loaders/cli/args.ts, node:util parseArgs, strict):
// every option the commands take still parses, and a missing value, an
// unknown option or a stray argument is refused with a message naming it.
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { test } from "node:test";
import { PROJECT_ROOT } from "../loaders/indicators/catalogue.ts";
import { parseArgs } from "../loaders/cli/args.ts";

const INDICATORS = { out: "string", extracts: "string", tolerant: "boolean" } as const;

test("string and boolean options, as --name value and --name=value", () => {
  assert.deepEqual({ ...parseArgs(["--out", "x.csv", "--extracts=dir", "--tolerant"], INDICATORS) }, { out: "x.csv", extracts: "dir", tolerant: true });
  assert.deepEqual({ ...parseArgs([], INDICATORS) }, {});
  // Framework passes a page's parameters as --name=value.
  assert.deepEqual({ ...parseArgs(["--period=2021H2"], { period: "string" }) }, { period: "2021H2" });
  // Hyphenated names (bench, self-assessment).
  assert.deepEqual({ ...parseArgs(["--memory-limit", "8GB", "--no-site", "--no-charts"], { "memory-limit": "string", "no-site": "boolean", "no-charts": "boolean" }) }, { "memory-limit": "8GB", "no-site": true, "no-charts": true });
  // A value that starts with "-" is written with "=".
  assert.deepEqual({ ...parseArgs(["--out=--tolerant"], INDICATORS) }, { out: "--tolerant" });
});

test("--out --tolerant is refused, naming --out: the next option is not taken as its value", () => {
  assert.throws(() => parseArgs(["--out", "--tolerant"], INDICATORS), (e: Error) => {
    assert.match(e.message, /'--out' argument is ambiguous/);
    assert.match(e.message, /--out=/);
    return true;
  });
  assert.throws(() => parseArgs(["--out"], INDICATORS), /'--out <value>' argument missing/);
});

test("unknown options, stray arguments and values for a flag are refused, listing the options", () => {
  assert.throws(() => parseArgs(["--bogus"], INDICATORS), (e: Error) => {
    assert.match(e.message, /Unknown option '--bogus'/);
    assert.match(e.message, /options: --out VALUE, --extracts VALUE, --tolerant/);
    return true;
  });
  assert.throws(() => parseArgs(["-o", "x.csv"], INDICATORS), /Unknown option '-o'/);
  assert.throws(() => parseArgs(["--out", "a.csv", "b.csv"], INDICATORS), /Unexpected argument 'b\.csv'/);
  assert.throws(() => parseArgs(["--tolerant=yes"], INDICATORS), /'--tolerant' does not take an argument/);
});

test("the indicators command refuses --out --tolerant before reading any data, with exit code 1", () => {
  const run = spawnSync(process.execPath, ["--import", "tsx", "loaders/cli/indicators.ts", "--out", "--tolerant"], { cwd: PROJECT_ROOT, encoding: "utf8" });
  assert.equal(run.status, 1);
  assert.match(run.stderr, /^error: Option '--out' argument is ambiguous/);
  assert.doesNotMatch(run.stderr, /\n\s+at /, "no stack trace");
});
