-- Anchor: the ENPS answer (answered_on; its unit). n = distinct respondents (survey_id + respondent_id).
WITH facts AS (
  SELECT unit_id, date_trunc('month', answered_on) AS month, survey_id, respondent_id, score
  FROM staff_survey WHERE question_code = 'ENPS'
)
SELECT {{cell}}, CAST(NULL AS DOUBLE PRECISION) AS numerator, count(*) AS denominator,
       CAST(100 * (count(CASE WHEN score >= 9 THEN 1 END) - count(CASE WHEN score <= 6 THEN 1 END)) AS DOUBLE PRECISION) / count(*) AS value,
       count(DISTINCT (survey_id, respondent_id)) AS n
FROM facts JOIN unit_groups USING (unit_id) JOIN periods USING (month)
GROUP BY {{cells}}
