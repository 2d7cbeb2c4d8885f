// The split Wasm (src/ui/lazy.rs, scripts/split-wasm.mjs): the first screen comes from the
// main module alone, the sections below it from chunks fetched after it has mounted; a
// chunk that cannot load leaves its section saying so, and the rest of the page works.

import assert from "node:assert/strict";
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { after, before, describe, test } from "node:test";

import {
  DIST,
  evaluate,
  launchBrowser,
  metricMismatches,
  openApp,
  readMetrics,
  requireDist,
  startServer,
  waitReady,
  withPage,
} from "./support.mjs";

const chunkOf = (dir, split) => readdirSync(dir).find((f) => f.startsWith(`split_kwhich_${split}-`) && f.endsWith(".wasm"));

describe("the split Wasm", () => {
  let browser;
  const dirs = [];
  before(async () => {
    requireDist();
    browser = await launchBrowser();
  });
  after(async () => {
    await browser?.close();
    for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
  });

  test("index.html names no chunk; the page mounts before any chunk has arrived", async () => {
    const html = readFileSync(path.join(DIST, "index.html"), "utf8");
    assert.doesNotMatch(html, /split_kwhich_|chunk_\d+/, "index.html preloads a chunk");
    for (const split of ["time", "map", "panels", "over_time"]) {
      assert.ok(chunkOf(DIST, split), `no chunk for ${split} in ${DIST}`);
    }
    const server = await startServer();
    try {
      await withPage(browser, "split order", async ({ page }) => {
        // Hold every chunk until the app has mounted.
        let release;
        const held = new Promise((resolve) => (release = resolve));
        await page.route(/\/(split_kwhich_|chunk_)[\w-]+\.wasm$/, async (route) => {
          await held;
          await route.continue();
        });
        await page.goto(server.url, { waitUntil: "load" });
        await page.waitForSelector("#app[data-ready]", { state: "attached" });
        assert.ok(await page.locator('#app[data-loading]').count(), "sections wait for their chunks");
        assert.ok(await page.locator('[data-section="compare"] [data-metric]').count(), "the first screen is there");
        release();
        await waitReady(page);
        const link = "?";
        assert.deepEqual(metricMismatches(await readMetrics(page), evaluate(link).metrics), []);
      });
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
        browser,
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
