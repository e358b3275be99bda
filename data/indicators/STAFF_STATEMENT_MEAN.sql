-- Anchor: the answer to a 1–5 statement (answered_on; its unit). n = distinct respondents in the cell.
WITH facts AS (
  SELECT unit_id, date_trunc('month', answered_on) AS month, question_code AS breakdown_value, survey_id, respondent_id, score
  FROM staff_survey WHERE question_code NOT IN ('ENPS', 'TYOKYKY')
)
SELECT {{cell}}, sum(score) AS numerator, count(*) AS denominator,
       CAST(sum(score) AS DOUBLE PRECISION) / count(*) AS value, count(DISTINCT (survey_id, respondent_id)) AS n
FROM facts JOIN unit_groups USING (unit_id) JOIN periods USING (month)
GROUP BY {{cells}}
