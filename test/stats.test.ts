// The interval and comparison modules (src/lib/stats/) against published
// worked examples: PHE's PHEindicatormethods test data
// (ukhsa-collaboration/PHEindicatormethods, tests/testthat/
// testdata_Byars_Wilson.xlsx, testdata_Proportion.xlsx, testdata_Rate.xlsx,
// testdata_Mean.xlsx — the values R computed, copied here) and the test cases
// of Fingertips' own comparers (ukhsa-collaboration/fingertips-open,
// PholioVisualisationWS/AnalysisTest/SingleOverlappingCIsForOneCILevelComparatorTest.cs,
// DoubleOverlappingCIsComparerTest.cs, TrendBetweenTwoValuesCalculatorTest.cs);
// and values worked out by hand.
import assert from "node:assert/strict";
import { test } from "node:test";
import { deviation, mean, sum } from "d3-array";
import { byar, byarLower, byarUpper } from "../src/lib/stats/byar.ts";
import { compareIntervals, compareWithBenchmark, withPolarity, type Estimate } from "../src/lib/stats/compare.ts";
import { gammaP, gammaQuantile, logGamma } from "../src/lib/stats/gamma.ts";
import { confidenceLevel, normalQuantile, zFor } from "../src/lib/stats/normal.ts";
import { EXACT_BELOW, poissonCount, poissonRate } from "../src/lib/stats/poisson.ts";
import { betaI, tCdf, tQuantile } from "../src/lib/stats/student-t.ts";
import { tInterval } from "../src/lib/stats/t-interval.ts";
import { wilson } from "../src/lib/stats/wilson.ts";
import { cellEstimate, cellInterval, checkIntervalSetting } from "../src/lib/analysis/intervals.ts";

/** Equal to 1e-9 relative (testthat's default tolerance is 1.5e-8). */
const close = (actual: number, expected: number, message = "") =>
  assert.ok(Math.abs(actual - expected) <= 1e-9 * Math.max(1, Math.abs(expected)), `${message} ${actual} ≉ ${expected}`);

test("normal quantile: R's qnorm to the last digits, and z of a confidence level", () => {
  close(normalQuantile(0.975), 1.959963984540054);
  close(normalQuantile(0.999), 3.090232306167813);
  close(normalQuantile(0.3), -0.5244005127080407);
  close(normalQuantile(1e-10), -6.361340902404056);
  assert.equal(normalQuantile(0.5), 0);
  assert.equal(normalQuantile(0), -Infinity);
  assert.ok(Number.isNaN(normalQuantile(1.2)));
  close(zFor(95), 1.959963984540054, "95 means 0.95, as PHE accepts it");
  assert.equal(confidenceLevel(99.8), 0.998);
  assert.throws(() => zFor(0.7), /between 90 and 100 or between 0.9 and 1/);
  assert.throws(() => zFor(14), RangeError);
});

test("gamma and Student's t: log-gamma, the incomplete functions and their quantiles", () => {
  close(logGamma(5), Math.log(24));
  close(logGamma(0.5), Math.log(Math.sqrt(Math.PI)));
  // P(1, x) = 1 − e^−x; the t CDF with 1 degree of freedom is ½ + atan(t)/π.
  close(gammaP(1, 2), 1 - Math.exp(-2));
  close(gammaQuantile(0.5, 1), Math.LN2);
  close(tCdf(1, 1), 0.75);
  close(betaI(0.5, 2, 2), 0.5);
  // R: qt(0.975, 7) and qt(0.975, 1).
  close(tQuantile(0.975, 7), 2.364624251592785);
  close(tQuantile(0.975, 1), 12.70620473617471, "tan(0.475π)");
  close(tQuantile(0.025, 7), -2.364624251592785);
});

