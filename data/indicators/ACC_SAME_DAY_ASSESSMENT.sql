-- Anchor: the contact (contact_ts; its unit) at a health station or oral-care unit whose care need
-- was assessed (need_assessment_ts recorded). A hit: assessed on the contact's date if it came on a
-- weekday before 16:00 (office hours), else by the next weekday (terveydenhuoltolaki 51 a §: on the
-- same working day, for contacts in office hours on working days, from 1.9.2023). Public holidays
-- are not in the extract, so a weekday holiday counts as a working day. (EXTRACT(ISODOW …),
-- 1 = Monday … 7 = Sunday, is not standard SQL; PostgreSQL and DuckDB have it.)
WITH facts AS (
  SELECT c.unit_id, date_trunc('month', c.contact_ts) AS month,
         CAST(c.need_assessment_ts AS DATE) <= CAST(c.contact_ts AS DATE)
           + CASE WHEN EXTRACT(ISODOW FROM c.contact_ts) = 6 THEN 2
                  WHEN EXTRACT(ISODOW FROM c.contact_ts) = 7 THEN 1
                  WHEN EXTRACT(HOUR FROM c.contact_ts) < 16 THEN 0
                  WHEN EXTRACT(ISODOW FROM c.contact_ts) = 5 THEN 3
                  ELSE 1 END * INTERVAL '1' DAY AS hit
  FROM contacts c JOIN units u USING (unit_id)
  WHERE c.need_assessment_ts IS NOT NULL AND u.service_area IN ('TERVEYSASEMA', 'SUUN_TERVEYDENHUOLTO')
)
-- The share of facts that are hits (_common.sql).
SELECT * FROM {{share_per_month(facts)}} AS share
