// Loaded from <head> on every page (observablehq.config.ts), before the page's
// own code: the page's language, the translated chrome and the language switch.
import { initSiteChrome } from "./language-switch.js";

initSiteChrome();
