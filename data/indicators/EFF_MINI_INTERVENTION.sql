-- Anchor: the risky AUDIT-C measurement (measured_on; its unit). Risky: aged 65+ ≥ 4; under 65
-- men (sex 1) ≥ 6, women and unknown sex ≥ 5. Followed: an IHA21 in any unit 0–30 days later.
WITH risky AS (
  SELECT m.unit_id, date_trunc('month', m.measured_on) AS month, m.client_id,
         EXISTS (SELECT 1 FROM interventions i
                 WHERE i.client_id = m.client_id AND i.procedure_code = 'IHA21'
                   AND i.performed_on BETWEEN m.measured_on AND m.measured_on + INTERVAL '30' DAY) AS hit
  FROM measurements m JOIN clients c USING (client_id)
  WHERE m.measure_code = 'AUDIT_C'
    AND m.value >= CASE WHEN EXTRACT(YEAR FROM m.measured_on) - c.birth_year >= 65 THEN 4 WHEN c.sex = '1' THEN 6 ELSE 5 END
)
SELECT {{cell}}, count(DISTINCT CASE WHEN hit THEN client_id END) AS numerator, count(DISTINCT client_id) AS denominator,
       CAST(count(DISTINCT CASE WHEN hit THEN client_id END) AS DOUBLE PRECISION) / count(DISTINCT client_id) AS value,
       count(DISTINCT client_id) AS n
FROM risky JOIN unit_groups USING (unit_id) JOIN periods USING (month)
GROUP BY {{cells}}
