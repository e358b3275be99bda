-- Anchor: the NPS answer (responded_on; its unit). n = distinct responses.
WITH facts AS (
  SELECT unit_id, date_trunc('month', responded_on) AS month, channel AS breakdown_value, response_id, score
  FROM customer_feedback WHERE question_code = 'NPS'
)
SELECT {{cell}}, NULL::DOUBLE AS numerator, count(*) AS denominator,
       100 * (count(*) FILTER (WHERE score >= 9) - count(*) FILTER (WHERE score <= 6)) / count(*) AS value,
       count(DISTINCT response_id) AS n
FROM facts JOIN periods USING (month)
GROUP BY {{cells}}
