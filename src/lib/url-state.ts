// Shareable page state in the address: controls read their first value from
// URLSearchParams and write changes back with history.replaceState (no new
// history entry, no reload), keeping any other parameters as they are, and
// announce it with a "urlstatechange" event on window (the language switch
// listens, so switching the language keeps the page's state).

export function getParam(name: string, search: string = typeof location === "undefined" ? "" : location.search): string | null {
  return new URLSearchParams(search).get(name);
}

/** Sets (or with null/undefined/"" removes) parameters in the address bar. */
export function setParams(values: Record<string, string | null | undefined>): void {
  if (typeof location === "undefined" || typeof history === "undefined") return;
  const params = new URLSearchParams(location.search);
  for (const [k, v] of Object.entries(values)) {
    if (v === null || v === undefined || v === "") params.delete(k);
    else params.set(k, v);
  }
  const query = params.toString();
  const url = `${location.pathname}${query ? `?${query}` : ""}${location.hash}`;
  if (url !== `${location.pathname}${location.search}${location.hash}`) {
    history.replaceState(history.state, "", url);
    if (typeof window !== "undefined" && typeof Event === "function") window.dispatchEvent(new Event("urlstatechange"));
  }
}

/** The value from the address if it is one of the allowed values, else the fallback. */
export function pickParam<T extends string>(name: string, allowed: readonly T[], fallback: T, search?: string): T {
  const v = getParam(name, search);
  return v !== null && (allowed as readonly string[]).includes(v) ? (v as T) : fallback;
}
