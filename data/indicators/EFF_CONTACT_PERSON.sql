-- Anchor: the contact in core process PALJON_PALVELUJA (contact_ts; its unit); each client once per cell.
WITH facts AS (
  SELECT c.unit_id, CAST(date_trunc('month', c.contact_ts) AS DATE) AS month, c.client_id,
         coalesce(cl.contact_person_assigned, false) AS hit
  FROM contacts c JOIN clients cl USING (client_id)
  WHERE c.core_process = 'PALJON_PALVELUJA'
),
assigned AS (SELECT * FROM facts WHERE hit)
SELECT period_type, period, unit_id, breakdown_value, coalesce(a.n, 0) AS numerator, c.n AS denominator,
       CAST(coalesce(a.n, 0) AS DOUBLE PRECISION) / c.n AS value, c.n AS n
FROM {{distinct_cells(facts, client_id)}} c
LEFT JOIN {{distinct_cells(assigned, client_id)}} a USING (period_type, period, unit_id, breakdown_value)
