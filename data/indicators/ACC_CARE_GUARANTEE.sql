-- Anchor: a contact's first realised non-urgent primary-care or oral-care visit (visit_start_ts; its
-- unit; ties to the smallest visit_id), when the contact has a care-need assessment: the visit the
-- guarantee's clock runs to. Only the first, so that the count is not the sum of ACC_VISIT_0_7D's and
-- ACC_ORAL_0_90D's (every visit), which would let one be worked out from the other two.
-- A hit: the visit's date is within the maximum wait of the care guarantee
-- (terveydenhuoltolaki 1326/2010, 51 a §) in force on the assessment's date for the client's age
-- band then. Age: the assessment date's calendar year − birth_year (only the birth year is known),
-- so a client counts as 23 from 1 January of the year they turn 23.
-- A limit is days or calendar months after the assessment date (31 October + 4 months = 28/29
-- February). Sources and what could be checked against a law text: docs/indicators.md#acc_care_guarantee.
WITH limits (kind, age_band, valid_from, valid_to, max_days, max_months) AS (
  VALUES
    -- Primary care (avosairaanhoito): 3 months; 14 days from 1.9.2023 (1201/2022, HE 74/2022);
    -- from 1.1.2025 back to 3 months for those aged 23 and over (HE 134/2024).
    ('PRIMARY', 'under23', DATE '1900-01-01', DATE '2023-08-31', NULL, 3),
    ('PRIMARY', '23plus',  DATE '1900-01-01', DATE '2023-08-31', NULL, 3),
    ('PRIMARY', 'under23', DATE '2023-09-01', DATE '9999-12-31', 14, NULL),
    ('PRIMARY', '23plus',  DATE '2023-09-01', DATE '2024-12-31', 14, NULL),
    ('PRIMARY', '23plus',  DATE '2025-01-01', DATE '9999-12-31', NULL, 3),
    -- Oral care: 6 months; 4 months from 1.9.2023; 3 months from 1.11.2024 (both 1201/2022);
    -- from 1.1.2025 back to 6 months for those aged 23 and over (HE 134/2024).
    ('ORAL', 'under23', DATE '1900-01-01', DATE '2023-08-31', NULL, 6),
    ('ORAL', '23plus',  DATE '1900-01-01', DATE '2023-08-31', NULL, 6),
    ('ORAL', 'under23', DATE '2023-09-01', DATE '2024-10-31', NULL, 4),
    ('ORAL', '23plus',  DATE '2023-09-01', DATE '2024-10-31', NULL, 4),
    ('ORAL', 'under23', DATE '2024-11-01', DATE '9999-12-31', NULL, 3),
    ('ORAL', '23plus',  DATE '2024-11-01', DATE '2024-12-31', NULL, 3),
    ('ORAL', '23plus',  DATE '2025-01-01', DATE '9999-12-31', NULL, 6)
),
first_visit AS (
  SELECT v.contact_id, v.unit_id, v.visit_start_ts, v.profession,
         row_number() OVER (PARTITION BY v.contact_id ORDER BY v.visit_start_ts, v.visit_id) AS visit_order
  FROM realised_visits v
  WHERE v.urgency = 'KIIREETON' AND v.contact_id IS NOT NULL
    AND v.profession IN ('LAAKARI', 'HOITAJA', 'FYSIOTERAPEUTTI', 'TOIMINTATERAPEUTTI', 'HAMMASLAAKARI', 'SUUHYGIENISTI', 'HAMMASHOITAJA')
),
qualifying AS (
  SELECT v.unit_id, CAST(v.visit_start_ts AS DATE) AS visit_date, CAST(c.need_assessment_ts AS DATE) AS assessed_on,
         CASE WHEN v.profession IN ('HAMMASLAAKARI', 'SUUHYGIENISTI', 'HAMMASHOITAJA') THEN 'ORAL' ELSE 'PRIMARY' END AS kind,
         CASE WHEN EXTRACT(YEAR FROM c.need_assessment_ts) - cl.birth_year >= 23 THEN '23plus' ELSE 'under23' END AS age_band
  FROM first_visit v
  JOIN contacts c ON c.contact_id = v.contact_id
  JOIN clients cl ON cl.client_id = c.client_id
  WHERE v.visit_order = 1 AND c.need_assessment_ts IS NOT NULL
),
facts AS (
  SELECT q.unit_id, date_trunc('month', q.visit_date) AS month, q.age_band AS breakdown_value,
         q.visit_date <= CASE WHEN l.max_days IS NOT NULL THEN q.assessed_on + l.max_days * INTERVAL '1' DAY
                              ELSE q.assessed_on + l.max_months * INTERVAL '1' MONTH END AS hit
  FROM qualifying q
  JOIN limits l ON l.kind = q.kind AND l.age_band = q.age_band AND q.assessed_on BETWEEN l.valid_from AND l.valid_to
)
-- The share of facts that are hits (_common.sql).
SELECT * FROM {{share_per_month(facts)}} AS share
