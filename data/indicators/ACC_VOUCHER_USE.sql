-- Anchor: the voucher (issued_on; issuing unit). Used at any date counts, even after the period.
WITH facts AS (
  SELECT unit_id, date_trunc('month', issued_on) AS month, used_on IS NOT NULL AS hit
  FROM service_vouchers
)
-- The share of facts that are hits (_common.sql).
SELECT * FROM {{share_per_month(facts)}} AS share
