// Quoting for SQL text built from contract names and file paths.
export const ident = (name: string): string => `"${name.replaceAll('"', '""')}"`;
export const literal = (value: string): string => `'${value.replaceAll("'", "''")}'`;
export const literalList = (values: readonly string[]): string => values.map(literal).join(", ");
/**
 * `expr` is one of `values`, as a scalar function: DuckDB rewrites a long
 * `IN (...)` list into a join, and a join does not keep the file's row order.
 */
export const inList = (expr: string, values: readonly string[]): string => `list_contains([${literalList(values)}], ${expr})`;
