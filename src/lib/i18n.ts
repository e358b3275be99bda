// Every UI string of the dashboard, keyed by language. Finnish is the primary
// language; Swedish and English follow the same keys (the type makes a missing
// key a compile error). Names of indicators, goals, areas and measures come
// from the catalogue and the programme model, which carry all three.

import type { Lang } from "./format.js";

export type { Lang };
export const LANGS: readonly Lang[] = ["fi", "sv", "en"];
export type Localized = { fi: string; sv?: string | null; en?: string | null };

import { fi } from "./i18n/fi.js";
import { sv } from "./i18n/sv.js";
import { en } from "./i18n/en.js";
import type { StringKey, Strings } from "./i18n/keys.js";

export type { StringKey, Strings };

export const STRINGS: Record<Lang, Strings> = { fi, sv, en };

/** Names of the codes that appear as breakdown values, areas and service areas. */
export const CODE_LABELS: Record<Lang, Record<string, string>> = {
  fi: {
    LAAKARI: "Lääkäri", HOITAJA: "Hoitaja", FYSIOTERAPEUTTI: "Fysioterapeutti", TOIMINTATERAPEUTTI: "Toimintaterapeutti",
    FYSIO_TOIMINTA: "Fysio- ja toimintaterapeutti", HAMMASLAAKARI: "Hammaslääkäri", SUUHYGIENISTI: "Suuhygienisti",
    HAMMASHOITAJA: "Hammashoitaja", PSYKOLOGI: "Psykologi", SOSIAALITYONTEKIJA: "Sosiaalityöntekijä", SOSIAALIOHJAAJA: "Sosiaaliohjaaja", MUU: "Muu",
    PIKAPALAUTE: "Pikapalaute", KYSELY: "Kysely", SMS: "Tekstiviesti", MAISA: "Maisa",
    SUJUVA_PALVELU: "Palvelu oli sujuvaa", SELKEAT_OHJEET: "Sain selkeät ohjeet", SUJUVA_ILMOITTAUTUMINEN: "Ilmoittautuminen oli sujuvaa",
    SAIN_TARVITSEMANI: "Sain tarvitsemani avun", TULIN_KUULLUKSI: "Tulin kuulluksi", ELAMANTILANNE: "Elämäntilanteeni huomioitiin",
    TIEDAN_ETENEMISEN: "Tiedän, miten asiani etenee", NPS: "Suositteluhalukkuus",
    TYON_MERKITYS: "Työn merkitys", VAIKUTUSMAHDOLLISUUDET: "Vaikutusmahdollisuudet", ESIHENKILOTYO: "Esihenkilötyö",
    KUORMITUS_HALLINNASSA: "Kuormitus hallinnassa", YHTEISTYO_YLI_RAJOJEN: "Yhteistyö yli rajojen",
    TERVEYSASEMA: "Terveysasema", SUUN_TERVEYDENHUOLTO: "Suun terveydenhuolto", PSYKIATRIA_PAIHDE: "Psykiatria- ja päihdepalvelut",
    AIKUISSOSIAALITYO: "Aikuissosiaalityö", NUORTEN_PALVELUT: "Nuorten palvelut", FYSIOTERAPIA: "Fysioterapia", VAMMAISPALVELUT: "Vammaispalvelut",
    NEUVOLA: "Neuvola", PERHETYO: "Perhetyö", KOTIHOITO: "Kotihoito", PALVELUKESKUS: "Palvelukeskus",
    PLANNING: "suunnittelussa", STARTED: "käynnistynyt", PROGRESSING: "etenee",
    higher: "suurempi on parempi", lower: "pienempi on parempi",
  },
  sv: {
    LAAKARI: "Läkare", HOITAJA: "Skötare", FYSIOTERAPEUTTI: "Fysioterapeut", TOIMINTATERAPEUTTI: "Ergoterapeut",
    FYSIO_TOIMINTA: "Fysio- och ergoterapeut", HAMMASLAAKARI: "Tandläkare", SUUHYGIENISTI: "Munhygienist",
    HAMMASHOITAJA: "Tandskötare", PSYKOLOGI: "Psykolog", SOSIAALITYONTEKIJA: "Socialarbetare", SOSIAALIOHJAAJA: "Socialhandledare", MUU: "Annan",
    PIKAPALAUTE: "Snabbrespons", KYSELY: "Enkät", SMS: "Sms", MAISA: "Maisa",
    SUJUVA_PALVELU: "Tjänsten var smidig", SELKEAT_OHJEET: "Jag fick tydliga anvisningar", SUJUVA_ILMOITTAUTUMINEN: "Anmälan var smidig",
    SAIN_TARVITSEMANI: "Jag fick den hjälp jag behövde", TULIN_KUULLUKSI: "Jag blev hörd", ELAMANTILANNE: "Min livssituation beaktades",
    TIEDAN_ETENEMISEN: "Jag vet hur mitt ärende framskrider", NPS: "Villighet att rekommendera",
    TYON_MERKITYS: "Arbetets mening", VAIKUTUSMAHDOLLISUUDET: "Möjligheter att påverka", ESIHENKILOTYO: "Chefsarbete",
    KUORMITUS_HALLINNASSA: "Belastningen under kontroll", YHTEISTYO_YLI_RAJOJEN: "Samarbete över gränserna",
    TERVEYSASEMA: "Hälsostation", SUUN_TERVEYDENHUOLTO: "Munhälsovård", PSYKIATRIA_PAIHDE: "Psykiatri- och missbrukartjänster",
    AIKUISSOSIAALITYO: "Socialt arbete för vuxna", NUORTEN_PALVELUT: "Ungdomstjänster", FYSIOTERAPIA: "Fysioterapi", VAMMAISPALVELUT: "Handikappservice",
    NEUVOLA: "Rådgivning", PERHETYO: "Familjearbete", KOTIHOITO: "Hemvård", PALVELUKESKUS: "Servicecentral",
    PLANNING: "planeras", STARTED: "har startat", PROGRESSING: "framskrider",
    higher: "högre är bättre", lower: "lägre är bättre",
  },
  en: {
    LAAKARI: "Doctor", HOITAJA: "Nurse", FYSIOTERAPEUTTI: "Physiotherapist", TOIMINTATERAPEUTTI: "Occupational therapist",
    FYSIO_TOIMINTA: "Physio- and occupational therapist", HAMMASLAAKARI: "Dentist", SUUHYGIENISTI: "Dental hygienist",
    HAMMASHOITAJA: "Dental nurse", PSYKOLOGI: "Psychologist", SOSIAALITYONTEKIJA: "Social worker", SOSIAALIOHJAAJA: "Social counsellor", MUU: "Other",
    PIKAPALAUTE: "Quick feedback", KYSELY: "Survey", SMS: "Text message", MAISA: "Maisa",
    SUJUVA_PALVELU: "The service was smooth", SELKEAT_OHJEET: "I got clear instructions", SUJUVA_ILMOITTAUTUMINEN: "Checking in was smooth",
    SAIN_TARVITSEMANI: "I got the help I needed", TULIN_KUULLUKSI: "I was heard", ELAMANTILANNE: "My life situation was taken into account",
    TIEDAN_ETENEMISEN: "I know how my matter proceeds", NPS: "Willingness to recommend",
    TYON_MERKITYS: "Meaningful work", VAIKUTUSMAHDOLLISUUDET: "Influence", ESIHENKILOTYO: "Management",
    KUORMITUS_HALLINNASSA: "Workload under control", YHTEISTYO_YLI_RAJOJEN: "Cooperation across boundaries",
    TERVEYSASEMA: "Health station", SUUN_TERVEYDENHUOLTO: "Oral care", PSYKIATRIA_PAIHDE: "Mental-health and substance services",
    AIKUISSOSIAALITYO: "Adult social work", NUORTEN_PALVELUT: "Youth services", FYSIOTERAPIA: "Physiotherapy", VAMMAISPALVELUT: "Disability services",
    NEUVOLA: "Child health clinic", PERHETYO: "Family work", KOTIHOITO: "Home care", PALVELUKESKUS: "Service centre",
    PLANNING: "planning", STARTED: "started", PROGRESSING: "progressing",
    higher: "higher is better", lower: "lower is better",
  },
};

