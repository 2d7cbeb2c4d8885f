// "Use today's network" against a local stand-in for the mempool.space REST API.
//
// scripts/test builds the sub-path dist ($KWHICH_SUBPATH_DIST) with
// KWHICH_API_BASE=http://127.0.0.1:$KWHICH_MOCK_API_PORT, which the build writes into its
// index.html (and its Content-Security-Policy); the stand-in listens there. Its answers have the shapes of the real API (its documentation, Nov 2026): a
// good answer fills btc, diff, fee and blk and the figures equal the evaluator's for the
// new link; every failure names what failed and changes nothing.

import assert from "node:assert/strict";
import { existsSync } from "node:fs";
import http from "node:http";
import path from "node:path";
import { after, before, describe, test } from "node:test";

import {
  ROOT,
  apiBaseOf,
  cspOf,
  evaluate,
  launchBrowser,
  metricMismatches,
  openApp,
  readMetrics,
  revealInput,
  startServer,
  withPage,
} from "./support.mjs";

const SUBPATH_DIST = process.env.KWHICH_SUBPATH_DIST ? path.resolve(ROOT, process.env.KWHICH_SUBPATH_DIST) : null;

const MOCK_ORIGIN = SUBPATH_DIST && existsSync(path.join(SUBPATH_DIST, "index.html")) ? apiBaseOf(SUBPATH_DIST) : null;
const skip = !SUBPATH_DIST
  ? "KWHICH_SUBPATH_DIST is not set (scripts/test sets it)"
  : !MOCK_ORIGIN?.startsWith("http://127.0.0.1:")
    ? `the sub-path build talks to ${MOCK_ORIGIN}, not a local stand-in (build it with KWHICH_API_BASE=http://127.0.0.1:PORT)`
    : false;

// ---------------------------------------------------------------------------------------
// The stand-in API

const PRICES = { time: 1795615200, USD: 98765, EUR: 94321, GBP: 78901, CAD: 138000, CHF: 87000, AUD: 151000, JPY: 15000000 };
const HASHRATE = {
  hashrates: [
    { timestamp: 1795392000, avgHashrate: 1.0512e21 },
    { timestamp: 1795478400, avgHashrate: 1.0698e21 },
  ],
  difficulty: [{ time: 1795300000, height: 925056, difficulty: 149301205959699.88, adjustment: 1.0123 }],
  currentHashrate: 1.0735e21,
  currentDifficulty: 149301205959699.88,
};
const REWARDS = { startBlock: 925000, endBlock: 925143, totalReward: "45993214350", totalFee: "2993214350", totalTx: "512345" };
const HEIGHT = "925143";

// What the page makes of those (worked in src/model/edit/live.rs's tests): 98765 USD;
// 149301205959700 / 10^12 T; 2993214350 sat / 144 / 10^8 = 0.20786211 BTC; 925143.
const FILLED = { btc: "98765", diff: "149.3012059597", fee: "0.20786211", blk: "925143" };

const PATHS = {
  prices: "/api/v1/prices",
  hashrate: "/api/v1/mining/hashrate/3d",
  rewards: "/api/v1/mining/reward-stats/144",
  height: "/api/blocks/tip/height",
};

const json = (body) => ({ status: 200, type: "application/json", body: JSON.stringify(body) });
const GOOD = {
  prices: json(PRICES),
  hashrate: json(HASHRATE),
  rewards: json(REWARDS),
  height: { status: 200, type: "text/plain", body: HEIGHT },
};

async function startMockApi(origin) {
  const { port } = new URL(origin);
  let answers = GOOD;
  const requests = [];
  const server = http.createServer((req, res) => {
    requests.push({ path: req.url, headers: req.headers });
    const name = Object.keys(PATHS).find((k) => PATHS[k] === req.url);
    const answer = name ? answers[name] : { status: 404, type: "text/plain", body: "not found\n" };
    const send = () => {
      if (answer.hangUp) return req.socket.destroy();
      // As mempool.space does: any origin may read /api.
      res.writeHead(answer.status, { "content-type": answer.type, "access-control-allow-origin": "*", "cache-control": "no-store" });
      res.end(answer.body);
    };
    if (answer.delay) setTimeout(send, answer.delay);
    else send();
  });
  await new Promise((resolve, reject) => {
    server.once("error", reject);
    server.listen(Number(port), "127.0.0.1", resolve);
  });
  return {
    requests,
    answer(overrides) {
      answers = { ...GOOD, ...overrides };
    },
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections?.();
        server.close(() => resolve());
      }),
  };
}

// ---------------------------------------------------------------------------------------

const status = (page) => page.locator("[data-live-status]").innerText();
const inputValues = (page) =>
  page.$$eval("input[name]", (els) => Object.fromEntries(els.map((e) => [e.name, e.value])));

