-- Anchor: the answer (responded_on; its unit); counts distinct responses.
WITH facts AS (
  SELECT unit_id, CAST(date_trunc('month', responded_on) AS DATE) AS month, channel AS breakdown_value, response_id
  FROM customer_feedback
)
SELECT period_type, period, unit_id, breakdown_value, n AS numerator, CAST(NULL AS DOUBLE PRECISION) AS denominator, n AS value, n
FROM {{distinct_cells(facts, response_id)}} AS responses
