-- Anchor: the voucher (issued_on; issuing unit). Used at any date counts, even after the period.
WITH facts AS (
  SELECT unit_id, date_trunc('month', issued_on) AS month, used_on IS NOT NULL AS hit
  FROM service_vouchers
)
SELECT {{cell}}, count(*) FILTER (WHERE hit) AS numerator, count(*) AS denominator,
       numerator / denominator AS value, denominator AS n
FROM facts JOIN periods USING (month)
GROUP BY {{cells}}
