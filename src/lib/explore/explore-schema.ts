// The tables the explore page loads into DuckDB-WASM, with each column's SQL
// type and meaning in fi, sv and en: the page lists them, and
// explore-tables.ts creates the tables from them, so the list cannot drift
// from what a query sees. `indicators` is the indicator export
// (docs/indicators.md, "The indicator export") with SQL types: withheld and
// absent numbers are NULL, `suppressed` a boolean.
import type { Lang } from "../format.js";

export type ExploreType = "VARCHAR" | "DOUBLE" | "BOOLEAN";
export type Localized = Record<Lang, string>;

export interface ExploreColumn {
  name: string;
  type: ExploreType;
  meaning: Localized;
}

export interface ExploreTable {
  name: "indicators" | "units" | "catalogue";
  meaning: Localized;
  columns: readonly ExploreColumn[];
}

const col = (name: string, type: ExploreType, fi: string, sv: string, en: string): ExploreColumn => ({ name, type, meaning: { fi, sv, en } });

// Each table's column list repeats one shape, col(name, type, fi, sv, en), on purpose: it is data.
export const INDICATORS_TABLE: ExploreTable = {
  name: "indicators",
  meaning: {
    fi: "Julkaistu indikaattoritaulukko, yksi rivi solua kohden (sama kuin ladattava vientitiedosto).",
    sv: "Den publicerade indikatortabellen, en rad per cell (samma som exportfilen).",
    en: "The published indicator table, one row per cell (the same as the export file).",
  },
  columns: [
    col("indicator_id", "VARCHAR", "Indikaattorin tunnus (catalogue.indicator_id).", "Indikatorns kod (catalogue.indicator_id).", "The indicator's id (catalogue.indicator_id)."),
    col("period_type", "VARCHAR", "Jakson tyyppi: month, quarter, half tai year.", "Periodtyp: month, quarter, half eller year.", "The period type: month, quarter, half or year."),
    col("period", "VARCHAR", "Jakso: 2021-08, 2021Q3, 2021H2 tai 2021.", "Perioden: 2021-08, 2021Q3, 2021H2 eller 2021.", "The period: 2021-08, 2021Q3, 2021H2 or 2021."),
    col("unit_id", "VARCHAR", "Yksikön tunnus (units.unit_id), ALL koko kaupungille, area:<alue> alueelle ja model:<toimintamalli> toimintamallille (sen yksiköiden yhteinen luku).", "Enhetens kod (units.unit_id), ALL för hela staden, area:<område> för ett område och model:<verksamhetsmodell> för en verksamhetsmodell (dess enheter tillsammans).", "A unit's id (units.unit_id), ALL for the whole city, area:<area> for an area and model:<operating_model> for an operating model (its units together)."),
    col("breakdown", "VARCHAR", "Jaottelu: profession, question_code, channel tai age_band; ALL kokonaisrivillä ja indikaattorilla, jota ei jaotella.", "Indelning: profession, question_code, channel eller age_band; ALL på en totalrad och för en indikator utan indelning.", "The breakdown: profession, question_code, channel or age_band; ALL on a total row and for an indicator without a breakdown."),
    col("breakdown_value", "VARCHAR", "Jaottelun koodi; ALL kokonaisrivillä.", "En kod i indelningen; ALL på en totalrad.", "A code of that breakdown; ALL on a total row."),
    col("numerator", "DOUBLE", "Osoittaja; NULL, jos indikaattorilla ei ole osoittajaa tai solu on piilotettu.", "Täljaren; NULL om indikatorn saknar täljare eller cellen är dold.", "The numerator; NULL where the indicator has none or the cell is withheld."),
    col("denominator", "DOUBLE", "Nimittäjä; NULL, jos indikaattorilla ei ole nimittäjää tai solu on piilotettu.", "Nämnaren; NULL om indikatorn saknar nämnare eller cellen är dold.", "The denominator; NULL where the indicator has none or the cell is withheld."),
    col("value", "DOUBLE", "Arvo: osuus murtolukuna 0–1 (tällä sivulla prosentteina), NPS −100…100, keskiarvo tai suhdeluku; NULL, jos solu on piilotettu.", "Värdet: en andel som bråk 0–1 (på denna sida i procent), NPS −100…100, ett medelvärde eller en kvot; NULL om cellen är dold.", "The value: a share as a fraction 0–1 (shown as % on this page), an NPS −100…100, a mean or a rate; NULL where the cell is withheld."),
    col("suppressed", "BOOLEAN", "true, jos solu on piilotettu tietosuojan vuoksi (arvo, osoittaja ja nimittäjä ovat silloin NULL).", "true om cellen är dold av dataskyddsskäl (värde, täljare och nämnare är då NULL).", "true when the cell is withheld for privacy (value, numerator and denominator are then NULL)."),
  ],
};

