-- Anchor: the contact in core process PALJON_PALVELUJA (contact_ts; its unit); each client once per cell.
-- A client's months with such a contact in a year are bits (period_months).
WITH contact_months AS (
  SELECT year(contact_ts) AS year, unit_id, client_id, bit_or(1 << (month(contact_ts) - 1)) AS months
  FROM contacts WHERE core_process = 'PALJON_PALVELUJA' GROUP BY ALL
),
client_units AS (
  SELECT * FROM contact_months UNION ALL SELECT year, 'ALL', client_id, bit_or(months) FROM contact_months GROUP BY year, client_id
)
SELECT p.period_type, p.period, m.unit_id, 'ALL' AS breakdown_value,
       count(*) FILTER (WHERE coalesce(cl.contact_person_assigned, false)) AS numerator, count(*) AS denominator,
       numerator / denominator AS value, denominator AS n
FROM client_units m JOIN clients cl USING (client_id) JOIN period_months p USING (year)
WHERE m.months & p.months <> 0
GROUP BY p.period_type, p.period, m.unit_id
