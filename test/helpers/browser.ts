// Debian's Chromium driven by playwright-core, with the flags this closed
// network needs; records console errors, failed and off-origin requests.
import { execFileSync } from "node:child_process";
import { chromium, type Browser, type Page } from "playwright-core";

export function chromiumPath(): string {
  return execFileSync("sh", ["-c", "command -v chromium || command -v chromium-browser"], { encoding: "utf8" }).trim();
}

export async function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: chromiumPath(),
    args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
  });
}

export interface PageProblems {
  consoleErrors: string[];
  failedRequests: string[];
  offOrigin: string[];
}

/** Watches a page for console errors, failed requests and requests to another origin. */
export function watchPage(page: Page, origin: string): PageProblems {
  const problems: PageProblems = { consoleErrors: [], failedRequests: [], offOrigin: [] };
  page.on("console", (m) => {
    if (m.type() === "error") problems.consoleErrors.push(m.text());
  });
  page.on("pageerror", (e) => problems.consoleErrors.push(String(e)));
  page.on("requestfailed", (r) => problems.failedRequests.push(`${r.url()} ${r.failure()?.errorText ?? ""}`));
  page.on("response", (r) => {
    if (r.status() >= 400) problems.failedRequests.push(`${r.url()} ${r.status()}`);
  });
  page.on("request", (r) => {
    const url = r.url();
    if (!url.startsWith(origin) && !url.startsWith("data:") && !url.startsWith("blob:")) problems.offOrigin.push(url);
  });
  return problems;
}
