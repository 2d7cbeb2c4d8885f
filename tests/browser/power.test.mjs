// Power by the hour: choosing a price profile writes its keys into the link and every figure
// on the page (the metrics and the price duration curve's points) equals `kwhich eval` of
// that link; the reader's own file is read in the browser (the bundled ERCOT year gives a
// custom profile equal to the ERCOT one to the cent), and a broken file is named by its
// first bad row and changes nothing.

import assert from "node:assert/strict";
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { describe, test } from "node:test";

import {
  ARTIFACTS,
  READY,
  ROOT,
  evaluate,
  eventually as poll,
  metricMismatches,
  openApp,
  readMetrics,
  revealInput,
  search,
  useBrowser,
  withPage,
} from "./support.mjs";

const ERCOT_CSV = path.join(ROOT, "data/ercot_hb_north_2025_hourly.csv");
const ATTRIBUTION = "ERCOT real-time settlement point prices, HB_NORTH, 2025";


/** Polls `check` as support's `eventually` does, with this file's patience (10_000 ms). */
const eventually = (check) => poll(check, { timeout: 10_000 });

/** `a + b` for two plain decimal strings, exactly (the model's arithmetic, not a float's). */
function addExact(a, b) {
  const scale = Math.max(...[a, b].map((s) => (s.split(".")[1] ?? "").length));
  const int = (s) => {
    const [whole, frac = ""] = s.replace("-", "").split(".");
    const v = BigInt(whole + frac.padEnd(scale, "0"));
    return s.startsWith("-") ? -v : v;
  };
  const sum = int(a) + int(b);
  const digits = (sum < 0n ? -sum : sum).toString().padStart(scale + 1, "0");
  const text = `${digits.slice(0, digits.length - scale)}.${digits.slice(digits.length - scale)}`.replace(/\.?0+$/, "");
  return (sum < 0n ? "-" : "") + text;
}

/** The page's metrics against the evaluator's for the link in the address bar. */
async function checkFigures(page) {
  await page.waitForSelector(READY, { state: "attached" });
  const link = await search(page);
  const { json, metrics } = evaluate(link);
  const shown = await readMetrics(page);
  const keys = new Set(shown.map((m) => m.key));
  const wanted = Object.fromEntries(Object.entries(metrics).filter(([k]) => keys.has(k)));
  assert.deepEqual(metricMismatches(shown, wanted), [], `figures differ from kwhich eval "${link}"`);
  for (const key of ["mining_run_share_pct", "mining_power_price_usd_per_kwh", "mining_flexibility_usd_per_mw_year"]) {
    assert.ok(keys.has(key), `${key} is on the page`);
  }
  // The curve: point k is the k-th bucket from the dearest, the evaluator's profile reversed.
  const profile = json.profile.map((p) => p.text).reverse();
  const points = await page.$$eval('[data-section="power"] svg[data-chart="power-chart"] [data-path="price"]', (els) =>
    els.map((el) => ({ k: Number(el.getAttribute("data-month")), value: el.getAttribute("data-value") })),
  );
  assert.ok(points.length >= 9, `${points.length} points`);
  for (const p of points) assert.equal(p.value, profile[p.k], `bucket ${p.k} from the dearest`);
  return { link, json };
}

async function choose(page, value) {
  await revealInput(page, "pp");
  await page.selectOption('select[name="pp"]', value);
}

