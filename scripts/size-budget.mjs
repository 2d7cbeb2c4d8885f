#!/usr/bin/env node
// What the page loads before its answer is rendered: index.html and every .js, .wasm and
// .css it refers to in dist/, and the modules those import, raw and `gzip -9` (GNU gzip;
// zlib level 9 where gzip is absent). Since the answer comes before Leptos (issue 18), that
// is the boot module (model, share links and the text layer: src/ui/boot.rs), which writes
// the answer, then fetches the app (the Wasm chunk split_kwhich_app and the chunks it
// shares with the sections) and the sections' chunks: those are listed as loaded after the
// answer and not counted. The default scenario's answer is in index.html itself. Fails
// above the budget; notes when above the target the page is heading for.
//
//   node scripts/size-budget.mjs [DIST]      (SIZE_BUDGET_KB, SIZE_TARGET_KB override)
//
// 1 KB = 1000 bytes here, the stricter reading of the budget.

import { spawnSync } from "node:child_process";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { gzipSync } from "node:zlib";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const dist = path.resolve(process.argv[2] ?? path.join(root, "dist"));
// The product's budget is 155 KB. The features of November 2026 (over time, today's
// network and the CSP, comparisons, the decision map, languages) cost more than could be
// found: the enforced number is raised by what they cost, measured (README, "Measured").
// The decision map and the tornado on the page (December 2026): 250 → 295.4 KB, measured.
// Arabic and Vietnamese (the text layer every word goes through, numbers written and read
// per language, the picker, title=; the catalogs themselves load only when chosen):
// 295.4 → 316.1 KB, measured.
// The Wasm split (December 2026): what is below the first screen and the time model load as
// chunks after it (src/ui/lazy.rs): 316.3 → 197.7 KB, measured. Fixes after a first-use
// review (thousands separators refused per language, accent-folding search with a table
// of the page's own letters, the picker's focus kept, more room in the bar chart): 199.3.
// Two speeds, so that a keystroke holds the page about 2 ms (p95 5.5 ms) instead of 30:
// today's figures at once, the time model, the charts, the map and the tornado a frame
// later (src/ui/hooks/use_settled.rs): 199.3 → 202.2 KB; the review's escaping and quoting 202.3.
// The answer before Leptos (December 2026, issue 18): the Leptos app became a chunk loaded
// after the boot module has written the answer: 202.2 → 92.8 KB before the
// answer, measured; the goal is 140, its stretch 110. With the same round's other
// features in the boot module (the headline of what each path keeps, the backtest's link
// keys, the power unit, settled links): 95.9 KB; the embed script's name and integrity in
// index.html and a height report that also runs off-screen: 96.3 KB, measured.
// Your site and Power by the hour (issues 20, 21), with the embed's facts line, the chart
// files and the comparison charts: 105.5 KB, measured. Every new section is a chunk; what
// grew is the main module: the share link reads eleven more keys (a mix, 100 buckets of a
// custom profile) before the answer, and wasm-split keeps in the main module the code two
// chunks share (the owner's capex, the fleet's blend and the profile's sums are read by the
// app, the map and Over time alike). Not yet won back: the next step is one chunk for the
// model's evaluation that the others import, measured function by function with names.
// Today's network in Rust (a chunk; its browser functions are imports of the main module),
// short names for those imports (scripts/short-imports.mjs), and the boot module reading
// only A's keys (a comparison waits for the app): 105.5 → 101.1 KB (101,089 bytes),
// measured with four sides, the plan's line and the labels' fit merged.
const budgetKb = Number(process.env.SIZE_BUDGET_KB ?? 101.2);
const targetKb = Number(process.env.SIZE_TARGET_KB ?? 110);

const fail = (msg) => {
  console.error(`size-budget: FAILED: ${msg}`);
  process.exit(1);
};

const indexPath = path.join(dist, "index.html");
if (!existsSync(indexPath)) fail(`${indexPath} is missing: build first (trunk build --release)`);
const html = readFileSync(indexPath, "utf8");

