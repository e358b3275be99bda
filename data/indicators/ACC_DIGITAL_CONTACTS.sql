-- Anchor: the contact (contact_ts; its unit).
WITH facts AS (
  SELECT unit_id, date_trunc('month', contact_ts) AS month, channel IN ('CHAT', 'MAISA', 'OMAOLO') AS hit
  FROM contacts
)
SELECT {{cell}}, count(*) FILTER (WHERE hit) AS numerator, count(*) AS denominator,
       numerator / denominator AS value, denominator AS n
FROM facts JOIN periods USING (month)
GROUP BY {{cells}}
