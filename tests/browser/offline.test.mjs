// Offline after one visit: the service worker that scripts/post-build.mjs writes into the
// build. Each test serves its own copy of dist/ under /kwhich/ (so that it can stop the
// server, or change the files as a new deploy would), loads the page once, waits for the
// worker to control it, then cuts the network: the browser context goes offline and the
// server stops, so nothing can come from anywhere but the worker's cache.

import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { after, describe, test } from "node:test";

import {
  DIST,
  ROOT,
  evaluate,
  metricMismatches,
  openApp,
  readMetrics,
  startServer,
  useBrowser,
  withPage,
} from "./support.mjs";

/** Waits until a service worker controls `page` and returns the names of its caches. */
async function waitControlled(page) {
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null, null, { timeout: 15_000 });
  return page.evaluate(() => caches.keys());
}

async function assertFigures(page, query, what) {
  const expected = evaluate(query);
  assert.deepEqual(metricMismatches(await readMetrics(page), expected.metrics), [], what);
}

describe("offline after one visit", () => {
  const app = useBrowser({ serve: false });
  let dirs = [];
  const copyOfDist = () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), "kwhich-offline-"));
    cpSync(DIST, dir, { recursive: true });
    dirs.push(dir);
    return dir;
  };
  after(() => {
    for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
    dirs = [];
  });

  test("the page and any share link open with the network off", async () => {
    const server = await startServer({ root: copyOfDist(), prefix: "/kwhich/" });
    try {
      await withPage(app.browser, "offline share link", async ({ page, context }) => {
        await openApp(page, server.url, "?v=1&kwh=0.03");
        const cacheNames = await waitControlled(page);
        assert.equal(cacheNames.length, 1, `one cache: ${cacheNames}`);
        assert.match(cacheNames[0], /^kwhich http:\/\/127\.0\.0\.1:\d+\/kwhich\/ [0-9a-f]{16}$/);
        const asked = server.requests.length;

        await context.setOffline(true);
        await server.close();
        // A link never opened before, then another in a new tab: both from the cache.
        for (const [target, query] of [
          [page, "?v=1&asic=s21xp&gpu=b200&kwh=0.045&btc=92000"],
          [await context.newPage(), "?v=1&gpu=h200&util=80&diff=160&theme=dark"],
        ]) {
          await openApp(target, server.url, query);
          await assertFigures(target, query, `offline ${query}`);
        }
        assert.equal(server.requests.length, asked, "nothing reached the (stopped) server");
      });
    } finally {
      await server.close();
    }
  });

  test("a new build replaces the first one's cache and is what opens offline", async () => {
    const dir = copyOfDist();
    const server = await startServer({ root: dir, prefix: "/kwhich/" });
    try {
      await withPage(app.browser, "offline new build", async ({ page, context }) => {
        await openApp(page, server.url, "");
        const [first] = await waitControlled(page);

        // A second deploy: another index.html, run through the same post_build step, so
        // a new sw.js with a new build name (as `trunk build` would write).
        const index = path.join(dir, "index.html");
        writeFileSync(index, readFileSync(index, "utf8").replace("</head>", '<meta name="kwhich-build" content="second">\n</head>'));
        const hook = spawnSync("node", [path.join(ROOT, "scripts/post-build.mjs"), dir], { encoding: "utf8" });
        assert.equal(hook.status, 0, hook.stderr);

        // The next load takes the new build: its worker installs, activates, deletes the old cache.
        await page.reload();
        let keys = [first];
        for (let i = 0; i < 75 && (keys.length !== 1 || keys[0] === first); i++) {
          await page.waitForTimeout(200);
          keys = await page.evaluate(() => caches.keys());
        }
        assert.equal(keys.length, 1, `one cache after the update: ${keys}`);
        const [second] = keys;
        assert.ok(await page.evaluate(() => navigator.serviceWorker.controller !== null), "the new worker controls the page");
        assert.notEqual(second, first);
        assert.equal(second.split(" ")[1], first.split(" ")[1], "same scope");

        await context.setOffline(true);
        await server.close();
        const query = "?v=1&asic=s21xp&kwh=0.03";
        await openApp(page, server.url, query);
        assert.equal(await page.locator('meta[name="kwhich-build"]').getAttribute("content"), "second");
        await assertFigures(page, query, "offline, second build");
      });
    } finally {
      await server.close();
    }
  });

  /**
   * Serves a copy of dist/ whose host turns bad once the worker controls the page: `bad(url)`
   * is the host's `intercept` from then on (see startServer).
   */
  async function withTroubledHost(what, bad, check) {
    let troubled = false;
    const server = await startServer({ root: copyOfDist(), prefix: "/kwhich/", intercept: (url) => (troubled ? bad(url) : null) });
    try {
      await withPage(app.browser, what, async ({ page }) => {
        await openApp(page, server.url, "?v=1&kwh=0.03");
        await waitControlled(page);
        troubled = true;
        await check(page, server);
      });
    } finally {
      troubled = false;
      await server.close();
    }
  }

  test("a server error (5xx) opens the cached app", async () => {
    const unavailable = () => ({ status: 503, body: "Service Unavailable" });
    await withTroubledHost("offline 5xx", unavailable, async (page, server) => {
      for (const query of ["?v=1&asic=s21xp&kwh=0.045", "?v=1&gpu=h200&util=80"]) {
        const asked = server.requests.length;
        await openApp(page, server.url, query);
        assert.ok(server.requests.length > asked, "the network was asked first");
        await assertFigures(page, query, `503, ${query}`);
      }
    });
  });

  test("a page the network leaves unanswered for 3 s opens from the cache", async () => {
    // The host answers pages after 20 s (files at once).
    const slow = async (url) => {
      if (url.pathname === "/kwhich/") await new Promise((r) => setTimeout(r, 20_000).unref());
      return null;
    };
    await withTroubledHost("offline slow", slow, async (page, server) => {
      const query = "?v=1&btc=92000&kwh=0.04";
      const started = Date.now();
      await openApp(page, server.url, query);
      const waited = Date.now() - started;
      assert.ok(waited >= 2_500 && waited < 12_000, `opened after ${waited} ms (the host answers after 20 s)`);
      await assertFigures(page, query, "slow network");
    });
  });

  test("sw.js is a real file, and the build's copy parses with its values filled in", () => {
    for (const file of [path.join(ROOT, "scripts/sw.js"), path.join(DIST, "sw.js")]) {
      const check = spawnSync(process.execPath, ["--check", file], { encoding: "utf8" });
      assert.equal(check.status, 0, `node --check ${file}: ${check.stderr}`);
    }
    const built = readFileSync(path.join(DIST, "sw.js"), "utf8");
    assert.match(built, /^const BUILD = "[0-9a-f]{16}";$/m);
    const files = JSON.parse(/^const FILES = (\[.*\]);$/m.exec(built)?.[1] ?? "null");
    assert.ok(files.includes("./") && files.some((f) => f.endsWith(".wasm")), `precached: ${files}`);
    assert.doesNotMatch(built, /\/\* KWHICH_(BUILD|FILES) \*\//, "every marked value is filled in");
    // The rest is the template as written.
    const template = readFileSync(path.join(ROOT, "scripts/sw.js"), "utf8");
    const rest = (text) => text.replace(/^const (BUILD|FILES) = .*$/gm, "");
    assert.equal(rest(built), rest(template));
  });

  test("an embed registers no worker", async () => {
    const server = await startServer({ root: copyOfDist(), prefix: "/kwhich/" });
    try {
      await withPage(app.browser, "offline embed", async ({ page }) => {
        await openApp(page, server.url, "?embed=1");
        await page.waitForLoadState("networkidle");
        assert.equal(await page.evaluate(async () => (await navigator.serviceWorker.getRegistrations()).length), 0);
        assert.ok(!server.requests.some((r) => r.startsWith("/kwhich/sw.js")), "sw.js was not asked for");
      });
    } finally {
      await server.close();
    }
  });
});
