// The split Wasm (src/ui/boot.rs, src/ui/lazy.rs, scripts/split-wasm.mjs): the answer comes
// from the HTML (the default scenario) or the boot module alone, with the evaluator's
// figures; the app from its chunk after it, the sections from chunks fetched after the app
// has mounted; a chunk that cannot load leaves its section saying so, and the rest of the
// page works.

import assert from "node:assert/strict";
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { after, describe, test } from "node:test";

import {
  DIST,
  evaluate,
  metricMismatches,
  openApp,
  readMetrics,
  startServer,
  useBrowser,
  waitReady,
  withPage,
} from "./support.mjs";

/** The figures the boot module wrote (src/ui/boot.rs), before the app has mounted. */
const readAnswer = (page) =>
  page.$$eval("#app[data-answer] [data-metric]", (els) =>
    els.map((el) => ({
      key: el.getAttribute("data-metric"),
      value: el.getAttribute("data-value"),
      reason: el.getAttribute("data-reason"),
      text: el.textContent,
    })),
  );

/** The evaluator's figures that `shown` shows (an embed shows some). */
const only = (evaluated, shown) => Object.fromEntries(Object.entries(evaluated).filter(([k]) => shown.some((m) => m.key === k)));

const chunkOf = (dir, split) => readdirSync(dir).find((f) => f.startsWith(`split_kwhich_${split}-`) && f.endsWith(".wasm"));

