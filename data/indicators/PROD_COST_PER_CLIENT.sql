-- Anchor: the cost month and the realised visit (its unit); clients are counted once per cell,
-- so costs and clients are totalled per cell separately and then matched.
WITH cost_cells AS (
  SELECT {{cell}}, sum(cost_eur) AS cost
  FROM costs JOIN periods USING (month)
  GROUP BY {{cells}}
),
client_cells AS (
  SELECT {{cell}}, count(DISTINCT client_id) AS clients
  FROM (SELECT unit_id, client_id, date_trunc('month', visit_start_ts) AS month FROM realised_visits)
  JOIN periods USING (month)
  GROUP BY {{cells}}
)
SELECT period_type, period, unit_id, breakdown_value, cost AS numerator, clients AS denominator,
       numerator / denominator AS value, denominator AS n
FROM cost_cells JOIN client_cells USING (period_type, period, unit_id, breakdown_value)
