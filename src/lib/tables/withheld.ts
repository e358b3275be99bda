// The one mark of a withheld (privacy-suppressed) figure, "..", as a page
// shows it: its legend, and the figure itself, read out in words
// ("piilotettu tietosuojan vuoksi") rather than as the bare mark.
import { WITHHELD_MARK, type Lang } from "../format.js";
import { t } from "../i18n.js";

/** How a withheld figure is read out: "piilotettu tietosuojan vuoksi" (never "alle 5": a partner cell may be large). */
export function spokenSuppressed(lang: Lang): string {
  return t(lang, "suppressedSpoken");
}

/** The legend of the withheld mark: ".. Piilotettu tietosuojan vuoksi: solussa on alle kynnysarvon …". */
export function withheldLegend(lang: Lang): string {
  return `${WITHHELD_MARK} ${t(lang, "suppressedLegend")}`;
}

/** The legend as a small paragraph (class "withheld-legend"), for below a table or a chart. */
export function withheldLegendNote(lang: Lang, doc: Document = document, tag = "p"): HTMLElement {
  const el = doc.createElement(tag);
  el.className = "withheld-legend muted small";
  el.textContent = withheldLegend(lang);
  return el;
}

/** Fills `el` with a withheld figure: ".." on screen, its meaning in its title and, in words, for a screen reader. */
export function withheldFigure<E extends HTMLElement>(el: E, lang: Lang, doc: Document = document): E {
  el.title = t(lang, "suppressedLegend");
  const shown = doc.createElement("span");
  shown.setAttribute("aria-hidden", "true");
  shown.textContent = WITHHELD_MARK;
  const spoken = doc.createElement("span");
  spoken.className = "visually-hidden";
  spoken.textContent = spokenSuppressed(lang);
  el.append(shown, spoken);
  return el;
}
