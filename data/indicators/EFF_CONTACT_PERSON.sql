-- Anchor: the contact in core process PALJON_PALVELUJA (contact_ts; its unit); each client once per cell.
WITH facts AS (
  SELECT c.unit_id, date_trunc('month', c.contact_ts) AS month, c.client_id,
         coalesce(cl.contact_person_assigned, false) AS hit
  FROM contacts c JOIN clients cl USING (client_id)
  WHERE c.core_process = 'PALJON_PALVELUJA'
)
SELECT {{cell}}, count(DISTINCT client_id) FILTER (WHERE hit) AS numerator, count(DISTINCT client_id) AS denominator,
       numerator / denominator AS value, denominator AS n
FROM facts JOIN periods USING (month)
GROUP BY {{cells}}
