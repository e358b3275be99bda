// A verdict from an XmR variation icon: the one mapping the statuses
// (statuses.ts) and the pages' slice reader (slices.ts) share. On its own so
// that reading a slice does not load the SPC and interval code.
import type { VariationIcon } from "./spc.js";

/** improving / worsening (a special cause by the direction), stable (common cause), changed (a special cause with no better direction). */
export type Verdict = "improving" | "worsening" | "stable" | "changed";

/** A verdict from a variation icon; null when not assessed. */
export function verdictOf(icon: VariationIcon | null): Verdict | null {
  if (icon === null) return null;
  if (icon.startsWith("improvement")) return "improving";
  if (icon.startsWith("concern")) return "worsening";
  if (icon.startsWith("neither")) return "changed";
  return "stable";
}
