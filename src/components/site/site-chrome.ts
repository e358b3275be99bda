// Loaded from <head> on every page (observablehq.config.ts): the page's
// language, the translated chrome and the language switch. It fetches only the
// page's own language's strings (loadLanguage); the page's cells await the
// same module, so the strings load once.
import { currentLang, loadLanguage } from "../../lib/i18n.js";
import { initSiteChrome } from "./language-switch.js";

await loadLanguage(currentLang());
initSiteChrome();
