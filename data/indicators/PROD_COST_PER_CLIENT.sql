-- Anchor: the cost month and the realised visit (its unit); clients are counted once per cell,
-- so costs and clients are totalled per cell separately and then matched.
WITH cost_cells AS (
  SELECT {{cell}}, sum(cost_eur) AS cost
  FROM costs JOIN unit_groups USING (unit_id) JOIN periods USING (month)
  GROUP BY {{cells}}
),
visit_facts AS (
  SELECT unit_id, CAST(date_trunc('month', visit_start_ts) AS DATE) AS month, client_id FROM realised_visits
)
SELECT period_type, period, unit_id, breakdown_value, cost AS numerator, n AS denominator, cost / n AS value, n
FROM cost_cells JOIN {{distinct_cells(visit_facts, client_id)}} AS clients USING (period_type, period, unit_id, breakdown_value)
