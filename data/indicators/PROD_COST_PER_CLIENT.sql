-- Anchor: the cost month and the realised visit (its unit); clients are counted once per cell,
-- so costs and clients are totalled per cell separately and then matched.
-- A client's months with a realised visit in a year are bits (period_months).
WITH cost_cells AS (
  SELECT {{cell}}, sum(cost_eur) AS cost
  FROM costs JOIN periods USING (month)
  GROUP BY {{cells}}
),
visit_months AS (
  SELECT year(visit_start_ts) AS year, unit_id, client_id, bit_or(1 << (month(visit_start_ts) - 1)) AS months
  FROM realised_visits GROUP BY ALL
),
client_cells AS (
  SELECT p.period_type, p.period, v.unit_id, 'ALL' AS breakdown_value, count(*) AS clients
  FROM (SELECT * FROM visit_months UNION ALL SELECT year, 'ALL', client_id, bit_or(months) FROM visit_months GROUP BY year, client_id) v
  JOIN period_months p USING (year)
  WHERE v.months & p.months <> 0
  GROUP BY p.period_type, p.period, v.unit_id
)
SELECT period_type, period, unit_id, breakdown_value, cost AS numerator, clients AS denominator,
       numerator / denominator AS value, denominator AS n
FROM cost_cells JOIN client_cells USING (period_type, period, unit_id, breakdown_value)