export const UNITS_TABLE: ExploreTable = {
  name: "units",
  meaning: { fi: "Yksiköt.", sv: "Enheterna.", en: "The units." },
  columns: [
    col("unit_id", "VARCHAR", "Yksikön tunnus.", "Enhetens kod.", "The unit's id."),
    col("unit_name_fi", "VARCHAR", "Yksikön nimi suomeksi.", "Enhetens namn på finska.", "The unit's name in Finnish."),
    col("unit_name_sv", "VARCHAR", "Yksikön nimi ruotsiksi; NULL, jos sitä ei ole.", "Enhetens namn på svenska; NULL om det saknas.", "The unit's name in Swedish; NULL where it has none."),
    col("operating_model", "VARCHAR", "Toimintamalli: THK (terveys- ja hyvinvointikeskus), PERHEKESKUS tai SENIORIKESKUS.", "Verksamhetsmodell: THK (hälso- och välfärdscentral), PERHEKESKUS (familjecentral) eller SENIORIKESKUS (seniorcentral).", "The operating model: THK (health and wellbeing centre), PERHEKESKUS (family centre) or SENIORIKESKUS (senior centre)."),
    col("service_area", "VARCHAR", "Palvelualue, esim. TERVEYSASEMA, NEUVOLA, KOTIHOITO.", "Serviceområde, t.ex. TERVEYSASEMA, NEUVOLA, KOTIHOITO.", "The service area, e.g. TERVEYSASEMA, NEUVOLA, KOTIHOITO."),
    col("area", "VARCHAR", "Alue: ITA, POHJOINEN, ETELA, LANSI, KESKI tai KOILLINEN.", "Område: ITA, POHJOINEN, ETELA, LANSI, KESKI eller KOILLINEN.", "The area: ITA, POHJOINEN, ETELA, LANSI, KESKI or KOILLINEN."),
  ],
};

export const CATALOGUE_TABLE: ExploreTable = {
  name: "catalogue",
  meaning: { fi: "Indikaattoriluettelo.", sv: "Indikatorkatalogen.", en: "The indicator catalogue." },
  columns: [
    col("indicator_id", "VARCHAR", "Indikaattorin tunnus.", "Indikatorns kod.", "The indicator's id."),
    col("name_fi", "VARCHAR", "Nimi suomeksi.", "Namnet på finska.", "The name in Finnish."),
    col("name_sv", "VARCHAR", "Nimi ruotsiksi.", "Namnet på svenska.", "The name in Swedish."),
    col("name_en", "VARCHAR", "Nimi englanniksi.", "Namnet på engelska.", "The name in English."),
    col("dimension", "VARCHAR", "Ulottuvuus: HENKILOSTOKOKEMUS, TUOTTAVUUS, ASIAKASKOKEMUS tai SAATAVUUS_VAIKUTTAVUUS.", "Dimension: HENKILOSTOKOKEMUS, TUOTTAVUUS, ASIAKASKOKEMUS eller SAATAVUUS_VAIKUTTAVUUS.", "The dimension: HENKILOSTOKOKEMUS, TUOTTAVUUS, ASIAKASKOKEMUS or SAATAVUUS_VAIKUTTAVUUS."),
    col("unit", "VARCHAR", "Mittayksikkö: share (osuus 0–1), nps, mean_1_5, mean_0_10, count, days, eur, days_per_person_year, per_100_person_years tai visits_per_person_year.", "Måttenhet: share (andel 0–1), nps, mean_1_5, mean_0_10, count, days, eur, days_per_person_year, per_100_person_years eller visits_per_person_year.", "The unit of measure: share (a fraction 0–1), nps, mean_1_5, mean_0_10, count, days, eur, days_per_person_year, per_100_person_years or visits_per_person_year."),
    col("direction", "VARCHAR", "Parempaan suuntaan: higher tai lower; NULL, jos suuntaa ei ole.", "Bättre riktning: higher eller lower; NULL om riktning saknas.", "The better direction: higher or lower; NULL where there is none."),
    col("breakdown", "VARCHAR", "Jaottelu: profession, question_code, channel tai age_band; NULL, jos indikaattoria ei jaotella.", "Indelning: profession, question_code, channel eller age_band; NULL för en indikator utan indelning.", "The breakdown: profession, question_code, channel or age_band; NULL for an indicator without a breakdown."),
  ],
};

/** Every table a query on the explore page can read, in the order the page lists them. */
export const EXPLORE_TABLES: readonly ExploreTable[] = [INDICATORS_TABLE, UNITS_TABLE, CATALOGUE_TABLE];
