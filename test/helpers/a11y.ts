// Helpers of the accessibility browser test: build the site once into its own
// folder, wait for a Framework page to finish rendering, run axe-core in it,
// and describe the focused element's focus indicator.
import { spawn } from "node:child_process";
import { join } from "node:path";
import type { Page } from "playwright-core";
import { PROJECT_ROOT } from "../../loaders/indicators/catalogue.ts";

export const AXE_PATH = join(PROJECT_ROOT, "node_modules", "axe-core", "axe.min.js");
export const AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"];

/** Builds the site from an extract into `out`, or dist/ (scripts/build.ts; builds take turns through its lock). */
export function buildSite(extractDir: string, out?: string): Promise<void> {
  return new Promise<void>((resolve, reject) => {
    const child = spawn(process.execPath, ["--import", "tsx", "scripts/build.ts", ...(out ? ["--out", out] : [])], {
      cwd: PROJECT_ROOT,
      env: { ...process.env, EXTRACT_DIR: extractDir },
      stdio: ["ignore", "ignore", "pipe"],
    });
    let stderr = "";
    child.stderr.on("data", (d) => (stderr = (stderr + d).slice(-4000)));
    child.on("error", reject);
    child.on("close", (code) => (code === 0 ? resolve() : reject(new Error(`build failed (${code}):\n${stderr}`))));
  });
}

/** Framework renders cells asynchronously, one after another: wait until nothing is pending and the page stays the same for a moment. */
export async function settle(page: Page, timeout = 20_000): Promise<void> {
  let last = "";
  let stable = 0;
  for (const deadline = Date.now() + timeout; Date.now() < deadline && stable < 2; ) {
    await page.waitForTimeout(100);
    const state = await page.evaluate(() => `${document.querySelectorAll("observablehq-loading").length}|${document.getElementsByTagName("*").length}|${location.search}`);
    stable = state === last && state.startsWith("0|") ? stable + 1 : 0;
    last = state;
  }
}

export interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: string[];
}

/**
 * Runs axe-core (WCAG 2.0/2.1 A and AA rules) on the page; the violations,
 * each with up to five offending nodes. Content hidden with the hidden
 * attribute (the other languages of a page written in all three) is left out:
 * nobody can see or hear it, and it is checked when its language is shown.
 */
export async function runAxe(page: Page): Promise<AxeViolation[]> {
  if (!(await page.evaluate(() => "axe" in window))) await page.addScriptTag({ path: AXE_PATH });
  return page.evaluate(async (tags) => {
    // @ts-expect-error axe is the global the injected script defines
    const result = await window.axe.run({ exclude: [["[hidden]"]] }, { runOnly: { type: "tag", values: tags }, resultTypes: ["violations"] });
    return result.violations.map((v: { id: string; impact: string | null; help: string; nodes: { target: string[]; failureSummary?: string }[] }) => ({
      id: v.id,
      impact: v.impact,
      help: v.help,
      nodes: v.nodes.slice(0, 5).map((n) => `${n.target.join(" ")} — ${(n.failureSummary ?? "").replace(/\s+/g, " ").slice(0, 240)}`),
    }));
  }, AXE_TAGS);
}

export interface FocusInfo {
  tag: string;
  id: string;
  text: string;
  inLanguageSwitch: boolean;
  language: string | null;
  type: string | null;
  outlineStyle: string;
  outlineWidth: number;
  boxShadow: string;
}

/** The focused element and its focus indicator (computed outline and box-shadow). */
export function focused(page: Page): Promise<FocusInfo | null> {
  return page.evaluate(() => {
    const el = document.activeElement as HTMLElement | null;
    if (!el || el === document.body) return null;
    const style = getComputedStyle(el);
    return {
      tag: el.tagName.toLowerCase(),
      id: el.id,
      text: (el.textContent ?? "").trim().slice(0, 60),
      inLanguageSwitch: !!el.closest("#language-switch"),
      language: el.getAttribute("data-language"),
      type: el.getAttribute("type"),
      outlineStyle: style.outlineStyle,
      outlineWidth: parseFloat(style.outlineWidth) || 0,
      boxShadow: style.boxShadow,
    };
  });
}

/** Whether a focus indicator shows: an outline of at least 2 px, or a box-shadow. */
export function focusVisible(f: FocusInfo | null): boolean {
  return !!f && ((f.outlineStyle !== "none" && f.outlineWidth >= 2) || (f.boxShadow !== "none" && f.boxShadow !== ""));
}

/** Presses Tab until `match` holds for the focused element (at most `max` times); the element's info, or null. */
export async function tabTo(page: Page, match: (f: FocusInfo) => boolean, max = 80): Promise<FocusInfo | null> {
  for (let i = 0; i < max; i++) {
    await page.keyboard.press("Tab");
    const f = await focused(page);
    if (f && match(f)) return f;
  }
  return null;
}
