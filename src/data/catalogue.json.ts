// The indicator catalogue for the pages (without the SQL file paths).
import { loadCatalogue } from "../../loaders/indicators/catalogue.ts";

const catalogue = loadCatalogue();
process.stdout.write(JSON.stringify({ ...catalogue, indicators: catalogue.indicators.map(({ sql: _sql, ...rest }) => rest) }));
