// Fixes to the HTML that Framework 1.13 writes and cannot be configured:
//  - <html> gets lang="fi" (the site's default language; the site script
//    changes it to sv or en when that language is shown);
//  - the viewport no longer forbids zooming (maximum-scale=1 fails WCAG 1.4.4);
//  - the sidebar's close control (a <label>) moves out of the <ol> it sits in
//    (a list may only hold list items);
//  - the sidebar toggle's title is Finnish, like the rest of the static page.
import { readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";

export function fixHtml(html: string): string {
  return html
    .replace(/<html>/, '<html lang="fi">')
    .replace(/<meta name="viewport" content="[^"]*">/, '<meta name="viewport" content="width=device-width, initial-scale=1">')
    .replace(/(<nav id="observablehq-sidebar">\s*)<ol>(\s*)(<label id="observablehq-sidebar-close"[^>]*><\/label>)/, "$1$3$2<ol>")
    .replace(/(<input id="observablehq-sidebar-toggle" type="checkbox") title="Toggle sidebar">/, '$1 title="Näytä tai piilota valikko" aria-label="Näytä tai piilota valikko">');
}

/** Applies fixHtml to every .html file under dir; returns how many were changed. */
export function fixHtmlFiles(dir: string): number {
  let changed = 0;
  const walk = (d: string) => {
    for (const entry of readdirSync(d, { withFileTypes: true })) {
      const path = join(d, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (entry.name.endsWith(".html")) {
        const before = readFileSync(path, "utf8");
        const after = fixHtml(before);
        if (after !== before) {
          writeFileSync(path, after);
          changed++;
        }
      }
    }
  };
  walk(dir);
  return changed;
}
