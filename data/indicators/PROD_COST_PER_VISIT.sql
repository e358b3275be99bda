-- Anchor: the realised visit and the cost month (its unit). Written where the cell has both.
WITH c AS (
  SELECT unit_id, month, sum(cost_eur) AS cost, count(*) AS cost_rows FROM costs GROUP BY unit_id, month
),
v AS (
  SELECT unit_id, month, count(*) AS visits
  FROM (SELECT unit_id, date_trunc('month', visit_start_ts) AS month FROM realised_visits) AS visit_months
  GROUP BY unit_id, month
),
facts AS (
  SELECT coalesce(c.unit_id, v.unit_id) AS unit_id, coalesce(c.month, v.month) AS month,
         coalesce(c.cost, 0) AS cost, coalesce(c.cost_rows, 0) AS cost_rows, coalesce(v.visits, 0) AS visits
  FROM c FULL JOIN v ON c.unit_id = v.unit_id AND c.month = v.month
)
SELECT {{cell}}, sum(cost) AS numerator, sum(visits) AS denominator,
       sum(cost) / sum(visits) AS value, sum(visits) AS n
FROM facts JOIN unit_groups USING (unit_id) JOIN periods USING (month)
GROUP BY {{cells}}
HAVING sum(cost_rows) > 0 AND sum(visits) > 0
