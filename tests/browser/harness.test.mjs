// The harness itself: the static server, the system Chromium, the evaluator's JSON reader.
// These pass before the page exists, so that a failure elsewhere is the page's, not ours.

import assert from "node:assert/strict";
import { mkdtempSync, readFileSync, rmSync, writeFileSync, mkdirSync } from "node:fs";
import http from "node:http";
import os from "node:os";
import path from "node:path";
import { after, before, describe, test } from "node:test";

import {
  DIST,
  JsonNumber,
  findBrokenNumbers,
  parseJsonKeepingNumbers,
  requireDist,
  startServer,
  useBrowser,
  warningKey,
  withPage,
} from "./support.mjs";

/** A raw GET that does not normalise the path (so "/../" reaches the server as is). */
function get(origin, rawPath) {
  const { hostname, port } = new URL(origin);
  return new Promise((resolve, reject) => {
    const req = http.request({ hostname, port, path: rawPath, method: "GET" }, (res) => {
      const chunks = [];
      res.on("data", (c) => chunks.push(c));
      res.on("end", () => resolve({ status: res.statusCode, headers: res.headers, body: Buffer.concat(chunks) }));
    });
    req.on("error", reject);
    req.end();
  });
}

describe("static server", () => {
  let dir;
  before(() => {
    dir = mkdtempSync(path.join(os.tmpdir(), "kwhich-serve-"));
    writeFileSync(path.join(dir, "index.html"), "<!doctype html><title>t</title><p>hello</p>");
    writeFileSync(path.join(dir, "app_bg.wasm"), Buffer.from([0, 0x61, 0x73, 0x6d, 1, 0, 0, 0]));
    writeFileSync(path.join(dir, "app.js"), "export default 1;");
    writeFileSync(path.join(dir, "main.css"), "p{}");
    mkdirSync(path.join(dir, "sub"));
    writeFileSync(path.join(dir, "sub", "index.html"), "<p>sub</p>");
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  for (const prefix of ["/", "/kwhich/"]) {
    test(`serves files with their MIME types under ${prefix}`, async () => {
      const server = await startServer({ root: dir, prefix });
      try {
        const expect = {
          "": "text/html; charset=utf-8",
          "?v=1&kwh=0.03": "text/html; charset=utf-8",
          "index.html": "text/html; charset=utf-8",
          "app_bg.wasm": "application/wasm",
          "app.js": "text/javascript; charset=utf-8",
          "main.css": "text/css; charset=utf-8",
          "sub/": "text/html; charset=utf-8",
        };
        for (const [rel, type] of Object.entries(expect)) {
          const res = await get(server.origin, prefix + rel);
          assert.equal(res.status, 200, `${prefix}${rel}`);
          assert.equal(res.headers["content-type"], type, `${prefix}${rel}`);
        }
        assert.equal((await get(server.origin, prefix + "app_bg.wasm")).body.length, 8);
        assert.equal((await get(server.origin, prefix + "missing.js")).status, 404);
        assert.equal((await get(server.origin, prefix + "../../etc/passwd")).status, 404);
        assert.equal((await get(server.origin, prefix + "%2e%2e/%2e%2e/etc/passwd")).status, 404);
        if (prefix !== "/") {
          assert.equal((await get(server.origin, "/index.html")).status, 404, "outside the prefix");
          const redirect = await get(server.origin, "/kwhich?kwh=1");
          assert.equal(redirect.status, 301);
          assert.equal(redirect.headers.location, "/kwhich/?kwh=1");
        }
      } finally {
        await server.close();
      }
    });
  }
});

describe("dist/", () => {
  // Everything index.html refers to must be served, at the root and under a sub-path.
  for (const prefix of ["/", "/kwhich/"]) {
    test(`serves dist/index.html and its assets under ${prefix}`, async () => {
      requireDist();
      const html = readFileSync(path.join(DIST, "index.html"), "utf8");
      const refs = new Set(
        [...html.matchAll(/["'](\.?\/?[\w./-]+\.(?:js|wasm|css))["']/g)].map((m) => m[1].replace(/^\.?\//, "")),
      );
      assert.ok([...refs].some((r) => r.endsWith(".js")), `index.html refers to no .js: ${[...refs]}`);
      assert.ok([...refs].some((r) => r.endsWith("_bg.wasm")), `index.html refers to no _bg.wasm: ${[...refs]}`);
      const server = await startServer({ prefix });
      try {
        const index = await get(server.origin, prefix);
        assert.equal(index.status, 200);
        assert.equal(index.headers["content-type"], "text/html; charset=utf-8");
        for (const ref of refs) {
          const res = await get(server.origin, prefix + ref);
          assert.equal(res.status, 200, ref);
          const want = { ".js": "text/javascript", ".wasm": "application/wasm", ".css": "text/css" }[path.extname(ref)];
          assert.ok(res.headers["content-type"].startsWith(want), `${ref}: ${res.headers["content-type"]}`);
        }
      } finally {
        await server.close();
      }
    });
  }
});

describe("browser", () => {
  let dir;
  before(() => {
    dir = mkdtempSync(path.join(os.tmpdir(), "kwhich-page-"));
    writeFileSync(
      path.join(dir, "index.html"),
      `<!doctype html><meta charset="utf-8"><link rel="icon" href="data:,"><title>t</title>
       <div id="app"><span data-metric="a" data-value="0.05">0.05</span></div>
       <p id="bad" hidden>x</p>
       <script>document.getElementById("app").setAttribute("data-ready", "");</script>`,
    );
    // As the app's own page: a phone lays it out at its own width, not at 980 px.
    writeFileSync(path.join(dir, "screen.html"), `<!doctype html><meta name="viewport" content="width=device-width, initial-scale=1"><link rel="icon" href="data:,"><title>s</title>`);
    writeFileSync(path.join(dir, "error.html"), `<!doctype html><link rel="icon" href="data:,"><title>e</title><script>console.error("boom")</script>`);
    writeFileSync(
      path.join(dir, "broken.html"),
      `<!doctype html><link rel="icon" href="data:,"><title>b</title><p>NaN</p><p>-0</p><p>−0.00 %</p><p data-value="Infinity"></p>
       <p>fine: -0.5, 2024-01-05, 10-0, -15 %, 0</p>`,
    );
  });
  const app = useBrowser({ root: () => dir });
  after(() => rmSync(dir, { recursive: true, force: true }));

  test("the system Chromium opens a page served on 127.0.0.1", async () => {
    await withPage(app.browser, "harness-ok", async ({ page }) => {
      await page.goto(app.server.url);
      await page.waitForSelector("#app[data-ready]", { state: "attached" });
      assert.equal(await page.getAttribute('[data-metric="a"]', "data-value"), "0.05");
      assert.deepEqual(await findBrokenNumbers(page), []);
    });
  });

  test("a page opens on the screen asked for: width, height, a phone's scale and touch, the reader's scheme", async () => {
    const screen = (page) =>
      page.evaluate(() => ({
        width: innerWidth,
        height: innerHeight,
        scale: devicePixelRatio,
        touch: navigator.maxTouchPoints > 0,
        dark: matchMedia("(prefers-color-scheme: dark)").matches,
      }));
    for (const [options, want] of [
      [undefined, { width: 1280, height: 900, scale: 1, touch: false, dark: false }],
      [{ width: 360, mobile: true, touch: true, scheme: "dark" }, { width: 360, height: 800, scale: 2, touch: true, dark: true }],
      [{ width: 1280, height: 700, scheme: "light" }, { width: 1280, height: 700, scale: 1, touch: false, dark: false }],
    ]) {
      await withPage(
        app.browser,
        null,
        async ({ page }) => {
          await page.goto(app.server.url + "screen.html");
          assert.deepEqual(await screen(page), want, JSON.stringify(options));
        },
        options,
      );
    }
  });

  test("a console error fails the test", async () => {
    await assert.rejects(
      withPage(app.browser, null, async ({ page }) => {
        await page.goto(app.server.url + "error.html");
      }),
      /console\.error: boom/,
    );
  });

  test("NaN, Infinity and negative zeros are found", async () => {
    await withPage(app.browser, "harness-broken", async ({ page }) => {
      await page.goto(app.server.url + "broken.html");
      const found = await findBrokenNumbers(page);
      assert.equal(found.length, 4, found.join("\n"));
    });
  });
});

describe("evaluator JSON", () => {
  test("numbers keep their printed text", () => {
    const json = parseJsonKeepingNumbers(
      '{"metrics": {"a": 0.0770990886995869298135080700, "b": null, "c": -3, "d": 1e-7}, "w": ["x=1 \\"2\\" 3"]}',
    );
    assert.ok(json.metrics.a instanceof JsonNumber);
    assert.equal(json.metrics.a.text, "0.0770990886995869298135080700");
    assert.equal(json.metrics.b, null);
    assert.equal(json.metrics.c.text, "-3");
    assert.equal(json.metrics.d.text, "1e-7");
    assert.deepEqual(json.w, ['x=1 "2" 3']);
  });

  test("a warning names its key", () => {
    assert.equal(warningKey("kwh=abc ignored: not a number; using 0.05."), "kwh");
    assert.equal(warningKey('Unknown key "foo" ignored.'), "foo");
    assert.equal(warningKey("pool=100 ignored: Pool fee must be ≥ 0 and < 100 %; using 2."), "pool");
  });
});
