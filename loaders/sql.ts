// Quoting for SQL text built from contract names and file paths.
export const ident = (name: string): string => `"${name.replaceAll('"', '""')}"`;
export const literal = (value: string): string => `'${value.replaceAll("'", "''")}'`;
export const literalList = (values: readonly string[]): string => values.map(literal).join(", ");
