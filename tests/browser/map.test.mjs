// The decision map and the tornado: sampled cells equal the evaluator with the cell's two
// keys; typing a power price moves the mark and recolours the map; keyboard access; 360 px
// without sideways scroll; the `show=map` embed; SVG downloads; axe; screenshots.

import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, test } from "node:test";

import { ARTIFACTS, axeViolations, evaluate, openApp, revealInput, useBrowser, withPage } from "./support.mjs";

const PATHS = ["mining", "colo", "gpu"];
const CELLS = 'svg[data-chart="decision-map"] rect[data-kwh]';

/** Every cell's data attributes, in page order. */
function readCells(page) {
  return page.$$eval(CELLS, (els) =>
    els.map((el) => ({
      kwh: el.getAttribute("data-kwh"),
      btc: el.getAttribute("data-btc"),
      value: el.getAttribute("data-value"),
      best: el.getAttribute("data-best"),
    })),
  );
}

/** The winner from the evaluator's three all-in margins: ties to mining, then colo. */
function winnerOf(metrics) {
  let best = null;
  for (const p of PATHS) {
    const text = metrics[`${p}_allin_margin_usd_per_kwh`];
    if (text === null) return "";
    const v = Number(text);
    if (best === null || v > best.v) best = { p, v };
  }
  return best.p;
}

/** The link with `kwh` and `btc` replaced. */
function withKeys(link, kwh, btc) {
  const params = new URLSearchParams(link.replace(/^\?/, ""));
  params.set("kwh", kwh);
  params.set("btc", btc);
  return `?${params.toString()}`;
}

