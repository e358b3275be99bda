// Observable Framework configuration. No Google Fonts and no CDN: the built
// site must make no request outside its own origin.
export default {
  root: "src",
  output: process.env.OBSERVABLE_OUTPUT ?? "dist",
  title: "Nelimaali – Tulevaisuuden sote-keskus",
  lang: "fi",
  globalStylesheets: [],
  style: "style.css",
  search: false,
  footer: "Helsingin kaupunki · Tulevaisuuden sosiaali- ja terveyskeskus -ohjelma",
  pager: false,
  toc: false,
  // An inline icon: browsers otherwise ask the server for /favicon.ico.
  head: `<link rel="icon" href="data:,">`,
};
