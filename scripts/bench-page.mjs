#!/usr/bin/env node
// Page benchmark: how fast the built page (full layout and embed) first shows its results,
// how fast the results follow an edit, and how many bytes a first visit downloads.
// A benchmark, not a test: it asserts nothing about time and only prints a table.
//
// Usage (from the repository root, after a release build):
//
//   source scripts/env.sh && trunk build --release          # or --dist dist-bench
//   node scripts/bench-page.mjs [DIST]                      # DIST defaults to dist
//
//   DIST is relative to the repository root (or absolute). BENCH_LOADS (default 10) and
//   BENCH_EDITS (default 100) change the number of page loads and edits per target.
//   It runs the system Chromium headless through tests/browser (run `npm ci` there once).
//
// What is measured, each target in a fresh browser context per load (no cache):
//
// - first render: from navigation start (performance.now() is relative to it) to the moment
//   `#app[data-ready]` exists with no section waiting for its Wasm chunk (no
//   `data-loading`) and every `[data-metric]` has a data-value, seen by a
//   MutationObserver that an init script installs before the page's own scripts run.
//   Median and p95 over BENCH_LOADS loads.
// - first answer: to the first frame at which the results carry figures (a `[data-metric]` with a
//   data-value in #app), whoever wrote them: the HTML (the default scenario's answer is
//   written into index.html at build time), the boot module (src/ui/boot.rs) or the app.
// - first screen (first interactive): the same, to the moment the app has mounted
//   (`#app[data-ready]`) with a figure on screen, whether or not the chunks below it
//   (src/ui/lazy.rs) have arrived.
// - the phone profile (BENCH_PHONE_LOADS loads, default 5, per phone target; 0 skips it):
//   the first answer, first screen and first render again with Chromium throttled over
//   CDP as a mid-range phone on a slow mobile network: 4× CPU slowdown
//   (`Emulation.setCPUThrottlingRate`), 150 ms round trip, 1.6 Mbps down and 750 kbps up
//   (`Network.emulateNetworkConditions`), a 360 px viewport, and the files served gzip -9
//   as a static host would (a server of its own here: bytes are what this profile is about).
// - edit: BENCH_EDITS edits of `input[name=kwh]`, alternating two values. Each sets the
//   value and dispatches an `input` event after performance.mark("edit-start"), then waits
//   until every metric the edit affects (learnt from a first pair of edits) shows its new
//   data-value: checked synchronously right after the dispatch, else by a MutationObserver.
//   "next paint" adds the wait for the following frame (requestAnimationFrame, then a task).
//   "holds the page": until a task queued right after the edit runs, i.e. how long a
//   keystroke keeps the next one waiting.
// - map grid: the decision map's 40 × 40 grid in the Wasm, timed by the page itself with
//   performance.now() around it (`data-grid-us` on #map-summary), read after each edit; the
//   "hourly prices" target is the full page with ERCOT's year as the price profile.
// - first-load bytes: the sum, over every response of the first load, of the transferred
//   headers and body (the test server does not compress); "gzip" estimates what a host that
//   compresses would send (gzip -9 of each body).
//
// The embed is loaded as a top-level page here (with an id fragment, as the snippet writes
// it); inside an article's iframe it does the same work.

import { createServer } from "node:http";
import path from "node:path";
import { gzipSync } from "node:zlib";
import { existsSync, readFileSync, statSync } from "node:fs";

import { ROOT, launchBrowser, startServer } from "../tests/browser/support.mjs";

const distArg = process.argv[2] ?? "dist";
const DIST = path.resolve(ROOT, distArg);
const LOADS = Number(process.env.BENCH_LOADS ?? 10);
const EDITS = Number(process.env.BENCH_EDITS ?? 100);
const PHONE_LOADS = Number(process.env.BENCH_PHONE_LOADS ?? 5);
const SCENARIO = "v=1&asic=s21xp&kwh=0.045";
const EDIT_VALUES = ["0.045", "0.061"];