describe("the split Wasm", () => {
  const app = useBrowser({ serve: false });
  const dirs = [];
  after(() => {
    for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
  });

  test("index.html names no chunk; the answer is there before any chunk has arrived", async () => {
    const html = readFileSync(path.join(DIST, "index.html"), "utf8");
    assert.doesNotMatch(html, /split_kwhich_|chunk_\d+/, "index.html preloads a chunk");
    for (const split of ["app", "time", "map", "panels", "over_time"]) {
      assert.ok(chunkOf(DIST, split), `no chunk for ${split} in ${DIST}`);
    }
    const server = await startServer();
    try {
      const links = ["?", "?v=1&kwh=0.03&btc=120000&lang=vi", "?v=1&embed=1&show=btc,mw&lang=ar", "?kwh=abc&foo=1&pool=100&title=A%20%3Cb%3E"];
      for (const link of links) {
        await withPage(app.browser, `split answer ${link}`, async ({ page }) => {
          // Hold every chunk, the app's included: what shows is the boot module's answer.
          let release;
          const held = new Promise((resolve) => (release = resolve));
          await page.route(/\/(split_kwhich_|chunk_)[\w-]+\.wasm$/, async (route) => {
            await held;
            await route.continue();
          });
          await page.goto(server.url + link, { waitUntil: "load" });
          await page.waitForSelector("#app[data-answer]", { state: "attached" });
          assert.equal(await page.locator("#app[data-ready]").count(), 0, "the app mounted without its chunk");
          const early = await readAnswer(page);
          const want = evaluate(link).metrics;
          assert.ok(early.length >= 13, `the answer shows ${early.length} figures`);
          // The projected paybacks wait for the time model, on the page as before the app.
          const today = early.filter((m) => !m.key.endsWith("_payback_months"));
          assert.deepEqual(metricMismatches(today, only(want, today)), []);
          for (const m of early.filter((m) => m.key.endsWith("_payback_months"))) {
            assert.ok(m.value === "" && m.reason, `${m.key} waits for the time model`);
          }
          release();
          await waitReady(page);
          assert.equal(await page.locator("#app[data-answer]").count(), 0, "the app replaced the answer");
          const late = await readMetrics(page);
          assert.deepEqual(metricMismatches(late, only(want, late)), []);
          // The same figures, in the same text, before and after the app mounted.
          const texts = await page.$$eval("[data-metric]", (els) => Object.fromEntries(els.map((el) => [el.getAttribute("data-metric"), el.textContent])));
          for (const { key, text } of early) {
            if (key in texts && !/payback_months/.test(key)) assert.equal(text, texts[key], `${key} reads the same`);
          }
        });
      }
      await withPage(app.browser, "split order", async ({ page }) => {
        // Hold the sections' chunks until the app has mounted.
        let release;
        const held = new Promise((resolve) => (release = resolve));
        await page.route(/\/split_kwhich_(?!app-)[\w-]+\.wasm$/, async (route) => {
          await held;
          await route.continue();
        });
        await page.goto(server.url, { waitUntil: "load" });
        await page.waitForSelector("#app[data-ready]", { state: "attached" });
        assert.ok(await page.locator("#app[data-loading]").count(), "sections wait for their chunks");
        assert.ok(await page.locator('[data-section="compare"] [data-metric]').count(), "the first screen is there");
        release();
        await waitReady(page);
        assert.deepEqual(metricMismatches(await readMetrics(page), evaluate("?").metrics), []);
      });
    } finally {
      await server.close();
    }
  });

  test("the default page's answer is in its HTML, with the live figures; any other link waits for its own", async () => {
    const html = readFileSync(path.join(DIST, "index.html"), "utf8");
    const written = [...html.matchAll(/data-metric="([\w]+)" data-value="([^"]*)"/g)].map(([, key, value]) => ({ key, value }));
    assert.ok(written.length >= 13, `index.html holds ${written.length} figures`);
    const want = evaluate("?").metrics;
    const today = written.filter((m) => !m.key.endsWith("_payback_months"));
    assert.deepEqual(metricMismatches(today, only(want, today)), [], "index.html's figures are the evaluator's");
    const server = await startServer();
    try {
      for (const link of ["", "?v=1&kwh=0.03", "?lang=ar"]) {
        await withPage(app.browser, `split prewritten ${link}`, async ({ page }) => {
          // No Wasm yet (held, never answered): what shows is the HTML and its inline script.
          await page.route(/\.wasm$/, () => {});
          await page.goto(server.url + link, { waitUntil: "domcontentloaded" });
          const shown = await page.$$eval("#app [data-metric]", (els) => els.map((el) => ({ key: el.getAttribute("data-metric"), value: el.getAttribute("data-value") })));
          if (link === "") {
            assert.deepEqual(shown, written, "the default page shows the written answer");
          } else {
            assert.deepEqual(shown, [], `${link} shows the default scenario's figures`);
            assert.equal(await page.locator("#app .boot").count(), 1, "the loading line is back");
          }
        });
      }
      await withPage(app.browser, "split prewritten then live", async ({ page }) => {
        await openApp(page, server.url, "");
        const live = await readMetrics(page);
        for (const { key, value } of today) {
          assert.ok(live.some((m) => m.key === key && m.value === value), `${key} on the mounted page equals index.html's`);
        }
      });
    } finally {
      await server.close();
    }
  });

  test("an app chunk that cannot load leaves the answer under an alert", async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), "kwhich-split-"));
    dirs.push(dir);
    cpSync(DIST, dir, { recursive: true });
    rmSync(path.join(dir, chunkOf(dir, "app")));
    const server = await startServer({ root: dir });
    try {
      const expectErrors = [/404/, /Failed to load resource/, /WebAssembly/, /could not load/, /Failed to fetch|fetch/i];
      await withPage(
        app.browser,
        "split missing app",
        async ({ page }) => {
          await page.goto(server.url + "?v=1&kwh=0.03", { waitUntil: "load" });
          await page.waitForSelector('#app > p.boot[role="alert"]', { state: "attached", timeout: 15_000 });
          assert.equal(await page.locator('#app > p.boot[role="alert"]').count(), 1, "one alert");
          const early = await readAnswer(page);
          const today = early.filter((m) => !m.key.endsWith("_payback_months"));
          assert.ok(today.length >= 13, `the answer stays: ${today.length} figures`);
          assert.deepEqual(metricMismatches(today, only(evaluate("?v=1&kwh=0.03").metrics, today)), []);
        },
        { expectErrors },
      );
    } finally {
      await server.close();
    }
  });

  test("today's network is a chunk fetched on the first press only; one that cannot load is named", async () => {
    assert.ok(chunkOf(DIST, "live"), `no chunk for live in ${DIST}`);
    const server = await startServer();
    try {
      await withPage(
        app.browser,
        "split live chunk",
        async ({ page }) => {
          // The build's API (mempool.space) answers here from the test: no request leaves.
          const api = /^https?:\/\/[^/]+\/api\//;
          const answers = {
            "/api/v1/prices": { USD: 98765 },
            "/api/v1/mining/hashrate/3d": { currentDifficulty: 149301205959699.88 },
            "/api/v1/mining/reward-stats/144": { totalFee: "2993214350" },
            "/api/blocks/tip/height": 925143,
          };
          await page.route(api, (route) =>
            route.fulfill({
              status: 200,
              contentType: "application/json",
              headers: { "access-control-allow-origin": "*" },
              body: JSON.stringify(answers[new URL(route.request().url()).pathname]),
            }),
          );
          // No service worker: it would fetch the chunk (it precaches every file for offline
          // use) where page.route cannot hold it.
          await page.addInitScript(() => {
            navigator.serviceWorker.register = () => new Promise(() => {});
          });
          const fetched = [];
          page.on("request", (r) => fetched.push(new URL(r.url()).pathname));
          const live = (paths) => paths.filter((p) => /\/split_kwhich_live-[\w]+\.wasm$/.test(p));
          // The first time, the chunk cannot be had: nothing changes, the page says why.
          let block = true;
          await page.route(/\/split_kwhich_live-[\w-]+\.wasm$/, (route) => (block ? route.abort() : route.continue()));
          await openApp(page, server.url, "?v=1&kwh=0.04");
          await page.waitForLoadState("networkidle");
          assert.deepEqual(live(fetched), [], "the live chunk waits for the press");
          const status = page.locator("[data-live-status]");
          await page.locator("button[data-live]").click();
          await page.waitForFunction(() => document.querySelector("[data-live-status]").textContent !== "");
          assert.equal(
            await status.innerText(),
            "The page could not load its live-data script: the connection may be offline. Nothing changed.",
          );
          assert.equal(live(fetched).length, 1, "the press asked for the chunk");
          assert.equal(fetched.filter((p) => p.startsWith("/api/")).length, 0, "no request without its code");
          assert.equal(await page.evaluate(() => location.search), "?v=1&kwh=0.04", "link unchanged");
          assert.equal(await page.locator("button[data-live]").isEnabled(), true);
          // Pressed again with the chunk there, the figures come.
          block = false;
          await page.locator("button[data-live]").click();
          await page.waitForFunction(() => document.querySelector("[data-live-status]").textContent.startsWith("Price"));
          await page.waitForFunction(() => location.search.includes("btc=98765"));
          assert.equal(live(fetched).length, 2, "asked for again after the failure");
          assert.match(await page.evaluate(() => location.search), /diff=149\.3012059597.*fee=0\.20786211/);
        },
        { expectErrors: [/split_kwhich_live/, /Failed to load resource/, /WebAssembly|fetch/i] },
      );
    } finally {
      await server.close();
    }
  });

  test("a chunk that cannot load leaves its section saying so, and the page works on", async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), "kwhich-split-"));
    dirs.push(dir);
    cpSync(DIST, dir, { recursive: true });
    // The decision map and the tornado share one chunk.
    rmSync(path.join(dir, chunkOf(dir, "map")));
    const server = await startServer({ root: dir });
    try {
      const expectErrors = [/404/, /Failed to load resource/, /WebAssembly/];
      await withPage(
        app.browser,
        "split missing chunk",
        async ({ page }) => {
          await openApp(page, server.url, "?v=1&kwh=0.03");
          const unloaded = await page.locator("[data-unloaded]").allInnerTexts();
          assert.equal(unloaded.length, 2, "the map's and the tornado's places say so");
          for (const text of unloaded) assert.match(text, /could not load/);
          assert.equal(await page.locator('[data-section="map"], [data-section="drivers"]').count(), 0);
          // Every other section is there and follows an edit.
          assert.equal(await page.locator('[data-section="time"]').count(), 1);
          await page.locator("input[name=kwh]").fill("0.04");
          await page.waitForURL(/kwh=0\.04/);
          const expected = evaluate("?v=1&kwh=0.04").metrics;
          assert.deepEqual(metricMismatches(await readMetrics(page), expected), []);
        },
        { expectErrors },
      );
    } finally {
      await server.close();
    }
  });
});
