-- Anchor: the answer to a 1–5 statement (responded_on; its unit). n = distinct responses.
WITH facts AS (
  SELECT unit_id, date_trunc('month', responded_on) AS month, question_code AS breakdown_value, response_id, score
  FROM customer_feedback WHERE question_code <> 'NPS'
)
SELECT {{cell}}, sum(score) AS numerator, count(*) AS denominator,
       numerator / denominator AS value, count(DISTINCT response_id) AS n
FROM facts JOIN periods USING (month)
GROUP BY {{cells}}