describe("decision map", () => {
  const app = useBrowser();

  for (const link of ["?", "?kwh=0.03&asic=s21xp&gpu=b200", "?hp=45&kwh=0.07"]) {
    test(`sampled cells equal the evaluator (${link})`, async () => {
      await withPage(app.browser, `map cells ${link}`, async ({ page }) => {
        await openApp(page, app.server.url, link);
        const cells = await readCells(page);
        assert.equal(cells.length, 1600, "40 × 40 cells");
        for (const k of [0, 39, 417, 820, 1234, 1560, 1599]) {
          const c = cells[k];
          assert.ok(PATHS.includes(c.best), `cell ${k} names its winner: ${c.best}`);
          const { metrics } = evaluate(withKeys(link, c.kwh, c.btc));
          assert.equal(c.value, metrics.mining_allin_margin_usd_per_kwh, `cell ${k} data-value`);
          assert.equal(c.best, winnerOf(metrics), `cell ${k} data-best`);
        }
      });
    });
  }

  test("typing a power price moves the mark and recolours the map", async () => {
    await withPage(app.browser, "map typing", async ({ page }) => {
      await openApp(page, app.server.url, "?");
      const mark = () => page.$eval('svg[data-chart="decision-map"] circle.mark', (c) => c.getAttribute("cx"));
      const before = { mark: await mark(), cells: await readCells(page) };
      await revealInput(page, "kwh");
      await page.locator('input[name="kwh"]').fill("0.02");
      await page.waitForFunction((cx) => {
        const c = document.querySelector('svg[data-chart="decision-map"] circle.mark');
        return c && c.getAttribute("cx") !== cx;
      }, before.mark);
      assert.match(await page.locator("figcaption", { hasText: "per kWh, mining wins" }).innerText(), /\$0\.020 per kWh/);
      // Above 0.05 the power axis widens to three times the price: the cells recolour.
      await page.locator('input[name="kwh"]').fill("0.09");
      await page.waitForFunction((kwh) => document.querySelector('rect[data-kwh]')?.getAttribute("data-kwh") !== kwh, before.cells[0].kwh);
      const after = await readCells(page);
      assert.notDeepEqual(after.map((c) => c.best), before.cells.map((c) => c.best), "recoloured");
    });
  });

  test("the keyboard moves a focused cell and the readout follows", async () => {
    await withPage(app.browser, "map keyboard", async ({ page }) => {
      await openApp(page, app.server.url, "?");
      const frame = page.locator(".map-frame");
      await frame.focus();
      const readout = page.locator("#map-readout");
      const first = await readout.innerText();
      await page.keyboard.press("ArrowRight");
      const second = await readout.innerText();
      assert.notEqual(second, first);
      await page.keyboard.press("ArrowUp");
      assert.notEqual(await readout.innerText(), second);
      assert.match(await readout.innerText(), /(Mining|AI colocation|GPU cloud) wins/i);
      assert.equal(await page.locator(".map-overlay rect.ring").count(), 1);
      assert.equal(await readout.getAttribute("aria-live"), "polite");
      assert.match(await page.locator("#map-summary").innerText(), /mining wins/i);
    });
  });

  test("the readout opens on the scenario's own figures; hovering, clicking and tapping a cell move it", async () => {
    const expected = evaluate("?kwh=0.05&btc=85000").metrics;
    await withPage(app.browser, "map pointer", async ({ page }) => {
      await openApp(page, app.server.url, "?");
      const readout = page.locator("#map-readout");
      const opening = await readout.innerText();
      // The scenario's own prices, not the centre of the nearest cell ($0.0506 and $82,609).
      assert.match(opening, /^This scenario: At \$0\.0500 per kWh and \$85,000 per BTC/, opening);
      const best = winnerOf(expected);
      const margin = Number(expected[`${best}_allin_margin_usd_per_kwh`]).toFixed(3);
      assert.ok(opening.includes(`$${margin} per kWh all-in`), `${opening} lacks the scenario's margin ${margin}`);

      const cell = (i) => page.locator(CELLS).nth(i);
      const cellText = async (i) => {
        const [kwh, btc] = await cell(i).evaluate((el) => [el.getAttribute("data-kwh"), el.getAttribute("data-btc")]);
        return `At $${Number(kwh).toFixed(4)} per kWh and $${Math.round(Number(btc)).toLocaleString("en-US")} per BTC`;
      };
      await cell(10).hover();
      await page.waitForFunction((want) => document.querySelector("#map-readout").innerText.startsWith(want), await cellText(10));
      await cell(500).click();
      await page.waitForFunction((want) => document.querySelector("#map-readout").innerText.startsWith(want), await cellText(500));
      await page.mouse.move(0, 0);
      await page.waitForFunction((want) => document.querySelector("#map-readout").innerText === want, opening);
    });
    // A finger: a tap is a pointerdown of type touch.
    await withPage(
      app.browser,
      "map tap",
      async ({ page }) => {
        await openApp(page, app.server.url, "?");
        const target = page.locator(CELLS).nth(800);
        await target.scrollIntoViewIfNeeded();
        const before = await page.locator("#map-readout").innerText();
        await target.tap();
        await page.waitForFunction((was) => document.querySelector("#map-readout").innerText !== was, before);
        assert.match(await page.locator("#map-readout").innerText(), /^At \$/);
      },
      { width: 360, height: 800, mobile: true, touch: true },
    );
  });

  test("fits 360 px without sideways scroll, axe finds nothing; screenshots", async () => {
    for (const [width, height, scheme] of [[360, 800, "light"], [360, 800, "dark"], [1280, 900, "light"], [1280, 900, "dark"]]) {
      await withPage(
        app.browser,
        `map ${width} ${scheme}`,
        async ({ page }) => {
          await openApp(page, app.server.url, "?");
          const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
          assert.ok(overflow <= 0, `${width} px: ${overflow} px of sideways scroll`);
          await page.locator('[data-section="map"]').screenshot({ path: path.join(ARTIFACTS, `map-${width}-${scheme}.png`) });
          await page.locator('[data-section="drivers"]').screenshot({ path: path.join(ARTIFACTS, `drivers-${width}-${scheme}.png`) });
          if (width === 1280 && scheme === "light") assert.deepEqual(await axeViolations(page), []);
        },
        { width, height, scheme },
      );
    }
  });

  test("the show=map and show=drivers embeds show them", async () => {
    await withPage(app.browser, "map embed", async ({ page }) => {
      await openApp(page, app.server.url, "?embed=1&show=map,drivers");
      assert.equal(await page.locator(CELLS).count(), 1600);
      assert.ok((await page.locator('svg[data-chart="drivers"] rect[data-key]').count()) > 4);
      assert.equal(await page.locator('[data-section="compare"]').count(), 0);
      assert.deepEqual(await axeViolations(page), []);
    });
  });

  test("the tornado's bars equal the evaluator with the input stepped", async () => {
    await withPage(app.browser, "drivers values", async ({ page }) => {
      await openApp(page, app.server.url, "?");
      const bars = await page.$$eval('svg[data-chart="drivers"] rect[data-key][data-series="mining"]', (els) =>
        els.map((el) => ({ key: el.getAttribute("data-key"), end: el.getAttribute("data-end"), value: el.getAttribute("data-value") })),
      );
      const high = bars.find((b) => b.key === "btc" && b.end === "high");
      assert.equal(high.value, evaluate("?btc=119000").metrics.mining_allin_margin_usd_per_kwh);
    });
  });

  test("each input moves across its own range, the AI path stays the scenario's, ten rows then all", async () => {
    await withPage(app.browser, "drivers ranges", async ({ page }) => {
      await openApp(page, app.server.url, "?");
      const section = page.locator('[data-section="drivers"]');
      const labels = () => section.locator("svg .row-label").allTextContents();
      const shown = await labels();
      assert.equal(shown.length, 10);
      assert.equal(shown[0], "Bitcoin price, ±40 %");
      // PUE moves by ±0.1, not by a fifth of itself.
      const all = await section.getByRole("button", { name: /^Show all \d+ inputs$/ });
      await all.click();
      const every = await labels();
      assert.ok(every.length > 10, `${every.length} rows`);
      assert.ok(every.includes("AI site overhead (PUE), ±0.1"), every.join(" | "));
      const gpue = await section.locator('rect[data-key="gpue"][data-series="colo"][data-end="high"]').getAttribute("data-value");
      assert.equal(gpue, evaluate("?gpue=1.4").metrics.colo_allin_margin_usd_per_kwh);
      // Every AI bar is colocation's (the better path at the default), as the key says.
      assert.equal(await section.locator('rect[data-series="gpu"]').count(), 0);
      assert.match(await section.locator(".key-line").innerText(), /AI colocation, the better AI path at this scenario/);
      await section.getByRole("button", { name: "Show the 10 largest" }).click();
      assert.equal((await labels()).length, 10);
    });
  });

  test("SVG downloads arrive well-formed with title and source", async () => {
    await withPage(app.browser, "map downloads", async ({ page }) => {
      await openApp(page, app.server.url, "?kwh=0.04");
      for (const [button, chart] of [["Map (SVG)", "decision-map"], ["Tornado (SVG)", "drivers"]]) {
        const [file] = await Promise.all([page.waitForEvent("download"), page.getByRole("button", { name: button }).click()]);
        const text = readFileSync(await file.path(), "utf8");
        assert.equal(file.suggestedFilename(), `kwhich-${chart}-kwh-0.04.svg`);
        for (const part of ["<?xml", "kWhich", "2025-11-22", "kwh=0.04", "<style>"]) assert.ok(text.includes(part), `${chart} lacks ${part}`);
        const blank = await page.context().newPage();
        const parsed = await blank.evaluate((t) => {
          const doc = new DOMParser().parseFromString(t, "image/svg+xml");
          return { error: doc.querySelector("parsererror")?.textContent ?? null, title: doc.querySelector(".chart-title")?.textContent };
        }, text);
        await blank.close();
        assert.equal(parsed.error, null, `${chart} SVG is well-formed`);
        assert.ok(parsed.title?.length > 10, `${chart} has its title`);
      }
    });
  });
});