// Trunk writes the JS, snippet and Wasm names into <link rel=modulepreload/preload>, the
// inline module script and <link rel=stylesheet>, as relative or root-relative paths; JS
// modules may import more (wasm-bindgen snippets), so those are followed too.
const REF = /["'`]((?:\.{0,2}\/)?[\w./-]+\.(?:js|mjs|wasm|css))(?:\?[^"'`]*)?["'`]/g;
// In a JS module only real imports count (not, say, the default Wasm name it never uses).
const IMPORT = /(?:\bfrom|\bimport)\s*\(?\s*["'`]((?:\.{0,2}\/)?[\w./-]+\.m?js)["'`]/g;
const refsIn = (text, fromDir, pattern = REF) =>
  [...text.matchAll(pattern)]
    .map((m) => m[1])
    .filter((ref) => !/^(?:[a-z]+:)?\/\//i.test(ref))
    .map((ref) => (ref.startsWith("/") ? ref.slice(1) : path.posix.normalize(path.posix.join(fromDir, ref))));
const refs = new Set();
const queue = refsIn(html, ".");
while (queue.length) {
  const ref = queue.shift();
  if (refs.has(ref)) continue;
  refs.add(ref);
  const file = path.join(dist, ref);
  if (/\.m?js$/.test(ref) && existsSync(file)) queue.push(...refsIn(readFileSync(file, "utf8"), path.posix.dirname(ref), IMPORT));
}
const files = ["index.html", ...[...refs].sort()];
const missing = files.filter((f) => !existsSync(path.join(dist, f)));
if (missing.length) fail(`index.html refers to files not in ${dist}: ${missing.join(", ")}`);
if (!files.some((f) => f.endsWith(".js"))) fail("index.html refers to no .js file");
if (!files.some((f) => f.endsWith("_bg.wasm"))) fail("index.html refers to no _bg.wasm file");
if (!files.some((f) => f.endsWith(".css"))) console.log("size-budget: note: index.html refers to no .css file");

// GNU gzip and zlib differ by a percent or so at level 9; the budget is stated in gzip -9.
const gzipSize = (data) => {
  const run = spawnSync("gzip", ["-9", "-n", "-c"], { input: data, maxBuffer: 1 << 30 });
  return run.status === 0 ? run.stdout.length : gzipSync(data, { level: 9 }).length;
};

const kb = (bytes) => `${(bytes / 1000).toFixed(1)} KB`;
const rows = files.map((f) => {
  const data = readFileSync(path.join(dist, f));
  return { f, raw: data.length, gz: gzipSize(data) };
});
const total = rows.reduce((t, r) => ({ raw: t.raw + r.raw, gz: t.gz + r.gz }), { raw: 0, gz: 0 });

const width = Math.max(5, ...files.map((f) => f.length));
const line = (name, raw, gz) => console.log(`size-budget: ${name.padEnd(width)}  ${raw.padStart(10)}  ${gz.padStart(10)}`);
line("file", "raw", "gzip -9");
for (const r of rows) line(r.f, kb(r.raw), kb(r.gz));
line("total", kb(total.raw), kb(total.gz));
console.log(`size-budget: (1 KB = 1000 bytes: ${total.raw} raw, ${total.gz} gzip -9)`);
// The Wasm chunks (scripts/split-wasm.mjs) load after the answer: not counted above. The
// app's own chunk is named; it comes first, with the chunks it shares with the sections.
const later = readdirSync(dist).filter((f) => f.endsWith(".wasm") && !refs.has(f));
if (later.length) {
  const gz = later.reduce((t, f) => t + gzipSize(readFileSync(path.join(dist, f))), 0);
  console.log(`size-budget: loaded after the answer (not counted): ${later.length} Wasm chunks, ${kb(gz)} gzip -9`);
  for (const f of later.filter((f) => f.startsWith("split_kwhich_app-"))) {
    console.log(`size-budget:   the app (Leptos and the page's components): ${f}, ${kb(gzipSize(readFileSync(path.join(dist, f))))} gzip -9`);
  }
}
// A page in Arabic or Vietnamese fetches its messages before writing the answer.
const langDir = path.join(dist, "lang");
if (existsSync(langDir)) {
  for (const f of readdirSync(langDir).filter((f) => f.endsWith(".txt")).sort()) {
    console.log(`size-budget: before the answer with lang=${f.slice(0, -4)} (not in the total): lang/${f}, ${kb(gzipSize(readFileSync(path.join(langDir, f))))} gzip -9`);
  }
}

if (total.gz > budgetKb * 1000) {
  fail(`first load is ${kb(total.gz)} gzipped, over the ${budgetKb} KB budget (${total.gz} > ${budgetKb * 1000} bytes)`);
}
if (total.gz > targetKb * 1000) {
  console.log(`size-budget: note: ${kb(total.gz)} gzipped is within the ${budgetKb} KB budget but above the ${targetKb} KB target`);
} else {
  console.log(`size-budget: ok: ${kb(total.gz)} gzipped, within the ${targetKb} KB target and the ${budgetKb} KB budget`);
}
