// DuckDB-WASM served from the site itself (no CDN): the engine for the explore page.
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";

const require = createRequire(import.meta.url);
process.stdout.write(readFileSync(require.resolve("@duckdb/duckdb-wasm/dist/duckdb-eh.wasm")));
