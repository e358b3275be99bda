-- Anchor: the staffing month (month; its unit). Person-years = Σ fte ÷ 12.
-- n = average headcount = Σ headcount ÷ distinct months with staffing rows in the cell.
WITH facts AS (
  SELECT unit_id, month, profession AS breakdown_value, fte, headcount, sick_leave_days, voluntary_exits
  FROM staffing
)
SELECT {{cell}}, sum(voluntary_exits) AS numerator, sum(fte) / 12 AS denominator,
       100 * sum(voluntary_exits) / (sum(fte) / 12) AS value, CAST(sum(headcount) AS DOUBLE PRECISION) / count(DISTINCT month) AS n
FROM facts JOIN unit_groups USING (unit_id) JOIN periods USING (month)
GROUP BY {{cells}}
