-- Anchor: the voucher (issued_on; issuing unit). Used at any date counts, even after the period.
WITH facts AS (
  SELECT unit_id, date_trunc('month', issued_on) AS month, used_on IS NOT NULL AS hit
  FROM service_vouchers
),
-- Counted per month first, so the periods fan out over tens of thousands of rows, not millions.
monthly AS (
  SELECT * EXCLUDE (hit), count(*) FILTER (WHERE hit) AS hits, count(*) AS rows FROM facts GROUP BY ALL
)
SELECT {{cell}}, sum(hits) AS numerator, sum(rows) AS denominator,
       numerator / denominator AS value, denominator AS n
FROM monthly JOIN periods USING (month)
GROUP BY {{cells}}
