-- Anchor: the NPS answer (responded_on; its unit). n = distinct responses.
WITH facts AS (
  SELECT unit_id, CAST(date_trunc('month', responded_on) AS DATE) AS month, channel AS breakdown_value, response_id, score
  FROM customer_feedback WHERE question_code = 'NPS'
),
-- Counted per month first, so the periods fan out over thousands of rows, not millions.
monthly AS (
  SELECT {{month_cell}}, count(*) AS answers, count(CASE WHEN score >= 9 THEN 1 END) AS promoters, count(CASE WHEN score <= 6 THEN 1 END) AS detractors
  FROM facts GROUP BY {{month_cell}}
),
scores AS (
  SELECT {{cell}}, sum(answers) AS answers, sum(promoters) AS promoters, sum(detractors) AS detractors
  FROM monthly JOIN unit_groups USING (unit_id) JOIN periods USING (month)
  GROUP BY {{cells}}
)
SELECT period_type, period, unit_id, breakdown_value, CAST(NULL AS DOUBLE PRECISION) AS numerator, answers AS denominator,
       CAST(100 * (promoters - detractors) AS DOUBLE PRECISION) / answers AS value, n
FROM scores JOIN {{distinct_cells(facts, response_id)}} AS responses USING (period_type, period, unit_id, breakdown_value)
