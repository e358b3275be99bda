// All three languages at once, registered for t(), codeLabel() and
// unitOfMeasureName(): for Node (the build's config, the self-assessment
// documents, tests), which need every language synchronously. Never imported
// by a page: the browser loads its one language with loadLanguage().

import { registerLanguage, type Lang, type LanguagePack, type Strings } from "../i18n.js";
import * as fi from "./fi.js";
import * as sv from "./sv.js";
import * as en from "./en.js";

export const LANGUAGE_PACKS: Record<Lang, LanguagePack> = {
  fi: { strings: fi.fi, codeLabels: fi.codeLabels, unitNames: fi.unitNames },
  sv: { strings: sv.sv, codeLabels: sv.codeLabels, unitNames: sv.unitNames },
  en: { strings: en.en, codeLabels: en.codeLabels, unitNames: en.unitNames },
};
for (const lang of ["fi", "sv", "en"] as const) registerLanguage(lang, LANGUAGE_PACKS[lang]);

/** Every UI string, by language. */
export const STRINGS: Record<Lang, Strings> = { fi: fi.fi, sv: sv.sv, en: en.en };
/** The names of codes, by language. */
export const CODE_LABELS: Record<Lang, Record<string, string>> = { fi: fi.codeLabels, sv: sv.codeLabels, en: en.codeLabels };
/** The names of units of measure, by language. */
export const UNIT_NAMES: Record<Lang, Record<string, string>> = { fi: fi.unitNames, sv: sv.unitNames, en: en.unitNames };
