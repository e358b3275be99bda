-- Anchor: the ENPS answer (answered_on; its unit). n = distinct respondents (survey_id + respondent_id).
WITH facts AS (
  SELECT unit_id, date_trunc('month', answered_on) AS month, survey_id, respondent_id, score
  FROM staff_survey WHERE question_code = 'ENPS'
)
SELECT {{cell}}, NULL::DOUBLE AS numerator, count(*) AS denominator,
       100 * (count(*) FILTER (WHERE score >= 9) - count(*) FILTER (WHERE score <= 6)) / count(*) AS value,
       count(DISTINCT (survey_id, respondent_id)) AS n
FROM facts JOIN periods USING (month)
GROUP BY {{cells}}
