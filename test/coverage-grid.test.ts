// The data-quality page's grid of tables × months (src/components/charts/coverage-grid.ts), rendered in jsdom.
import assert from "node:assert/strict";
import { test } from "node:test";
import { JSDOM } from "jsdom";
import "../src/lib/i18n/all.ts"; // every language registered, as the browser registers its one
import { coverageGrid, coverageLegend, coverageTicks } from "../src/components/charts/coverage-grid.ts";
import { monthsBetween } from "../src/lib/periods.ts";

const { document } = new JSDOM("<!doctype html><body></body>").window;

// Three years of months; visits lacks 3/2021 and 12/2022, costs lacks all of 2020, staffing has every month.
const months = monthsBetween("2020-01-01", "2022-12-31");
const gaps: Record<string, string[]> = {
  visits: ["2021-03", "2022-12"],
  costs: months.slice(0, 12),
  staffing: [],
};
const tables = Object.keys(gaps);
const withRows = tables.flatMap((table) => months.filter((m) => !gaps[table].includes(m)).map((month) => ({ table, month })));

test("coverage grid: one rect per table and month, a missing month outlined with a × and its words as the title", () => {
  const svg = coverageGrid({ tables, months, withRows, label: "Kuukaudet ilman rivejä", lang: "fi", width: 640, document });
  assert.equal(months.length, 36);
  assert.equal(svg.getAttribute("role"), "img");
  assert.equal(svg.getAttribute("aria-label"), "Kuukaudet ilman rivejä");
  const rects = [...svg.querySelectorAll("rect")];
  assert.equal(rects.length, 3 * 36, "one rect per (table, month)");
  assert.equal(new Set(rects.map((r) => `${r.getAttribute("data-table")}|${r.getAttribute("data-month")}`)).size, 108, "no pair drawn twice");

  const missing = rects.filter((r) => r.getAttribute("data-rows") === "false");
  assert.deepEqual(missing.map((r) => `${r.getAttribute("data-table")} ${r.getAttribute("data-month")}`).sort(),
    ["visits 2021-03", "visits 2022-12", ...gaps.costs.map((m) => `costs ${m}`)].sort());
  for (const r of missing) {
    assert.equal(r.getAttribute("fill"), "#fff");
    assert.equal(r.getAttribute("stroke"), "#a84300", "outlined in orange");
    assert.equal(r.parentElement!.querySelector("text")?.textContent, "×", "and crossed: not colour alone");
  }
  const visitsMarch = missing.find((r) => r.getAttribute("data-table") === "visits" && r.getAttribute("data-month") === "2021-03")!;
  assert.equal(visitsMarch.querySelector("title")?.textContent, "visits maalis 2021: ei rivejä");
  assert.equal(svg.querySelectorAll(".missing-month").length, 14);
  assert.equal([...svg.querySelectorAll("text")].filter((x) => x.textContent === "×").length, 14, "a × for each missing month, none elsewhere");

  const filled = rects.find((r) => r.getAttribute("data-table") === "staffing" && r.getAttribute("data-month") === "2020-07")!;
  assert.equal(filled.getAttribute("data-rows"), "true");
  assert.equal(filled.querySelector("title")?.textContent, "staffing heinä 2020: rivejä");
  assert.equal(filled.closest(".missing-month"), null, "a month with rows has no cross");

  // The rows stack in the given order, the months run left to right.
  const at = (table: string, month: string) => rects.find((r) => r.getAttribute("data-table") === table && r.getAttribute("data-month") === month)!;
  assert.ok(+at("visits", "2020-01").getAttribute("y")! < +at("costs", "2020-01").getAttribute("y")!);
  assert.ok(+at("costs", "2020-01").getAttribute("y")! < +at("staffing", "2020-01").getAttribute("y")!);
  assert.ok(+at("visits", "2020-01").getAttribute("x")! < +at("visits", "2020-02").getAttribute("x")!);
  assert.deepEqual([...svg.querySelectorAll(".y-axis text")].map((x) => x.textContent), tables);
  for (const r of rects) assert.ok(+r.getAttribute("x")! + +r.getAttribute("width")! <= 640, "inside the image");
});

test("coverage grid: month labels never repeat and never crowd, at any width", () => {
  for (const width of [200, 320, 640, 1200]) {
    const svg = coverageGrid({ tables, months, withRows, label: "x", width, document });
    const labels = [...svg.querySelectorAll(".x-axis text")].map((x) => x.textContent!);
    assert.ok(labels.length >= 1, `${width}: at least one label`);
    assert.equal(new Set(labels).size, labels.length, `${width}: no two equal labels (${labels})`);
    const xs = [...svg.querySelectorAll(".x-axis text")].map((x) => +x.getAttribute("x")!);
    for (let i = 1; i < xs.length; i++) assert.ok(xs[i] - xs[i - 1] >= 40, `${width}: labels ${labels[i - 1]} and ${labels[i]} ${xs[i] - xs[i - 1]} px apart`);
  }
  // 640 px wide with names up to 8 characters: 36 months in 578 px, room for 11 labels → every 6 months (12 would do 3, 3 would be 12).
  const wide = coverageGrid({ tables, months, withRows, label: "x", width: 640, document });
  assert.deepEqual([...wide.querySelectorAll(".x-axis text")].map((x) => x.textContent), ["2020", "7/2020", "2021", "7/2021", "2022", "7/2022"]);
  // Narrow: one label per year, on January.
  assert.deepEqual(coverageTicks(months, 200), ["2020-01", "2021-01", "2022-01"]);
  // Room for one label: 2 months in steps of 3 (January, April, July, October) reach none of May–June, so May is labelled.
  assert.deepEqual(coverageTicks(["2021-05", "2021-06"], 20), ["2021-05"]);
  assert.deepEqual(coverageTicks(["2021-03", "2021-04", "2021-05"], 20), ["2021-04"]);
  assert.deepEqual(coverageTicks(["2021-11", "2021-12", "2022-01", "2022-02"], 400), ["2021-11", "2021-12", "2022-01", "2022-02"]);
});

test("coverage grid: a long table name is cut in the margin and whole in its title; the legend in the page's language", () => {
  const long = "appointment_supply_by_profession";
  const svg = coverageGrid({ tables: [long], months: months.slice(0, 3), withRows: [], label: "x", width: 300, document });
  const label = svg.querySelector(".y-axis text")!;
  // 300 px: a third (100 px) for the names, room for 15 characters at 6 px after the 10 px gap.
  assert.equal(label.firstChild!.textContent, "appointment_su…");
  assert.equal(label.querySelector("title")?.textContent, long);
  assert.equal(svg.querySelectorAll("rect").length, 3);
  assert.equal(svg.querySelectorAll(".missing-month").length, 3, "a table without rows is all gaps");
  assert.deepEqual([...coverageLegend("sv", document).querySelectorAll(".chart-legend-item")].map((x) => x.textContent!.trim()), ["■ rader", "× inga rader"]);
});