/** The page's language: `?lang=sv` or `?lang=en` in the address, else Finnish. */
export function currentLang(search: string = typeof location === "undefined" ? "" : location.search): Lang {
  const lang = new URLSearchParams(search).get("lang");
  return lang === "sv" || lang === "en" ? lang : "fi";
}

/** A UI string with {placeholders} filled in. */
export function t(lang: Lang, key: StringKey, values: Record<string, string | number> = {}): string {
  const template = STRINGS[lang][key] ?? STRINGS.fi[key];
  return template.replace(/\{(\w+)\}/g, (m, name: string) => (name in values ? String(values[name]) : m));
}

/** A name from the catalogue or programme model in the language, falling back to Finnish. */
export function localized(text: Localized | null | undefined, lang: Lang): string {
  if (!text) return "";
  return (lang !== "fi" && text[lang]) || text.fi;
}

/** The name of a code (profession, channel, question, service area…), or the code itself. */
export function codeLabel(code: string, lang: Lang): string {
  return CODE_LABELS[lang][code] ?? CODE_LABELS.fi[code] ?? code;
}

/** Names of the catalogue's units of measure, for the methods page. */
export const UNIT_NAMES: Record<Lang, Record<string, string>> = {
  fi: {
    share: "osuus (%)", days: "vuorokautta", nps: "NPS-luku (−100…100)", mean_1_5: "keskiarvo asteikolla 1–5", mean_0_10: "keskiarvo asteikolla 0–10",
    count: "lukumäärä", days_per_person_year: "päivää henkilötyövuotta kohden", per_100_person_years: "sataa henkilötyövuotta kohden",
    visits_per_person_year: "käyntiä henkilötyövuotta kohden", eur: "euroa",
  },
  sv: {
    share: "andel (%)", days: "dygn", nps: "NPS-tal (−100…100)", mean_1_5: "medelvärde på skalan 1–5", mean_0_10: "medelvärde på skalan 0–10",
    count: "antal", days_per_person_year: "dagar per årsverke", per_100_person_years: "per hundra årsverken",
    visits_per_person_year: "besök per årsverke", eur: "euro",
  },
  en: {
    share: "share (%)", days: "days", nps: "NPS (−100…100)", mean_1_5: "mean on a 1–5 scale", mean_0_10: "mean on a 0–10 scale",
    count: "count", days_per_person_year: "days per person-year", per_100_person_years: "per 100 person-years",
    visits_per_person_year: "visits per person-year", eur: "euros",
  },
};

