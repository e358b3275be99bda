-- Anchor: the non-urgent contact (contact_ts; its unit).
WITH facts AS (
  SELECT unit_id, date_trunc('month', contact_ts) AS month, resolved_at_first_contact AS hit
  FROM contacts WHERE urgency = 'KIIREETON'
)
-- The share of facts that are hits (_common.sql).
SELECT * FROM {{share_per_month(facts)}} AS share
