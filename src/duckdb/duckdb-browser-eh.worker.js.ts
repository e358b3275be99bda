// DuckDB-WASM's worker, served from the site itself; the source-map comment is dropped
// so that no tool goes looking for a file the site does not have.
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";

const require = createRequire(import.meta.url);
const code = readFileSync(require.resolve("@duckdb/duckdb-wasm/dist/duckdb-browser-eh.worker.js"), "utf8");
process.stdout.write(code.replace(/\n\/\/# sourceMappingURL=.*\s*$/, "\n"));
