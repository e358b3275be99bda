-- Anchor: the NPS answer (responded_on; its unit). n = distinct responses.
WITH facts AS (
  SELECT unit_id, CAST(date_trunc('month', responded_on) AS DATE) AS month, channel AS breakdown_value, response_id, score
  FROM customer_feedback WHERE question_code = 'NPS'
),
scores AS (
  SELECT {{cell}}, count(*) AS answers, count(*) FILTER (WHERE score >= 9) AS promoters, count(*) FILTER (WHERE score <= 6) AS detractors
  FROM facts JOIN periods USING (month)
  GROUP BY {{cells}}
)
SELECT period_type, period, unit_id, breakdown_value, NULL::DOUBLE AS numerator, answers AS denominator,
       100 * (promoters - detractors) / answers AS value, n
FROM scores JOIN {{distinct_cells(facts, response_id)}} USING (period_type, period, unit_id, breakdown_value)
