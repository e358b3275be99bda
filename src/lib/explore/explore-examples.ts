// Example queries of the explore page: a click fills the editor and runs
// one. They read only the tables of explore-schema.ts, and each one that
// shows `value` also selects `indicator_id` and `suppressed`, so shares read
// as percentages and withheld cells as ".." (explore-result.ts).
import type { Lang } from "../format.js";
import type { Localized } from "./explore-schema.js";

export interface ExploreExample {
  id: string;
  title: Localized;
  /** The SQL in the page's language: names in that language, a comment saying what it shows. */
  sql: (lang: Lang) => string;
}

/** The unit's name in the language (units have Finnish and Swedish names; English reads the Finnish one). */
const unitName = (lang: Lang) => (lang === "sv" ? "coalesce(u.unit_name_sv, u.unit_name_fi)" : "u.unit_name_fi");

export const EXPLORE_EXAMPLES: readonly ExploreExample[] = [
  {
    id: "city-yearly",
    title: {
      fi: "Koko kaupungin vuosiarvot indikaattoreittain",
      sv: "Hela stadens årsvärden per indikator",
      en: "The whole city's yearly values by indicator",
    },
    sql: (lang) => `SELECT i.indicator_id, c.name_${lang} AS name, i.period, i.value, i.suppressed
FROM indicators i JOIN catalogue c USING (indicator_id)
WHERE i.period_type = 'year' AND i.unit_id = 'ALL' AND i.breakdown_value = 'ALL'
ORDER BY c.dimension, i.indicator_id, i.period`,
  },
  {
    id: "first-contact-by-area",
    title: {
      fi: "Kiireettömät yhteydenotot ratkaistu ensikontaktissa alueittain, viimeisin vuosineljännes",
      sv: "Icke-brådskande kontakter lösta vid första kontakten per område, senaste kvartalet",
      en: "Non-urgent contacts resolved at first contact by area, latest quarter",
    },
    sql: (lang) => `-- ${{
      fi: "Alueen osuus sen yksiköiden julkaistuista luvuista; NULL, jos jokin alueen yksikkö on piilotettu (summa jäisi vajaaksi).",
      sv: "Områdets andel ur enheternas publicerade siffror; NULL om någon enhet i området är dold (summan vore ofullständig).",
      en: "An area's share from its units' published figures; NULL when a unit of the area is withheld (the sum would be incomplete).",
    }[lang]}
WITH latest AS (
  SELECT max(period) AS period FROM indicators
  WHERE indicator_id = 'ACC_FIRST_CONTACT' AND period_type = 'quarter'
)
SELECT u.area, i.indicator_id, i.period,
  count(*) AS units,
  count(*) FILTER (WHERE i.suppressed) AS withheld_units,
  CASE WHEN bool_and(NOT i.suppressed) THEN sum(i.numerator) / sum(i.denominator) END AS value
FROM indicators i
JOIN units u USING (unit_id)
JOIN latest USING (period)
WHERE i.indicator_id = 'ACC_FIRST_CONTACT' AND i.period_type = 'quarter' AND i.breakdown_value = 'ALL'
GROUP BY u.area, i.indicator_id, i.period
ORDER BY u.area`,
  },
  {
    id: "withheld-units",
    title: {
      fi: "Yksiköt, joiden arvo on piilotettu, viimeisin vuosi",
      sv: "Enheter vars värde är dolt, senaste året",
      en: "Units whose value is withheld, latest year",
    },
    sql: (lang) => `WITH latest AS (SELECT max(period) AS period FROM indicators WHERE period_type = 'year')
SELECT i.indicator_id, i.period, i.unit_id, ${unitName(lang)} AS unit_name, i.value, i.suppressed
FROM indicators i
JOIN units u USING (unit_id)
JOIN latest USING (period)
WHERE i.suppressed AND i.period_type = 'year' AND i.breakdown_value = 'ALL'
ORDER BY i.indicator_id, i.unit_id`,
  },
  {
    id: "visit-by-profession",
    title: {
      fi: "Käynnit 0–7 päivässä hoidon tarpeen arvioinnista ammattiryhmittäin, vuosittain (koko kaupunki)",
      sv: "Besök inom 0–7 dagar från vårdbedömningen per yrkesgrupp, per år (hela staden)",
      en: "Visits within 0–7 days of the care-need assessment by profession, per year (whole city)",
    },
    sql: () => `SELECT i.indicator_id, i.breakdown_value AS profession, i.period,
  i.numerator, i.denominator, i.value, i.suppressed
FROM indicators i
WHERE i.indicator_id = 'ACC_VISIT_0_7D' AND i.period_type = 'year' AND i.unit_id = 'ALL'
ORDER BY i.breakdown_value <> 'ALL', i.breakdown_value, i.period`,
  },
];