if (!existsSync(path.join(DIST, "index.html"))) {
  console.error(`${DIST}/index.html is missing: build it first (trunk build --release --dist ${distArg})`);
  process.exit(1);
}

const TARGETS = [
  { name: "full page", query: `?${SCENARIO}`, edits: true },
  { name: "embed", query: `?${SCENARIO}&embed=1#kwhich-bench`, edits: false },
  { name: "embed+inputs", query: `?${SCENARIO}&embed=1&show=compare,btc,inputs#kwhich-bench`, edits: true },
  // ERCOT's year as the price: every cell of the map decides its 100 hourly buckets.
  { name: "hourly prices", query: `?${SCENARIO}&pp=ercot-n-2025`, edits: true },
];

// The phone profile: the default page (its answer is in the HTML), a link, and an embed.
const PHONE_TARGETS = [
  { name: "phone: default", query: "" },
  { name: "phone: link", query: `?${SCENARIO}` },
  { name: "phone: embed", query: `?${SCENARIO}&embed=1#kwhich-bench` },
];
const PHONE = {
  cpu: 4,
  network: { offline: false, latency: 150, downloadThroughput: (1.6e6 / 8), uploadThroughput: (750e3 / 8) },
};

/** Installed before any page script: notes the first moment the results are all there. */
function watchFirstRender() {
  const complete = () => {
    // Mounted, and no section still waiting for its Wasm chunk (src/ui/lazy.rs).
    if (!document.querySelector("#app[data-ready]:not([data-loading])")) return false;
    const metrics = document.querySelectorAll("[data-metric]");
    if (metrics.length === 0) return false;
    for (const m of metrics) if (!m.hasAttribute("data-value")) return false;
    return true;
  };
  // The first screen: mounted, with the figures of the main module (the chunks may still
  // be on their way).
  const firstScreen = () => document.querySelector("#app[data-ready] [data-metric][data-value]") !== null;
  const answer = () => document.querySelector("#app [data-metric][data-value]") !== null;
  const observer = new MutationObserver(() => {
    // At the next frame, when it is still there: the default page's answer is in the HTML,
    // and index.html's inline script takes it away for any other link before a frame.
    if (window.__firstAnswer === undefined && answer()) {
      requestAnimationFrame(() => {
        if (window.__firstAnswer === undefined && answer()) window.__firstAnswer = performance.now();
      });
    }
    if (window.__firstScreen === undefined && firstScreen()) window.__firstScreen = performance.now();
    if (window.__firstRender === undefined && complete()) {
      window.__firstRender = performance.now();
      observer.disconnect();
    }
  });
  observer.observe(document, { subtree: true, childList: true, attributes: true });
}