describe("power by the hour", () => {
  const app = useBrowser();

  test("choosing ERCOT North 2025 writes pp, and every figure equals the evaluator", async () => {
    await withPage(app.browser, "power ercot", async ({ page }) => {
      await openApp(page, app.server.url, "?kwh=0.045&pu=ckwh");
      assert.equal(await page.locator('[data-section="power"] svg').count(), 0, "no curve with a flat price");
      await choose(page, "ercot-n-2025");
      await eventually(async () => assert.match(await search(page), /pp=ercot-n-2025/));
      const { json } = await checkFigures(page);
      // The finding in the title, in the chosen unit (¢), and the attribution under the chart.
      const title = await page.locator('[data-section="power"] figcaption strong').textContent();
      const stopped = 100 - Number(json.metrics.mining_run_share_pct.text);
      assert.match(title, new RegExp(`^Mining stops in the dearest ${stopped} % of hours and pays [0-9.]+ ¢ on average; AI pays 4.5 ¢$`));
      const credit = await page.locator('[data-section="power"] [data-attribution]').textContent();
      assert.equal(credit, ATTRIBUTION);
      // A fixed strike, in the chosen unit (¢/kWh): 3 ¢ is 0.03 USD/kWh in the link.
      await page.fill('input[name="strike"]', "3");
      await page.press('input[name="strike"]', "Enter");
      await eventually(async () => assert.match(await search(page), /strike=0\.03(&|$)/));
      await checkFigures(page);
      // Back to flat: the keys leave the link, and the curve the page.
      await choose(page, "flat");
      await eventually(async () => assert.doesNotMatch(await search(page), /pp=|strike=/));
      await eventually(async () => assert.equal(await page.locator('[data-section="power"] svg').count(), 0));
    });
  });

  test("a link with a profile opens with its curve, its figures and its downloads", async () => {
    await withPage(app.browser, "power link", async ({ page }) => {
      await openApp(page, app.server.url, "?pp=ercot-n-2025&drc=20&firm=0.01");
      await checkFigures(page);
      const [download] = await Promise.all([
        page.waitForEvent("download"),
        page.locator('[data-section="power"] .downloads button').first().click(),
      ]);
      const csv = readFileSync(await download.path(), "utf8");
      const lines = csv.trim().split("\r\n");
      assert.equal(lines.length, 101, "a header and a row a bucket");
      assert.ok(lines[1].includes(ATTRIBUTION), lines[1]);
    });
  });

  test("with a profile the strike is a tornado row: a cent below break-even equals the evaluator with that strike", async () => {
    await withPage(app.browser, "power tornado", async ({ page }) => {
      const link = "?pp=ercot-n-2025&drc=20";
      await openApp(page, app.server.url, link);
      const section = page.locator('[data-section="drivers"]');
      await section.waitFor();
      const all = section.getByRole("button", { name: /^Show all \d+ inputs$/ });
      if (await all.count()) await all.click();
      await section.locator('rect[data-key="strike"]').first().waitFor({ state: "attached" });
      const labels = await section.locator("svg .row-label").allTextContents();
      assert.ok(labels.includes("Strike, ±0.01 USD/kWh"), labels.join(" | "));
      // At auto the strike in force is break-even; the low end stops mining a cent sooner.
      const breakeven = evaluate(link).metrics.breakeven_power_price_usd_per_kwh;
      const low = addExact(breakeven, "-0.01");
      const bar = await section.locator('rect[data-key="strike"][data-series="mining"][data-end="low"]').getAttribute("data-value");
      assert.equal(bar, evaluate(`${link}&strike=${low}`).metrics.mining_allin_margin_usd_per_kwh);
      // The credit is a row too, and a flat price has no strike row.
      assert.equal(await section.locator('rect[data-key="drc"]').count() > 0, true);
      await openApp(page, app.server.url, "?drc=20");
      await page.locator('[data-section="drivers"] rect[data-key]').first().waitFor({ state: "attached" });
      assert.equal(await page.locator('[data-section="drivers"] rect[data-key="strike"]').count(), 0);
    });
  });

  test("my own file: the bundled year becomes pp=custom and equals ERCOT to the cent", async () => {
    await withPage(app.browser, "power file", async ({ page }) => {
      await openApp(page, app.server.url, "?");
      await choose(page, "custom");
      await page.setInputFiles('input[type="file"]', ERCOT_CSV);
      await eventually(async () => assert.match(await search(page), /pp=custom&pq=/));
      const { json } = await checkFigures(page);
      const message = await page.locator("[data-power-message]").textContent();
      assert.match(message, /8,?760 hourly prices/);
      const ercot = evaluate("?pp=ercot-n-2025").json.profile.map((p) => Number(p.text));
      const mine = json.profile.map((p) => Number(p.text));
      // Buckets rounded to the cent per MWh, scaled by 0.05/32: within 0.005 · 0.05 / 32 USD/kWh.
      mine.forEach((p, i) => assert.ok(Math.abs(p - ercot[i]) < 1e-5, `bucket ${i}: ${p} vs ${ercot[i]}`));
    });
  });

  test("a broken file is named by its first bad row and changes nothing", async () => {
    const dir = path.join(ARTIFACTS, "power-files");
    mkdirSync(dir, { recursive: true });
    const rows = Array.from({ length: 700 }, (_, i) => `2025-01-01T00:00Z,${(i % 60) + 10}`);
    const files = {
      "bad-row.csv": ["time,price", ...rows.slice(0, 40), "2025-02-01T00:00Z,12,5", ...rows.slice(40)].join("\n"),
      "comma-decimal.csv": ["time,price", ...rows.slice(0, 9), '"2025-01-01T09:00Z","31,5"', ...rows.slice(9)].join("\n"),
      "too-short.csv": rows.slice(0, 100).join("\n"),
      "out-of-range.csv": [...rows.slice(0, 3), "x,200000", ...rows.slice(3)].join("\n"),
    };
    const want = {
      "bad-row.csv": /^Row 42 has no price/,
      "comma-decimal.csv": /^Row 11 has no price/,
      "too-short.csv": /^The file holds 100 prices; at least 672 hours/,
      "out-of-range.csv": /^Row 4's price is outside/,
    };
    await withPage(app.browser, "power broken files", async ({ page }) => {
      await openApp(page, app.server.url, "?kwh=0.04");
      await choose(page, "custom");
      for (const [name, text] of Object.entries(files)) {
        const file = path.join(dir, name);
        writeFileSync(file, text);
        await page.setInputFiles('input[type="file"]', file);
        await eventually(async () => assert.match(await page.locator("[data-power-message]").textContent(), want[name], name));
        assert.equal(await search(page), "?v=1&kwh=0.04", `${name} changes nothing`);
      }
    });
  });
});
