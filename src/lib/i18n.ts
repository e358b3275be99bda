// The UI strings of the dashboard, one language at a time. Each language's
// strings, code labels and unit names are in their own file (i18n/fi.ts,
// sv.ts, en.ts; Finnish is the primary language and defines the keys). A page
// in the browser loads only its own language: its first cell awaits
// loadLanguage(lang), a literal dynamic import that Framework serves as a
// separate module, and t() reads what is registered. Node code (the build's
// config, the self-assessment documents, tests) registers all three at once
// by importing i18n/all.ts. Names of indicators, goals, areas and measures
// come from the catalogue and the programme model, which carry all three.

import type { Lang } from "./format.js";
import type { StringKey, Strings } from "./i18n/keys.js";

export type { Lang, StringKey, Strings };
export const LANGS: readonly Lang[] = ["fi", "sv", "en"];
export type Localized = { fi: string; sv?: string | null; en?: string | null };

/** One language: its UI strings, the names of codes and of units of measure. */
export interface LanguagePack {
  strings: Strings;
  codeLabels: Record<string, string>;
  unitNames: Record<string, string>;
}

const registry: Partial<Record<Lang, LanguagePack>> = {};
const loading: Partial<Record<Lang, Promise<Lang>>> = {};

/** Makes a language's strings available to t(), codeLabel() and unitOfMeasureName(). */
export function registerLanguage(lang: Lang, pack: LanguagePack): void {
  registry[lang] = pack;
}

/** Whether a language's strings are registered (loaded). */
export function isLanguageLoaded(lang: Lang): boolean {
  return registry[lang] !== undefined;
}

/**
 * Loads and registers one language's strings, once; resolves to the language.
 * Each import() names its file literally, so Framework copies the three files
 * as separate modules and a page fetches only the one it asks for.
 */
export function loadLanguage(lang: Lang): Promise<Lang> {
  if (registry[lang]) return Promise.resolve(lang);
  return (loading[lang] ??= (async () => {
    if (lang === "sv") {
      const m = await import("./i18n/sv.js");
      registerLanguage("sv", { strings: m.sv, codeLabels: m.codeLabels, unitNames: m.unitNames });
    } else if (lang === "en") {
      const m = await import("./i18n/en.js");
      registerLanguage("en", { strings: m.en, codeLabels: m.codeLabels, unitNames: m.unitNames });
    } else {
      const m = await import("./i18n/fi.js");
      registerLanguage("fi", { strings: m.fi, codeLabels: m.codeLabels, unitNames: m.unitNames });
    }
    return lang;
  })());
}

/** The registered pack of a language; a page that forgot to await loadLanguage fails loudly rather than showing keys. */
function pack(lang: Lang): LanguagePack {
  const p = registry[lang];
  if (!p) throw new Error(`i18n: the ${lang} strings are not loaded (await loadLanguage("${lang}") first, or import i18n/all.ts in Node)`);
  return p;
}

/** The page's language: `?lang=sv` or `?lang=en` in the address, else Finnish. */
export function currentLang(search: string = typeof location === "undefined" ? "" : location.search): Lang {
  const lang = new URLSearchParams(search).get("lang");
  return lang === "sv" || lang === "en" ? lang : "fi";
}

/** A UI string with {placeholders} filled in. */
export function t(lang: Lang, key: StringKey, values: Record<string, string | number> = {}): string {
  const template = pack(lang).strings[key];
  return template.replace(/\{(\w+)\}/g, (m, name: string) => (name in values ? String(values[name]) : m));
}

/** Whether `key` is a UI string (the site script checks the keys it finds in the HTML). */
export function isStringKey(lang: Lang, key: string): key is StringKey {
  return Object.hasOwn(pack(lang).strings, key);
}

/** A name from the catalogue or programme model in the language, falling back to Finnish. */
export function localized(text: Localized | null | undefined, lang: Lang): string {
  if (!text) return "";
  return (lang !== "fi" && text[lang]) || text.fi;
}

/** The name of a code (profession, channel, question, service area…), or the code itself. */
export function codeLabel(code: string, lang: Lang): string {
  return pack(lang).codeLabels[code] ?? code;
}

/** The name of a catalogue unit of measure ("share" → "osuus (%)"), for the methods page. */
export function unitOfMeasureName(unit: string, lang: Lang): string {
  return pack(lang).unitNames[unit] ?? unit;
}

/** The language switch's link texts, each in its own language (marked with lang= where shown). */
export const LANGUAGE_NAMES: Record<Lang, string> = { fi: "Suomeksi", sv: "På svenska", en: "In English" };
