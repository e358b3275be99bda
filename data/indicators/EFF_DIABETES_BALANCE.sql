-- Anchor: a client's latest HbA1c in the period (latest measured_on, ties to the highest value).
-- Per unit the latest among that unit's measurements; in an area, an operating model and ALL among
-- their units', each client once.
-- Eligible: a condition E11… recorded on or before the period's last day, in any unit.
WITH hba1c AS (
  SELECT m.client_id, m.unit_id, g.unit_area, g.unit_model, m.measured_on, m.value, p.period_type, p.period, p.period_end
  FROM measurements m JOIN periods p ON p.month = date_trunc('month', m.measured_on)
  JOIN unit_groups g ON g.unit_id = m.unit_id
  WHERE m.measure_code = 'HBA1C'
),
diabetic AS (
  SELECT client_id, min(recorded_on) AS first_recorded FROM conditions WHERE condition_code LIKE 'E11%' GROUP BY client_id
),
eligible AS (
  SELECT h.* FROM hba1c h JOIN diabetic d USING (client_id) WHERE d.first_recorded <= h.period_end
),
ordered AS (
  SELECT period_type, period, unit_id, unit_area, unit_model, client_id, value,
         row_number() OVER (PARTITION BY period_type, period, unit_id, client_id ORDER BY measured_on DESC, value DESC) AS in_unit,
         row_number() OVER (PARTITION BY period_type, period, unit_area, client_id ORDER BY measured_on DESC, value DESC) AS in_area,
         row_number() OVER (PARTITION BY period_type, period, unit_model, client_id ORDER BY measured_on DESC, value DESC) AS in_model,
         row_number() OVER (PARTITION BY period_type, period, client_id ORDER BY measured_on DESC, value DESC) AS in_all
  FROM eligible
),
latest AS (
  SELECT period_type, period, unit_id, client_id, value FROM ordered WHERE in_unit = 1
  UNION ALL
  SELECT period_type, period, 'area:' || unit_area, client_id, value FROM ordered WHERE in_area = 1
  UNION ALL
  SELECT period_type, period, 'model:' || unit_model, client_id, value FROM ordered WHERE in_model = 1
  UNION ALL
  SELECT period_type, period, 'ALL', client_id, value FROM ordered WHERE in_all = 1
)
SELECT period_type, period, unit_id, 'ALL' AS breakdown_value,
       count(CASE WHEN value < 53 THEN 1 END) AS numerator, count(*) AS denominator,
       CAST(count(CASE WHEN value < 53 THEN 1 END) AS DOUBLE PRECISION) / count(*) AS value, count(*) AS n
FROM latest GROUP BY period_type, period, unit_id
