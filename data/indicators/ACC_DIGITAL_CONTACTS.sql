-- Anchor: the contact (contact_ts; its unit).
WITH facts AS (
  SELECT unit_id, date_trunc('month', contact_ts) AS month, channel IN ('CHAT', 'MAISA', 'OMAOLO') AS hit
  FROM contacts
)
-- The share of facts that are hits (_common.sql).
SELECT * FROM {{share_per_month(facts)}} AS share
