// Renders notes and bibliographies with citeproc-js: the reference outputs of fixtures/render/.
//
// Run through bench/render_fixtures.py, which installs the npm package `citeproc` into a
// temporary directory, sets NODE_PATH to it and passes one request file:
//   node bench/render_fixtures.js request.json > response.json
// request: {"styles": {name: xml}, "locales": {lang: xml},
//           "cases": [{"name", "style", "locale", "format", "items": [CSL-JSON],
//                      "clusters": [{"number", "cites": [{"id", "locator", "label", "prefix", "suffix"}]}],
//                      "bibliography": true|false}]}
// response: {"processor": version, "cases": [{"name", "clusters": [string], "bibliography": [string]}]}
// Clusters are rendered in order as footnotes (noteIndex = position + 1), so that citeproc-js itself
// decides between first, subsequent and ibid. positions.
"use strict";

const fs = require("fs");
const CSL = require("citeproc");

function makeEngine(request, kase, items) {
  const byId = new Map(items.map((item) => [String(item.id), item]));
  const sys = {
    retrieveLocale: (lang) => request.locales[lang] || request.locales[kase.locale],
    retrieveItem: (id) => byId.get(String(id)),
  };
  const engine = new CSL.Engine(sys, request.styles[kase.style], kase.locale, true);
  engine.setOutputFormat(kase.format || "text");
  return engine;
}

function citationItem(cite) {
  const out = { id: String(cite.id) };
  for (const key of ["locator", "label", "prefix", "suffix"]) {
    if (cite[key] !== null && cite[key] !== undefined) {
      out[key] = cite[key];
    }
  }
  return out;
}

function renderClusters(request, kase) {
  if (!kase.clusters || kase.clusters.length === 0) {
    return [];
  }
  const engine = makeEngine(request, kase, kase.items);
  const citations = kase.clusters.map((cluster, index) => ({
    citationID: `c${index + 1}`,
    citationItems: cluster.cites.map(citationItem),
    properties: { noteIndex: index + 1 },
  }));
  const rendered = engine.rebuildProcessorState(citations, kase.format || "text");
  return rendered.map((triple) => triple[2]);
}

function renderBibliography(request, kase) {
  if (!kase.bibliography) {
    return [];
  }
  const engine = makeEngine(request, kase, kase.items);
  engine.updateItems(kase.items.map((item) => String(item.id)));
  const result = engine.makeBibliography();
  if (!result) {
    return [];
  }
  // In HTML each entry comes wrapped in <div class="csl-entry">; the entries themselves are compared.
  return result[1].map((entry) => entry.trim().replace(/^<div class="csl-entry">([\s\S]*)<\/div>$/, "$1").trim());
}

function main() {
  const request = JSON.parse(fs.readFileSync(process.argv[2], "utf8"));
  const cases = request.cases.map((kase) => ({
    name: kase.name,
    clusters: renderClusters(request, kase),
    bibliography: renderBibliography(request, kase),
  }));
  process.stdout.write(JSON.stringify({ processor: CSL.PROCESSOR_VERSION, cases: cases }));
}

main();
