// bench/readability-peer.js: the peer of dossier's article extraction in
// bench/run: Mozilla's Readability.js on jsdom, over the same saved pages.
// All pages are read first; then each is parsed into a DOM and its article
// extracted, and the processor time of that loop alone is reported (node's
// start and module loading are not counted, as bench-extract does not
// count reading its files).
//
//     node bench/readability-peer.js [--out DIR] PAGE...
//
// With --out DIR, writes DIR/N.txt as bench-extract does ("title:",
// "authors:", "published:" lines, a blank line, the text).
"use strict";
const fs = require("fs");
const path = require("path");
const { JSDOM, VirtualConsole } = require("jsdom");
const { Readability } = require("@mozilla/readability");

let out = null;
const files = [];
for (let i = 2; i < process.argv.length; i++) {
  if (process.argv[i] === "--out") out = process.argv[++i];
  else files.push(process.argv[i]);
}
const pages = files.map((f) => fs.readFileSync(f, "utf8"));
const quiet = new VirtualConsole();
let failed = 0;
const cpu0 = process.cpuUsage();
pages.forEach((html, i) => {
  try {
    const dom = new JSDOM(html, { url: "http://fakehost/test/page.html", virtualConsole: quiet });
    const a = new Readability(dom.window.document).parse();
    if (out) {
      const r = a || {};
      fs.writeFileSync(path.join(out, `${i}.txt`),
        `title: ${r.title || ""}\nauthors: ${r.byline || ""}\npublished: ${r.publishedTime || ""}\n` +
        `language: ${r.lang || ""}\n\n${r.textContent || ""}\n`);
    }
    if (!a) failed++;
    dom.window.close();
  } catch (e) {
    failed++;
  }
});
const cpu = process.cpuUsage(cpu0);
process.stderr.write(`pages ${pages.length} refused ${failed} seconds ${((cpu.user + cpu.system) / 1e6).toFixed(6)}\n`);