/** In the page: `n` edits of input[name=kwh]; returns per-edit times in ms. */
async function editLoop({ n, values }) {
  const input = document.querySelector("input[name=kwh]");
  if (!input) throw new Error("no input[name=kwh] on this page");
  const read = () => Array.from(document.querySelectorAll("[data-metric]"), (e) => e.getAttribute("data-value"));
  const set = (v) => {
    input.value = v;
    input.dispatchEvent(new Event("input", { bubbles: true }));
  };
  const nextPaint = () => new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0)));
  const settle = async () => {
    await nextPaint();
    await nextPaint();
  };

  // Which metrics an edit between the two values changes, and their values at each.
  const states = [];
  for (const v of values) {
    set(v);
    await settle();
    states.push(read());
  }
  const affected = states[0].map((_, i) => i).filter((i) => states[0][i] !== states[1][i]);
  if (affected.length === 0) throw new Error("editing kwh changed no metric");
  const shows = (state) => {
    const now = document.querySelectorAll("[data-metric]");
    return affected.every((i) => now[i]?.getAttribute("data-value") === state[i]);
  };

  const dom = [];
  const paint = [];
  // How long the keystroke holds the page: until a task queued right after it runs (the
  // next keystroke's turn). The figures below the first screen follow a frame later
  // (src/ui/hooks/use_settled.rs), outside that time.
  const free = [];
  // The decision map's grid time in the Wasm, as the page reports it (`data-grid-us`).
  const grid = [];
  const gridUs = () => document.querySelector("#map-summary")?.getAttribute("data-grid-us");
  let synchronous = 0;
  for (let k = 0; k < n; k++) {
    const to = k % 2; // values[1] shows after the learning pair: go to values[0] first
    performance.mark("edit-start");
    const t0 = performance.now();
    set(values[to]);
    const freed = new Promise((r) => setTimeout(() => r(performance.now() - t0), 0));
    if (shows(states[to])) {
      synchronous += 1;
    } else {
      await new Promise((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`edit ${k}: results never updated`)), 5000);
        const observer = new MutationObserver(() => {
          if (shows(states[to])) {
            clearTimeout(timer);
            observer.disconnect();
            resolve();
          }
        });
        observer.observe(document.body, { subtree: true, childList: true, attributes: true, characterData: true });
      });
    }
    performance.mark("edit-done");
    dom.push(performance.now() - t0);
    free.push(await freed);
    if (gridUs()) grid.push(Number(gridUs()) / 1000);
    performance.measure("edit", "edit-start", "edit-done");
    await nextPaint();
    paint.push(performance.now() - t0);
  }
  performance.clearMarks();
  performance.clearMeasures();
  return { dom, paint, free, grid, synchronous, affected: affected.length };
}

function percentile(values, p) {
  if (values.length === 0) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))];
}

async function oneLoad(browser, url, { bytes = false, phone = false } = {}) {
  const viewport = phone ? { width: 360, height: 740 } : { width: 1280, height: 900 };
  const context = await browser.newContext({ viewport });
  try {
    const page = await context.newPage();
    if (phone) {
      const cdp = await context.newCDPSession(page);
      await cdp.send("Network.enable");
      await cdp.send("Network.emulateNetworkConditions", PHONE.network);
      await cdp.send("Emulation.setCPUThrottlingRate", { rate: PHONE.cpu });
    }
    const errors = [];
    page.on("pageerror", (e) => errors.push(e.message));
    const finished = [];
    if (bytes) page.on("requestfinished", (req) => finished.push(req));
    await page.addInitScript(watchFirstRender);
    await page.goto(url, { waitUntil: "load" });
    await page.waitForFunction(() => window.__firstRender !== undefined, null, { timeout: 30_000 });
    const { firstRender, firstScreen, firstAnswer } = await page.evaluate(() => ({
      firstRender: window.__firstRender,
      firstScreen: window.__firstScreen ?? window.__firstRender,
      firstAnswer: window.__firstAnswer ?? window.__firstScreen ?? window.__firstRender,
    }));
    if (errors.length) throw new Error(`${url}: ${errors.join("; ")}`);
    let transfer = null;
    if (bytes) {
      await page.waitForLoadState("networkidle");
      transfer = { requests: 0, transferred: 0, gzip: 0 };
      for (const req of finished) {
        const sizes = await req.sizes();
        const res = await req.response();
        const body = res ? await res.body().catch(() => Buffer.alloc(0)) : Buffer.alloc(0);
        transfer.requests += 1;
        transfer.transferred += sizes.responseHeadersSize + sizes.responseBodySize;
        transfer.gzip += sizes.responseHeadersSize + gzipSync(body, { level: 9 }).length;
      }
    }
    return { page, context, firstRender, firstScreen, firstAnswer, transfer };
  } catch (err) {
    await context.close();
    throw err;
  }
}

