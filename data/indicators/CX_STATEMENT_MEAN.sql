-- Anchor: the answer to a 1–5 statement (responded_on; its unit). n = distinct responses.
WITH facts AS (
  SELECT unit_id, CAST(date_trunc('month', responded_on) AS DATE) AS month, question_code AS breakdown_value, response_id, score
  FROM customer_feedback WHERE question_code <> 'NPS'
),
-- Summed per month first, so the periods fan out over thousands of rows, not millions.
monthly AS (
  SELECT {{month_cell}}, sum(score) AS score_sum, count(*) AS answers
  FROM facts GROUP BY {{month_cell}}
),
scores AS (
  SELECT {{cell}}, sum(score_sum) AS numerator, sum(answers) AS denominator
  FROM monthly JOIN unit_groups USING (unit_id) JOIN periods USING (month)
  GROUP BY {{cells}}
)
SELECT period_type, period, unit_id, breakdown_value, numerator, denominator, CAST(numerator AS DOUBLE PRECISION) / denominator AS value, n
FROM scores JOIN {{distinct_cells(facts, response_id)}} AS responses USING (period_type, period, unit_id, breakdown_value)
