-- Anchor: the realised visit and the staffing month, matched on unit, month and profession.
-- Visits of a unit or profession with no staffing rows still count in the totals that include them.
-- Written wherever person-years > 0, also as 0.
WITH v AS (
  SELECT unit_id, month, profession, count(*) AS visits
  FROM (SELECT unit_id, date_trunc('month', visit_start_ts) AS month, profession FROM realised_visits) AS visit_months
  GROUP BY unit_id, month, profession
),
s AS (
  SELECT unit_id, month, profession, sum(fte) AS fte, sum(headcount) AS headcount FROM staffing GROUP BY unit_id, month, profession
),
facts AS (
  SELECT coalesce(v.unit_id, s.unit_id) AS unit_id, coalesce(v.month, s.month) AS month,
         coalesce(v.profession, s.profession) AS breakdown_value,
         coalesce(v.visits, 0) AS visits, coalesce(s.fte, 0) AS fte, s.headcount,
         CASE WHEN s.unit_id IS NOT NULL THEN coalesce(s.month, v.month) END AS staffed_month
  FROM v FULL JOIN s ON v.unit_id = s.unit_id AND v.month = s.month AND v.profession = s.profession
)
SELECT {{cell}}, sum(visits) AS numerator, sum(fte) / 12 AS denominator,
       sum(visits) / (sum(fte) / 12) AS value, CAST(sum(headcount) AS DOUBLE PRECISION) / count(DISTINCT staffed_month) AS n
FROM facts JOIN unit_groups USING (unit_id) JOIN periods USING (month)
GROUP BY {{cells}}
HAVING sum(fte) > 0
