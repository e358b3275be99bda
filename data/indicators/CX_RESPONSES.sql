-- Anchor: the answer (responded_on; its unit); counts distinct responses.
WITH facts AS (
  SELECT unit_id, date_trunc('month', responded_on) AS month, channel AS breakdown_value, response_id
  FROM customer_feedback
)
SELECT {{cell}}, count(DISTINCT response_id) AS numerator, NULL::DOUBLE AS denominator,
       numerator AS value, numerator AS n
FROM facts JOIN periods USING (month)
GROUP BY {{cells}}