async function benchTarget(browser, baseUrl, target) {
  const url = baseUrl + target.query;
  const renders = [];
  const screens = [];
  const answers = [];
  let transfer = null;
  let edits = null;
  for (let i = 0; i < LOADS; i++) {
    const last = i === LOADS - 1;
    const load = await oneLoad(browser, url, { bytes: i === 0 });
    renders.push(load.firstRender);
    screens.push(load.firstScreen);
    answers.push(load.firstAnswer);
    if (load.transfer) transfer = load.transfer;
    if (last && target.edits) edits = await load.page.evaluate(editLoop, { n: EDITS, values: EDIT_VALUES });
    await load.context.close();
  }
  return { renders, screens, answers, transfer, edits };
}

/** The phone profile: `PHONE_LOADS` throttled loads of `url`. */
async function benchPhone(browser, baseUrl, target) {
  const runs = [];
  for (let i = 0; i < PHONE_LOADS; i++) {
    const load = await oneLoad(browser, baseUrl + target.query, { phone: true });
    runs.push(load);
    await load.context.close();
  }
  return { answers: runs.map((r) => r.firstAnswer), screens: runs.map((r) => r.firstScreen), renders: runs.map((r) => r.firstRender) };
}

/** Serves `root` gzip -9 to a client that accepts it, as a static host would. */
function startGzipServer(root) {
  const TYPES = { ".html": "text/html; charset=utf-8", ".js": "text/javascript", ".wasm": "application/wasm", ".css": "text/css", ".txt": "text/plain; charset=utf-8", ".json": "application/json" };
  const cache = new Map();
  const server = createServer((req, res) => {
    let rel = decodeURIComponent(new URL(req.url, "http://x").pathname).replace(/^\/+/, "");
    if (rel === "" || rel.endsWith("/")) rel += "index.html";
    const file = path.join(root, rel);
    if (!file.startsWith(root) || !existsSync(file) || !statSync(file).isFile()) {
      res.writeHead(404);
      return res.end();
    }
    if (!cache.has(file)) cache.set(file, gzipSync(readFileSync(file), { level: 9 }));
    const headers = { "Content-Type": TYPES[path.extname(file)] ?? "application/octet-stream", "Cache-Control": "no-store" };
    if (/\bgzip\b/.test(req.headers["accept-encoding"] ?? "")) {
      res.writeHead(200, { ...headers, "Content-Encoding": "gzip" });
      return res.end(cache.get(file));
    }
    res.writeHead(200, headers);
    res.end(readFileSync(file));
  });
  return new Promise((resolve) => server.listen(0, "127.0.0.1", () => resolve({ url: `http://127.0.0.1:${server.address().port}/`, close: () => new Promise((r) => server.close(r)) })));
}

const ms = (v) => (Number.isFinite(v) ? v.toFixed(v < 10 ? 2 : 1) : "n/a");
// 1 KB = 1000 bytes, as in the size budget and the README.
const kb = (v) => (v === null || v === undefined ? "n/a" : `${(v / 1000).toFixed(1)} KB`);

const server = await startServer({ root: DIST });
const browser = await launchBrowser();
const results = [];
const phoneResults = [];
const version = browser.version();
const gzipServer = PHONE_LOADS > 0 ? await startGzipServer(DIST) : null;
try {
  for (const target of TARGETS) {
    process.stderr.write(`${target.name}: ${LOADS} loads${target.edits ? `, ${EDITS} edits` : ""}…\n`);
    results.push({ target, ...(await benchTarget(browser, server.url, target)) });
  }
  for (const target of gzipServer ? PHONE_TARGETS : []) {
    process.stderr.write(`${target.name}: ${PHONE_LOADS} throttled loads…\n`);
    phoneResults.push({ target, ...(await benchPhone(browser, gzipServer.url, target)) });
  }
} finally {
  await browser.close().catch(() => {});
  await server.close();
  await gzipServer?.close();
}