export function unitOfMeasureName(unit: string, lang: Lang): string {
  return UNIT_NAMES[lang][unit] ?? UNIT_NAMES.fi[unit] ?? unit;
}

/** The language switch's link texts, each in its own language (marked with lang= where shown). */
export const LANGUAGE_NAMES: Record<Lang, string> = { fi: "Suomeksi", sv: "På svenska", en: "In English" };

type NamedEntry = { id: string; name: Localized; shortName?: Localized | null };

/**
 * The sidebar's labels in Swedish and English, keyed by the Finnish label that
 * Framework writes into the static HTML (observablehq.config.ts builds the
 * navigation in Finnish; the site script translates it at load).
 */
export function navigationLabels(programme: { dimensions: NamedEntry[]; benefitGoals: NamedEntry[]; developmentAreas: NamedEntry[] }): Record<string, { sv: string; en: string }> {
  const labels: Record<string, { sv: string; en: string }> = {};
  const add = (fi: string, sv: string, en: string) => (labels[fi] = { sv, en });
  const key = (k: StringKey) => add(STRINGS.fi[k], STRINGS.sv[k], STRINGS.en[k]);
  for (const k of ["siteName", "overview", "dimensions", "benefitGoals", "developmentAreas", "units", "wholeShort", "comparison", "selfAssessment", "methods", "quality", "exploreNav", "accessibility"] as StringKey[]) key(k);
  for (const d of programme.dimensions) add(d.name.fi, localized(d.name, "sv"), localized(d.name, "en"));
  for (const g of programme.benefitGoals) {
    const short = g.shortName ?? g.name;
    add(`${g.id} ${short.fi}`, `${g.id} ${localized(short, "sv")}`, `${g.id} ${localized(short, "en")}`);
  }
  for (const a of programme.developmentAreas) add(`${a.id} ${a.name.fi}`, `${a.id} ${localized(a.name, "sv")}`, `${a.id} ${localized(a.name, "en")}`);
  return labels;
}