describe("Use today's network", { skip }, () => {
  let browser;
  let server;
  let api;
  before(async () => {
    server = await startServer({ root: SUBPATH_DIST, prefix: "/kwhich/" });
    api = await startMockApi(MOCK_ORIGIN);
    browser = await launchBrowser();
  });
  after(async () => {
    await browser?.close();
    await server?.close();
    await api?.close();
  });

  test("the build names the stand-in as its API, and only that host besides its own", () => {
    assert.match(cspOf(SUBPATH_DIST), new RegExp(`connect-src 'self' ${MOCK_ORIGIN.replace(/[.]/g, "\\.")};`));
  });

  test("fills the four fields, updates the link, names the source, asks nothing before the press", async () => {
    api.answer({});
    const link = "?v=1&kwh=0.04";
    await withPage(browser, "live good", async ({ page }) => {
      const first = api.requests.length;
      await openApp(page, server.url, link);
      await page.waitForLoadState("networkidle");
      assert.equal(api.requests.length, first, "no request to the API before the press");
      assert.equal(await status(page), "");

      const before = Date.now();
      await page.locator("button[data-live]").click();
      await page.waitForFunction(() => document.querySelector("[data-live-status]").textContent.startsWith("Price"));
      const after = Date.now();
      const expectedLink = "?v=1&btc=98765&diff=149.3012059597&fee=0.20786211&kwh=0.04&blk=925143";
      await page.waitForFunction((q) => location.search === q, expectedLink);

      const asked = api.requests.slice(first);
      assert.deepEqual(asked.map((r) => r.path).sort(), Object.values(PATHS).sort(), "each endpoint once");
      for (const r of asked) {
        assert.equal(r.headers.referer, undefined, `no referrer (the scenario) sent to ${r.path}`);
        assert.equal(r.headers.cookie, undefined, `no cookie sent to ${r.path}`);
      }
      const values = await inputValues(page);
      // blk has no input (the page does not chart the projection yet): the link holds it.
      for (const [key, value] of Object.entries(FILLED)) {
        if (key !== "blk") assert.equal(values[key], value, `input ${key}`);
      }
      assert.equal(values.kwh, "0.04", "the other inputs stay");
      assert.deepEqual(metricMismatches(await readMetrics(page), evaluate(expectedLink).metrics), []);

      // "…: 127.0.0.1:PORT, 25 Nov 2026 14:03 UTC": the API's host and the minute it answered.
      const source = (await status(page)).replace(/^Price, difficulty, fees and height: /, "");
      const host = new URL(MOCK_ORIGIN).host;
      const stamps = [before, after].map((ms) => {
        const d = new Date(ms);
        const month = d.toLocaleString("en-GB", { month: "short", timeZone: "UTC" });
        const hhmm = d.toISOString().slice(11, 16);
        return `${host}, ${d.getUTCDate()} ${month} ${d.getUTCFullYear()} ${hhmm} UTC`;
      });
      assert.ok(stamps.includes(source), `source ${JSON.stringify(source)}, expected one of ${JSON.stringify(stamps)}`);
      assert.equal(await page.locator("button[data-live]").isEnabled(), true);

      // Another input keeps the source; changing one of the four drops it.
      await page.locator('input[name="kwh"]').fill("0.05");
      await page.waitForFunction(() => !location.search.includes("kwh="));
      assert.match(await status(page), /^Price, difficulty, fees and height: /, "kwh is not one of the four");
      await revealInput(page, "fee");
      await page.locator('input[name="fee"]').fill("0.3");
      await page.waitForFunction(() => document.querySelector("[data-live-status]").textContent === "");
    });
  });

  // Each: what the stand-in answers (the rest answer well), the message the page must show.
  const plain = (status, body) => ({ status, type: "text/plain", body });
  const everywhere = (answer) => ({ prices: answer, hashrate: answer, rewards: answer, height: answer });
  const HOST = String.raw`127\.0\.0\.1:\d+`;
  const FAILURES = [
    [
      "a 429 (too many requests)",
      everywhere(plain(429, "Too Many Requests")),
      new RegExp(`^${HOST} is limiting requests \\(HTTP 429\\) for the bitcoin price: try again in a minute\\. Nothing changed\\.$`),
    ],
    [
      "a 500 on every endpoint",
      everywhere(plain(500, "Internal Server Error")),
      new RegExp(`^${HOST} had a server error \\(HTTP 500\\) for the bitcoin price\\. Nothing changed\\.$`),
    ],
    [
      "malformed JSON",
      { prices: { status: 200, type: "application/json", body: '{"time":1795615200,"USD":98' } },
      new RegExp(`^The answer of ${HOST} for the bitcoin price is not the expected JSON\\. Nothing changed\\.$`),
    ],
    [
      "JSON of the wrong shape",
      { hashrate: json({ currentHashrate: 1.07e21 }) },
      new RegExp(`^The answer of ${HOST} for the difficulty is not the expected JSON\\. Nothing changed\\.$`),
    ],
    [
      "a price of 0",
      { prices: json({ ...PRICES, USD: 0 }) },
      new RegExp(
        `^From ${HOST}, \\d+ \\w{3} \\d{4} \\d\\d:\\d\\d UTC: Bitcoin price = 0 USD\\. ` +
          `Bitcoin price is out of range; it must be > 0 and ≤ 10,000,000 USD\\. Nothing changed\\.$`,
      ),
    ],
    [
      "a height out of range",
      { height: plain(200, "10000001") },
      /: Block height at the start = 10000001\. Block height at the start is out of range; .* Nothing changed\.$/,
    ],
    [
      "a slow answer past the time limit",
      { hashrate: { ...json(HASHRATE), delay: 9000 } },
      new RegExp(`^${HOST} did not answer within 6 s for the difficulty\\. Nothing changed\\.$`),
    ],
    [
      "one endpoint failing among four",
      { rewards: plain(503, "Service Unavailable") },
      new RegExp(`^${HOST} had a server error \\(HTTP 503\\) for the fees of the last 144 blocks\\. Nothing changed\\.$`),
    ],
    [
      "no answer at all (the connection drops)",
      { height: { hangUp: true } },
      new RegExp(`^Could not reach ${HOST} for the block height: the connection may be offline\\. Nothing changed\\.$`),
    ],
  ];
  for (const [name, answers, message] of FAILURES) {
    test(`${name}: the message names it and nothing changes`, async () => {
      api.answer(answers);
      const link = "?v=1&btc=90000&diff=160&kwh=0.04";
      const expected = evaluate(link).metrics;
      // The browser reports the API's errors itself (console, failed requests): expected here.
      const fromApi = new RegExp(MOCK_ORIGIN.replace(/[.*+?^${}()|[\]\\]/g, "\\$&"));
      await withPage(
        browser,
        `live ${name}`,
        async ({ page }) => {
          await openApp(page, server.url, link);
          const inputs = await inputValues(page);
          await page.locator("button[data-live]").click();
          await page.waitForFunction(() => document.querySelector("[data-live-status]").textContent !== "", null, {
            timeout: 15_000,
          });
          assert.match(await status(page), message);
          assert.equal(await page.locator("[data-live-status][role=status]").count(), 1);
          assert.equal(await page.locator("button[data-live]").isEnabled(), true);
          assert.deepEqual(await inputValues(page), inputs, "inputs unchanged");
          assert.deepEqual(metricMismatches(await readMetrics(page), expected), [], "figures unchanged");
          assert.equal(await page.evaluate(() => location.search), link, "link unchanged");
        },
        { expectErrors: [fromApi, /Failed to load resource/] },
      );
    });
  }

  test("the button shows its progress and cannot be pressed twice", async () => {
    api.answer({ prices: { ...json(PRICES), delay: 1500 } });
    await withPage(browser, "live progress", async ({ page }) => {
      await openApp(page, server.url, "");
      const first = api.requests.length;
      const button = page.locator("button[data-live]");
      await button.click();
      assert.equal(await button.isDisabled(), true);
      assert.equal(await button.innerText(), `Asking ${new URL(MOCK_ORIGIN).host}…`);
      assert.equal(await button.getAttribute("aria-busy"), "true");
      await button.click({ force: true }).catch(() => {});
      await page.waitForFunction(() => document.querySelector("[data-live-status]").textContent.startsWith("Price"));
      assert.equal(await button.innerText(), "Use today's network");
      assert.equal(await button.getAttribute("aria-busy"), null);
      assert.equal(api.requests.length - first, 4, "one round of four requests");
    });
  });

  test("an embed shows the button only when its link says live=1, and the panel writes it", async () => {
    api.answer({});
    await withPage(browser, "live embed", async ({ page }) => {
      await openApp(page, server.url, "?embed=1");
      assert.equal(await page.locator("button[data-live]").count(), 0, "embed=1 alone: no button");
      await openApp(page, server.url, "?embed=1&live=1");
      assert.equal(await page.locator("button[data-live]").count(), 1, "embed=1&live=1: the button");
      await page.locator("button[data-live]").click();
      await page.waitForFunction(() => document.querySelector("[data-live-status]").textContent.startsWith("Price"));
      const values = await page.$$eval("[data-metric=network_hashrate_eh_s]", (els) => els.map((e) => e.getAttribute("data-value")));
      const expected = evaluate("?btc=98765&diff=149.3012059597&fee=0.20786211&blk=925143").metrics.network_hashrate_eh_s;
      assert.deepEqual([...new Set(values)], [expected]);
      // An embed never writes the host page's address bar.
      assert.equal(await page.evaluate(() => location.search), "?embed=1&live=1");

      await openApp(page, server.url, "?kwh=0.03");
      await page.getByRole("button", { name: "Embed" }).click();
      const code = page.locator("#embed-code");
      assert.doesNotMatch(await code.inputValue(), /live=1/);
      await page.locator("#embed-live").check();
      await page.waitForFunction(() => document.querySelector("#embed-code").value.includes("live=1"));
    });
  });
});
