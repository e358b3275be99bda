-- Anchor: the staffing month (month; its unit). Denominator = person-years × 1 720 hours.
WITH facts AS (
  SELECT unit_id, month, profession AS breakdown_value, fte, headcount, agency_hours FROM staffing
)
SELECT {{cell}}, sum(agency_hours) AS numerator, sum(fte) / 12 * 1720 AS denominator,
       sum(agency_hours) / (sum(fte) / 12 * 1720) AS value, CAST(sum(headcount) AS DOUBLE PRECISION) / count(DISTINCT month) AS n
FROM facts JOIN unit_groups USING (unit_id) JOIN periods USING (month)
GROUP BY {{cells}}
