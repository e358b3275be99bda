-- Anchor: the T3 measurement (measured_on; its unit). 182 ("only a waiting list") counts as 182.
-- The median interpolates (percentile_cont), so an even count gives the mean of the two middle values.
WITH facts AS (
  SELECT unit_id, date_trunc('month', measured_on) AS month, profession AS breakdown_value, third_available_days AS days
  FROM appointment_supply
)
SELECT {{cell}}, CAST(NULL AS DOUBLE PRECISION) AS numerator, count(*) AS denominator,
       CAST(percentile_cont(0.5) WITHIN GROUP (ORDER BY days) AS DOUBLE PRECISION) AS value, CAST(NULL AS DOUBLE PRECISION) AS n
FROM facts JOIN unit_groups USING (unit_id) JOIN periods USING (month)
GROUP BY {{cells}}
