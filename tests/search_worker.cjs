// Material's search worker, run in Node on a built edition's assets (tests/test_search.py).
// Usage: node search_worker.cjs SITE_DIR < {"index": {...search_index.json...}, "queries": [...]}
// Prints, for each query, Material's answer: the result groups (location, title, score, and the
// query words it matched or lacks: `terms`, which its "Missing:" line shows) and its suggestions.
"use strict";
const fs = require("fs"), path = require("path"), vm = require("vm");
const js = path.join(process.argv[2], "assets", "javascripts");
const worker = fs.readdirSync(path.join(js, "workers")).find(f => /^search\.[0-9a-f]+\.min\.js$/.test(f));
let handler;
const answers = [], warnings = [];
console.warn = (...args) => warnings.push(args.map(String).join(" "));  // Material's "Invalid query"
globalThis.self = globalThis;
globalThis.addEventListener = (type, fn) => { if (type === "message") handler = fn; };
globalThis.postMessage = message => answers.push(message);
// The worker loads the language support beside it (../lunr/min/...), as a browser would.
globalThis.importScripts = (...urls) => {
  for (const url of urls) vm.runInThisContext(fs.readFileSync(path.join(js, "workers", url), "utf8"), { filename: url });
};
vm.runInThisContext(fs.readFileSync(path.join(js, "workers", worker), "utf8"), { filename: worker });
const { index, queries } = JSON.parse(fs.readFileSync(0, "utf8"));
(async () => {
  // Message types of Material's worker: 0 setup, 1 ready, 2 query, 3 result
  await handler({ data: { type: 0, data: { config: index.config, docs: index.docs, options: { suggest: true } } } });
  const out = [];
  for (const query of queries) {
    answers.length = warnings.length = 0;
    await handler({ data: { type: 2, data: query } });
    const { items, suggest } = answers[0].data;
    out.push({
      query, suggest, warnings: [...warnings],
      groups: items.map(group => group.map(({ location, title, score, terms }) => ({ location, title, score, terms }))),
    });
  }
  process.stdout.write(JSON.stringify(out));
})().catch(err => { console.error(err); process.exit(1); });
