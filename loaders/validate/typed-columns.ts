// How each contract type is read from text. An unparsable value becomes NULL
// here; validation reports it by comparing the text with the typed value.
import type { ColumnSpec, ColumnType } from "../extract/contract.ts";

const LOCAL_TS = String.raw`[0-9]{4}-[0-9]{2}-[0-9]{2}[T ][0-9]{2}:[0-9]{2}(:[0-9]{2}(\.[0-9]{1,9})?)?`;
const OFFSET = String.raw`(Z|[+-][0-9]{2}(:?[0-9]{2})?)`;

export const SQL_TYPE: Record<ColumnType, string> = {
  string: "VARCHAR",
  code: "VARCHAR",
  integer: "BIGINT",
  // Exact decimals: sums do not depend on the order DuckDB's threads add them in,
  // so two builds of the same extract give the same bytes.
  decimal: "DECIMAL(38, 9)",
  boolean: "BOOLEAN",
  timestamp: "TIMESTAMP",
  date: "DATE",
  month: "DATE",
};

/** SQL expression turning the text column `ref` into the column's type (NULL where it does not parse). */
export function typedExpr(col: ColumnSpec, ref: string): string {
  switch (col.type) {
    case "string":
    case "code":
      return ref;
    case "integer":
      return `CASE WHEN regexp_full_match(${ref}, '[+-]?[0-9]+') THEN TRY_CAST(${ref} AS BIGINT) END`;
    case "decimal":
      return `CASE WHEN regexp_full_match(${ref}, '[+-]?([0-9]+(\\.[0-9]*)?|\\.[0-9]+)([eE][+-]?[0-9]+)?') THEN TRY_CAST(TRY_CAST(${ref} AS DOUBLE) AS DECIMAL(38, 9)) END`;
    case "boolean":
      // The usual spellings first: lower() on every value cost more than the rest of the typing.
      return `CASE ${ref} WHEN 'false' THEN false WHEN 'true' THEN true
        ELSE CASE lower(${ref}) WHEN 'true' THEN true WHEN '1' THEN true WHEN 'false' THEN false WHEN '0' THEN false END END`;
    case "timestamp":
      return `CASE WHEN ${canonicalTimestamp(ref)} THEN TRY_CAST(${ref} AS TIMESTAMP) ELSE ${timestampByRule(ref)} END`;
    case "date":
      return `CASE WHEN regexp_full_match(${ref}, '[0-9]{4}-[0-9]{2}-[0-9]{2}') THEN TRY_CAST(${ref} AS DATE) END`;
    case "month":
      return `CASE WHEN regexp_full_match(${ref}, '[0-9]{4}-[0-9]{2}') THEN TRY_CAST(${ref} || '-01' AS DATE) END`;
  }
}

/** The contract's timestamp: local Finnish time as given; an explicit offset is converted to Europe/Helsinki. */
export const timestampByRule = (ref: string): string =>
  `CASE WHEN regexp_full_match(${ref}, '${LOCAL_TS}') THEN TRY_CAST(replace(${ref}, 'T', ' ') AS TIMESTAMP)
    WHEN regexp_full_match(${ref}, '${LOCAL_TS}${OFFSET}') THEN timezone('Europe/Helsinki', TRY_CAST(replace(${ref}, 'T', ' ') AS TIMESTAMPTZ)) END`;

/**
 * The common form, YYYY-MM-DDTHH:MM:SS, told apart without a regular
 * expression (at scale that is most of the typing's cost): the separators are
 * in place, and none of what DuckDB's cast would also take in a digit's place
 * (a sign or space in front, a space in the hour, a zone or fraction mark at
 * the end) is there. A test compares it with the regular expression on every
 * one- and two-character change of a timestamp.
 */
export const canonicalTimestamp = (ref: string): string =>
  `(${ref} LIKE '____-__-__T__:__:__' AND NOT (${ref} LIKE '% %' OR ${ref} LIKE '-%' OR ${ref} LIKE '+%' OR ${ref} LIKE '%Z' OR ${ref} LIKE '%z' OR ${ref} LIKE '%.'))`;

export const PARSE_RULE: Record<ColumnType, string | null> = {
  string: null,
  code: null,
  integer: "not a whole number",
  decimal: "not a number",
  boolean: "not a boolean (true/false, or 1/0 in CSV)",
  timestamp: "not an ISO 8601 timestamp (YYYY-MM-DDTHH:MM:SS, Finnish local time or with an offset)",
  date: "not a date (YYYY-MM-DD)",
  month: "not a month (YYYY-MM)",
};
