-- Anchor: the realised visit (visit_start_ts; its unit) of a client aged 18+ (year − birth_year).
-- Per unit an AUDIT-C of the same unit counts; in an area, an operating model and ALL one of any of
-- their units. Each client once per cell.
-- One row per year, unit and client holds the months visited and screened as bits (period_months).
WITH marks AS (
  SELECT year, unit_id, client_id, bit_or(visited) AS visited, bit_or(screened) AS screened
  FROM (
    SELECT EXTRACT(YEAR FROM v.visit_start_ts) AS year, v.unit_id, v.client_id,
           1 << (EXTRACT(MONTH FROM v.visit_start_ts) - 1) AS visited, 0 AS screened
    FROM realised_visits v JOIN clients c USING (client_id)
    WHERE EXTRACT(YEAR FROM v.visit_start_ts) - c.birth_year >= 18
    UNION ALL
    SELECT EXTRACT(YEAR FROM measured_on), unit_id, client_id, 0, 1 << (EXTRACT(MONTH FROM measured_on) - 1)
    FROM measurements WHERE measure_code = 'AUDIT_C'
  ) AS facts
  GROUP BY year, unit_id, client_id
),
client_marks AS (
  SELECT year, unit_id, client_id, visited, screened FROM marks
  UNION ALL
  SELECT year, 'area:' || unit_area, client_id, bit_or(visited), bit_or(screened)
  FROM marks JOIN unit_groups USING (unit_id) GROUP BY year, unit_area, client_id
  UNION ALL
  SELECT year, 'model:' || unit_model, client_id, bit_or(visited), bit_or(screened)
  FROM marks JOIN unit_groups USING (unit_id) GROUP BY year, unit_model, client_id
  UNION ALL
  SELECT year, 'ALL', client_id, bit_or(visited), bit_or(screened) FROM marks GROUP BY year, client_id
)
-- Clients with the same months visited and screened are counted together before the periods are
-- joined, which meets each row with every period of its year.
SELECT p.period_type, p.period, m.unit_id, 'ALL' AS breakdown_value,
       sum(CASE WHEN m.screened & p.months <> 0 THEN m.clients ELSE 0 END) AS numerator, sum(m.clients) AS denominator,
       CAST(sum(CASE WHEN m.screened & p.months <> 0 THEN m.clients ELSE 0 END) AS DOUBLE PRECISION) / sum(m.clients) AS value,
       sum(m.clients) AS n
FROM (SELECT year, unit_id, visited, screened, count(*) AS clients FROM client_marks GROUP BY year, unit_id, visited, screened) AS m
JOIN period_months p USING (year)
WHERE m.visited & p.months <> 0
GROUP BY p.period_type, p.period, m.unit_id