const rows = [
  ["first answer, median (ms)", (r) => ms(percentile(r.answers, 50))],
  ["first answer, p95 (ms)", (r) => ms(percentile(r.answers, 95))],
  ["first screen, median (ms)", (r) => ms(percentile(r.screens, 50))],
  ["first screen, p95 (ms)", (r) => ms(percentile(r.screens, 95))],
  ["first render, median (ms)", (r) => ms(percentile(r.renders, 50))],
  ["first render, p95 (ms)", (r) => ms(percentile(r.renders, 95))],
  ["edit → results, median (ms)", (r) => (r.edits ? ms(percentile(r.edits.dom, 50)) : "—")],
  ["edit → results, p95 (ms)", (r) => (r.edits ? ms(percentile(r.edits.dom, 95)) : "—")],
  ["edit → next paint, median (ms)", (r) => (r.edits ? ms(percentile(r.edits.paint, 50)) : "—")],
  ["edit → next paint, p95 (ms)", (r) => (r.edits ? ms(percentile(r.edits.paint, 95)) : "—")],
  ["edit holds the page, median (ms)", (r) => (r.edits ? ms(percentile(r.edits.free, 50)) : "—")],
  ["edit holds the page, p95 (ms)", (r) => (r.edits ? ms(percentile(r.edits.free, 95)) : "—")],
  ["map grid in Wasm, median (ms)", (r) => (r.edits?.grid.length ? ms(percentile(r.edits.grid, 50)) : "—")],
  ["map grid in Wasm, p95 (ms)", (r) => (r.edits?.grid.length ? ms(percentile(r.edits.grid, 95)) : "—")],
  ["edits updated synchronously", (r) => (r.edits ? `${r.edits.synchronous}/${r.edits.dom.length}` : "—")],
  ["metrics changed per edit", (r) => (r.edits ? String(r.edits.affected) : "—")],
  ["first load, transferred", (r) => kb(r.transfer?.transferred)],
  ["first load, gzip estimate", (r) => kb(r.transfer?.gzip)],
  ["first load, requests", (r) => String(r.transfer?.requests ?? "n/a")],
];
const header = ["", ...results.map((r) => r.target.name)];
const table = [header, ...rows.map(([label, f]) => [label, ...results.map(f)])];
const widths = header.map((_, c) => Math.max(...table.map((row) => row[c].length)));
const line = (row) => row.map((cell, c) => (c === 0 ? cell.padEnd(widths[c]) : cell.padStart(widths[c]))).join("  ");

console.log(`kWhich page benchmark: ${path.relative(ROOT, DIST) || "."}, ${LOADS} loads and ${EDITS} edits per target, Chromium ${version} headless`);
console.log(`scenario ?${SCENARIO}; edits alternate kwh ${EDIT_VALUES.join(" / ")}`);
console.log();
console.log(line(table[0]));
console.log(line(widths.map((w) => "-".repeat(w))));
for (const row of table.slice(1)) console.log(line(row));

if (phoneResults.length) {
  const phoneRows = [
    ["first answer, median (ms)", (r) => ms(percentile(r.answers, 50))],
    ["first answer, max (ms)", (r) => ms(percentile(r.answers, 100))],
    ["first interactive (app mounted), median (ms)", (r) => ms(percentile(r.screens, 50))],
    ["first render (every section), median (ms)", (r) => ms(percentile(r.renders, 50))],
  ];
  const head = ["", ...phoneResults.map((r) => r.target.name)];
  const t = [head, ...phoneRows.map(([label, f]) => [label, ...phoneResults.map(f)])];
  const w = head.map((_, c) => Math.max(...t.map((row) => row[c].length)));
  const l = (row) => row.map((cell, c) => (c === 0 ? cell.padEnd(w[c]) : cell.padStart(w[c]))).join("  ");
  console.log();
  console.log(`phone profile: ${PHONE_LOADS} loads each, ${PHONE.cpu}× CPU slowdown, 150 ms RTT, 1.6 Mbps down / 750 kbps up, 360 px, served gzip -9`);
  console.log();
  console.log(l(t[0]));
  console.log(l(w.map((x) => "-".repeat(x))));
  for (const row of t.slice(1)) console.log(l(row));
}