test("Wilson: PHEindicatormethods' testdata_Byars_Wilson and testdata_Proportion", () => {
  // x, n, 95 % lower, upper, 99.8 % lower, upper.
  const rows: [number, number, number, number, number, number][] = [
    [65, 100, 0.55254443296887967, 0.73635751756902468, 0.49549465740704313, 0.77835406140896968],
    [1045, 5000, 0.19795549880013297, 0.22049130373189027, 0.19179381799015244, 0.22731562902525818],
    [0.445, 1, 4.3817447720588223e-2, 0.93346212769791559, 1.9347006132900975e-2, 0.97022599470195414],
    [1, 100, 1.7674320641406511e-3, 5.4486196178705294e-2, 8.73065697299977e-4, 0.10455445283705821],
    [5, 100, 2.154367915436798e-2, 0.11175046923191911, 1.3865320725997183e-2, 0.16458852282596442],
    [20, 100, 0.1333669333310325, 0.28882916559315885, 0.10519162066711432, 0.3471109417008601],
    [9856, 12345, 0.79121017529090687, 0.80536400736149094, 0.7869924108419063, 0.80930614125896261],
    [7776456, 7564336677, 1.0273201001641094e-3, 1.0287644578977231e-3, 1.0269040118442213e-3, 1.0291812992698397e-3],
    [222, 3215, 6.0791690363636595e-2, 7.8339566813836331e-2, 5.647101964624248e-2, 8.4184141852701344e-2],
    [999, 3456, 0.27418951080009873, 0.30440389662818057, 0.26583995768074953, 0.31344754492799848],
  ];
  for (const [x, n, l95, u95, l998, u998] of rows) {
    close(wilson(x, n).lower, l95, `${x}/${n} lower 95 %`);
    close(wilson(x, n, 95).upper, u95, `${x}/${n} upper 95 %`);
    close(wilson(x, n, 0.998).lower, l998, `${x}/${n} lower 99.8 %`);
    close(wilson(x, n, 99.8).upper, u998, `${x}/${n} upper 99.8 %`);
  }
  // testdata_Prop_g: the grouped sums.
  close(wilson(2, 200).lower, 2.746658133544438e-3);
  close(wilson(19712, 24690).upper, 0.80333780322782966);
  // By hand: x = 0, n = 10, z = 1.96: lower 0, upper z²/(n + z²) = 3.8415/13.8415 = 0.27753.
  assert.equal(wilson(0, 10).lower, 0);
  close(wilson(0, 10).upper, zFor(0.95) ** 2 / (10 + zFor(0.95) ** 2));
  assert.deepEqual(wilson(3, 10, 1), { lower: 0, upper: 1 });
  assert.throws(() => wilson(-1, 10), /greater than or equal to zero/);
  assert.throws(() => wilson(11, 10), /less than or equal to denominator/);
  assert.throws(() => wilson(1, 0), /greater than zero/);
});

test("Byar: PHEindicatormethods' testdata_Byars_Wilson", () => {
  const rows: [number, number, number, number][] = [
    [65, 0.95, 50.163187710459454, 82.849138545939837],
    [1045, 0.95, 982.59320180733255, 1110.3312129856499],
    [1, 0.95, 1.3072132901504351e-2, 5.5637555824752605],
    [65, 0.998, 42.880261471480203, 94.000290844318016],
    [1045, 0.998, 947.94070356103737, 1148.8061609880331],
    [10, 0.998, 2.916318374695686, 24.193724927880535],
  ];
  for (const [x, c, lower, upper] of rows) {
    close(byarLower(x, c), lower, `${x} lower ${c}`);
    close(byarUpper(x, c), upper, `${x} upper ${c}`);
  }
  // One event at 99.8 %: Byar's lower limit turns negative, PHE gives NA (here NaN); the upper limit stands.
  assert.ok(Number.isNaN(byar(1, 0.998).lower));
  close(byar(1, 99.8).upper, 9.362180217908362);
  assert.throws(() => byarLower(-4), /greater than or equal to zero/);
});

test("Poisson rates: PHEindicatormethods' testdata_Rate — exact under 10 events, Byar's from 10", () => {
  // x, n, multiplier, 95 % lower, upper, 99.8 % lower, upper (rows marked Exact have x < 10).
  const rows: [number, number, number, number, number, number, number][] = [
    [1, 100, 100, 2.5317807984289897e-2, 5.571643390938898, 1.0005003335835344e-3, 9.2334134764515845],
    [5, 100, 100, 1.62348639011842, 11.668332079322669, 0.739371731917839, 16.454745203680105],
    [20, 100, 100, 12.211428834875937, 30.889880369197066, 8.922802365144193, 38.085035625041911],
    [65, 100, 100, 50.163187710459454, 82.849138545939837, 42.880261471480203, 94.000290844318016],
    [9856, 12345, 100, 78.269490589767571, 81.430016542721404, 77.375905432710525, 82.354472770954303],
    [7776456, 7564336677, 100, 0.10273196005302074, 0.10287648334092832, 0.102690317308454, 0.10291817639509068],
    [222, 3215, 100, 6.0265748776526751, 7.8757293708718503, 5.5607376952598537, 8.4610466817334107],
    [999, 3456, 100, 27.141304936090521, 30.755833237378415, 26.162147596445767, 31.845604819822654],
    [2, 200, 100000, 121.10463927198258, 3612.3438338619794, NaN, NaN],
    [250, 220, 100000, 99984.947385328764, 128631.14487455782, 92710.005544389525, 137651.23772147458],
  ];
  for (const [x, n, m, l95, u95, l998, u998] of rows) {
    // R's qchisq and ours agree to about 1e-13; compare to 1e-11 relative.
    const near = (a: number, b: number, what: string) => assert.ok(Math.abs(a - b) <= 1e-11 * Math.abs(b), `${x}/${n} ${what}: ${a} ≉ ${b}`);
    near(poissonRate(x, n, 0.95, m).lower, l95, "lower 95 %");
    near(poissonRate(x, n, 0.95, m).upper, u95, "upper 95 %");
    if (!Number.isNaN(l998)) near(poissonRate(x, n, 0.998, m).lower, l998, "lower 99.8 %");
    if (!Number.isNaN(u998)) near(poissonRate(x, n, 0.998, m).upper, u998, "upper 99.8 %");
  }
  assert.equal(EXACT_BELOW, 10);
  // Zero events: the exact lower limit is 0, the upper −ln(0.025) = 3.6889.
  assert.deepEqual(poissonCount(0).lower, 0);
  close(poissonCount(0).upper, -Math.log(0.025));
  assert.throws(() => poissonRate(1, 0), /greater than zero/);
});

test("t interval of a mean: PHEindicatormethods' testdata_Mean", () => {
  const area1 = [33.09375, 48.38596, 64.83495, 67.98475, 22.93556, 71.23587, 38.78465, 82.37927];
  const area2 = [5555.66666, 6666.77777, 4444.88888, 2222.99999, 3333.88888, 5555.44444, 6666.33333, 7777.44444, 5555.99999, 8888.33333,
    2222.55555, 4444.33333, 6666.22222, 4444.11111, 4444.22222, 5555.11111, 7777.22222, 9999.77777];
  const expected: [number[], number, number, number, number, number, number][] = [
    // values, sum, sd, 95 % lower, upper, 99.8 % lower, upper
    [area1, 429.63476000000009, 20.975575257709309, 36.168325241336504, 71.240364758663517, 18.216705294788838, 89.191984705211183],
    [area2, 102221.33323999999, 2117.8317161590671, 4625.7900224529722, 6732.1358931025834, 3859.0770997295967, 7498.8488158259588],
    [[...area1, ...area2], 102650.96799999999, 3171.8018122194453, 2666.9956767458489, 5229.2326309464579, 1801.9535385474737, 6094.274769144833],
  ];
  for (const [values, total, sd, l95, u95, l998, u998] of expected) {
    close(sum(values), total);
    close(deviation(values)!, sd, "the sample standard deviation (n − 1)");
    const m = mean(values)!;
    close(tInterval(m, sd, values.length).lower, l95);
    close(tInterval(m, sd, values.length, 95).upper, u95);
    close(tInterval(m, sd, values.length, 0.998).lower, l998);
    close(tInterval(m, sd, values.length, 99.8).upper, u998);
  }
  // phe_mean's own example: 30, 40, 50, 60 → mean 45, sd 12.9099, t(0.975, 3) = 3.182446: 45 ∓ 20.5426.
  const sd = deviation([30, 40, 50, 60])!;
  close(tInterval(45, sd, 4).upper - 45, 3.182446305284263 * sd / 2);
  assert.throws(() => tInterval(1, 1, 1), RangeError);
});

const est = (value: number, lower: number, upper: number): Estimate => ({ value, interval: { lower, upper } });

test("compared with a benchmark: Fingertips' SingleOverlappingCIsForOneCILevelComparatorTest", () => {
  // Polarity 0 in Fingertips is "low is good", 1 "high is good".
  assert.equal(compareWithBenchmark(est(11, 10, 12), 11, "lower"), "similar", "TestSameExactly");
  assert.equal(compareWithBenchmark(est(11, 10, 12), 11, "higher"), "similar");
  assert.equal(compareWithBenchmark(est(3.05, 2.7, 3.1), 3, "lower"), "similar", "TestSame");
  assert.equal(compareWithBenchmark(est(3.3, 3.2, 3.5), 3, "lower"), "worse", "TestHigher, low is good");
  assert.equal(compareWithBenchmark(est(3.3, 3.2, 3.5), 3, "higher"), "better", "TestHigher, high is good");
  assert.equal(compareWithBenchmark(est(2.5, 2.2, 2.8), 3, "lower"), "better", "TestLower");
  assert.equal(compareWithBenchmark(est(2.5, 2.2, 2.8), 3, "higher"), "worse");
  assert.equal(compareWithBenchmark(null, 3, "higher"), "not-compared", "TestMinusOneData");
  assert.equal(compareWithBenchmark(est(2.5, 2.2, 2.8), null, "higher"), "not-compared", "TestMinusOneParent");
  assert.equal(compareWithBenchmark(est(4, Number.NaN, 4.5), 3, "higher"), "not-compared", "TestNoCIsOnLocalData");
  // A benchmark exactly on a limit is inside it; with no direction the side is named.
  assert.equal(compareWithBenchmark(est(3.3, 3, 3.5), 3, "higher"), "similar");
  assert.equal(compareWithBenchmark(est(3.3, 3.2, 3.5), 3, null), "higher");
  assert.equal(withPolarity("lower", null), "lower");
});

test("compared with an earlier period: Fingertips' DoubleOverlappingCIsComparerTest and TrendBetweenTwoValuesCalculatorTest", () => {
  const d1 = est(3, 2.7, 3.6);
  const d2 = est(4, 3.5, 4.5);
  assert.equal(compareIntervals(d2, d1, "lower"), "similar", "overlapping, data > parent");
  assert.equal(compareIntervals(d1, d2, "lower"), "similar", "overlapping, data < parent");
  assert.equal(compareIntervals(est(3, 2.7, 4.1), d2, "lower"), "similar", "the interval reaches the other value");
  assert.equal(compareIntervals(d2, est(3, 2.7, 4.1), "lower"), "similar");
  assert.equal(compareIntervals(d2, est(3, 2.7, 3.1), "lower"), "worse", "apart, data > parent, low is good");
  assert.equal(compareIntervals(est(3, 2.7, 3.1), d2, "lower"), "better", "apart, data < parent");
  assert.equal(compareIntervals(d2, est(3, Number.NaN, Number.NaN), "lower"), "not-compared", "TestNoCIsReturnNoneSignificance");
  // The trend markers: decreasing when apart and lower, no change when overlapping, not calculated without data.
  assert.equal(compareIntervals(est(1, 0.9, 1.1), est(2, 1.9, 2.1), null), "lower");
  assert.equal(compareIntervals(est(1, 0.9, 1.6), est(2, 1.5, 2.1), null), "similar");
  assert.equal(compareIntervals(null, null, null), "not-compared");
  // Touching intervals overlap.
  assert.equal(compareIntervals(est(2, 1.5, 2.5), est(3, 2.5, 3.5), "higher"), "similar");
});

test("a cell's interval by its indicator's method; withheld cells and cells without counts have none", () => {
  const share = { numerator: 65, denominator: 100, value: 0.65, suppressed: false };
  close(cellInterval(share, { method: "wilson" })!.lower, 0.55254443296887967);
  close(cellInterval({ numerator: 65, denominator: 100, value: 65, suppressed: false }, { method: "poisson", multiplier: 100 })!.upper, 82.849138545939837);
  close(cellInterval({ numerator: 65, denominator: null, value: 65, suppressed: false }, { method: "poisson" })!.lower, 50.163187710459454, "a count");
  assert.equal(cellInterval({ numerator: null, denominator: null, value: null, suppressed: true }, { method: "wilson" }), null, "withheld");
  assert.equal(cellInterval({ ...share, suppressed: true }, { method: "wilson" }), null, "a withheld flag wins over any number");
  assert.equal(cellInterval({ numerator: null, denominator: 40, value: -12.5, suppressed: false }, { method: null, reason: "no-sd" }), null, "an NPS");
  assert.equal(cellInterval({ numerator: 40, denominator: 10, value: 4, suppressed: false }, { method: "t" }), null, "a mean without its standard deviation");
  close(cellEstimate({ numerator: 429.63476, denominator: 8, value: 53.704345, sd: 20.975575257709309, suppressed: false }, { method: "t" })!.interval.lower, 36.168325241336504);
  assert.deepEqual(checkIntervalSetting({ method: "wilson" }), []);
  assert.deepEqual(checkIntervalSetting({ method: null, reason: "median" }), []);
  assert.equal(checkIntervalSetting({ method: null }).length, 1);
  assert.equal(checkIntervalSetting({ method: "wilson", multiplier: 100 }).length, 1);
  assert.equal(checkIntervalSetting(undefined).length, 1);
});
