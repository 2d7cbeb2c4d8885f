// History: the three charts' points equal the evaluator's "history" (hashprice, the fleet's
// revenue per kWh, the backtest's cumulative cash), the backtest's figures equal its
// metrics, and the data's attribution is under every chart, in the embed and in every
// download that carries the series.

import assert from "node:assert/strict";
import { mkdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, test } from "node:test";

import { ARTIFACTS, evaluate, openApp, readMetrics, useBrowser, waitReady, withPage } from "./support.mjs";

const ATTRIBUTION = "Coin Metrics Community Data (CC BY-NC 4.0)";
const LINKS = ["?", "?kwh=0.03&life=6&asic=s19jpro", "?bt=2024-06&btcap=2&life=1.5"];

/** Every plotted point of the history's charts: `{ chart, path, month, value }`. */
function readPoints(page) {
  return page.$$eval('[data-section="history"] svg[data-chart] [data-path]', (els) =>
    els.map((el) => ({
      chart: el.closest("svg").getAttribute("data-chart"),
      path: el.getAttribute("data-path"),
      month: Number(el.getAttribute("data-month")),
      value: el.getAttribute("data-value"),
    })),
  );
}

const text = (v) => (v === null ? null : v.text);

/** Checks every point of the charts against the evaluator's history for `link`. */
async function checkPoints(page, link) {
  const { json } = evaluate(link);
  const history = json.history;
  const start = history.findIndex((m) => m.backtest_cum_usd_per_mw !== null);
  const points = await readPoints(page);
  const problems = [];
  const seen = {};
  for (const p of points) {
    const key = `${p.chart} ${p.path}`;
    seen[key] = (seen[key] ?? 0) + 1;
    let want;
    if (p.chart === "hashprice-chart" && p.path === "hashprice") want = text(history[p.month]?.hashprice_usd_per_ph_day);
    else if (p.chart === "revenue-chart" && p.path === "mining") want = text(history[p.month]?.mining_revenue_usd_per_kwh);
    else if (p.chart === "backtest-chart" && p.path === "mining" && p.month > 0) {
      want = text(history[start + p.month - 1]?.backtest_cum_usd_per_mw);
    } else continue;
    if (p.value !== want) problems.push(`${key} month ${p.month}: ${p.value}, evaluator ${want}`);
  }
  assert.deepEqual(problems.slice(0, 10), [], `${problems.length} point(s) differ from kwhich eval "${link}"`);
  // A dot a year and at the end, for the series checked.
  assert.equal(seen["hashprice-chart hashprice"], Math.ceil(history.length / 12) + ((history.length - 1) % 12 ? 1 : 0));
  assert.ok(seen["revenue-chart mining"] > 5 && seen["backtest-chart mining"] >= 1, JSON.stringify(seen));
  return json;
}

describe("history", () => {
  const app = useBrowser();

  for (const link of LINKS) {
    test(`${link}: every history point and backtest figure equals the evaluator`, async () => {
      await withPage(app.browser, `history ${link}`, async ({ page }) => {
        await openApp(page, app.server.url, link);
        const json = await checkPoints(page, link);
        const shown = Object.fromEntries((await readMetrics(page)).filter((m) => m.key.startsWith("backtest_")).map((m) => [m.key, m.value]));
        for (const key of ["backtest_months", "backtest_cash_usd_per_mw", "backtest_payback_months"]) {
          assert.equal(shown[key], text(json.metrics[key]) ?? "", key);
        }
        const credits = await page.$$eval('[data-section="history"] [data-attribution]', (els) => els.map((e) => e.textContent));
        assert.equal(credits.length, 3, "one attribution under each chart");
        assert.ok(credits.every((c) => c.includes(ATTRIBUTION)), credits.join(" | "));
      });
    });
  }

  test("the title states the finding, with the halvings and the all-time low marked", async () => {
    await withPage(app.browser, "history marks", async ({ page }) => {
      await openApp(page, app.server.url, "?");
      const caption = await page.locator('[data-section="history"] figcaption strong').first().textContent();
      assert.equal(caption, "Hashprice is at its lowest since 2016");
      // Each event is labelled on the chart, or numbered there and named in the key below
      // ("1 Halving, May 2020   2 Halving, Apr 2024") when its label has no room.
      const labels = await page.$$eval('svg[data-chart="hashprice-chart"] .marker-label', (els) =>
        els.flatMap((e) => (e.classList.contains("key") ? e.textContent.split(/\s{3}/).map((item) => item.replace(/^\d+ /, "")) : [e.textContent])),
      );
      for (const want of ["Halving, Jul 2016", "Halving, May 2020", "Halving, Apr 2024", "All-time low, $32.25"]) {
        assert.ok(labels.includes(want), `${want} not in ${labels.join(" | ")}`);
      }
      const ends = await page.$$eval('svg[data-chart="revenue-chart"] .end-label', (els) => els.map((e) => e.textContent));
      for (const want of ["S9", "S19j Pro", "S21", "This fleet", "Cash cost"]) {
        assert.ok(ends.includes(want), `${want} not in ${ends.join(" | ")}`);
      }
      const subtitle = await page.locator('[data-section="history"] figcaption span').nth(1).textContent();
      assert.match(subtitle, /S9 \(98 J\/TH\), S19j Pro \(29\.5 J\/TH\), S21 \(17\.5 J\/TH\)/);
    });
  });

  test("the embed shows the history with its attribution, in Arabic too", async () => {
    for (const [link, credit] of [
      ["?embed=1&show=history", `Source: ${ATTRIBUTION}`],
      ["?embed=1&show=history&lang=ar", `المصدر: ${ATTRIBUTION}`],
    ]) {
      await withPage(app.browser, `history embed ${link}`, async ({ page }) => {
        await openApp(page, app.server.url, link);
        assert.equal(await page.locator("[data-section]").count(), 1, "the history alone");
        await checkPoints(page, link);
        const credits = await page.$$eval("[data-attribution]", (els) => els.map((e) => e.textContent));
        assert.deepEqual(credits, [credit, credit, credit]);
      });
    }
  });

  test("every download that carries the series carries the attribution", async () => {
    const link = "?kwh=0.04&bt=2020-01";
    const evaluated = evaluate(link);
    await withPage(app.browser, "history downloads", async ({ page }) => {
      await openApp(page, app.server.url, link);
      const download = async (name) => {
        const [file] = await Promise.all([page.waitForEvent("download"), page.getByRole("button", { name, exact: true }).click()]);
        return { name: file.suggestedFilename(), text: readFileSync(await file.path(), "utf8") };
      };
      const csv = await download("History (CSV)");
      const lines = csv.text.split("\r\n");
      assert.equal(lines[0], `"Source: ${ATTRIBUTION}"`);
      const rows = lines.slice(2).filter(Boolean);
      assert.equal(rows.length, evaluated.json.history.length, "one row a month");
      rows.forEach((row, i) => {
        const cells = row.split(",");
        const m = evaluated.json.history[i];
        assert.deepEqual([cells[0], cells[1], cells[2], cells[6]], [m.month, text(m.hashprice_usd_per_ph_day), text(m.mining_revenue_usd_per_kwh), text(m.backtest_cum_usd_per_mw) ?? ""], m.month);
      });
      for (const [button, chart] of [["Hashprice chart (SVG)", "hashprice-chart"], ["Revenue chart (SVG)", "revenue-chart"], ["Backtest chart (SVG)", "backtest-chart"]]) {
        const svg = await download(button);
        assert.equal(svg.name, `kwhich-${chart}-kwh-0.04_bt-2020-01.svg`);
        assert.ok(svg.text.includes(ATTRIBUTION), `${chart} SVG lacks the attribution`);
        assert.ok(svg.text.includes(".s9 .line{"), `${chart} SVG carries the history's colours`);
      }
      const json = await download("Download JSON");
      assert.equal(json.text.trim(), evaluated.stdout.trim(), "the JSON is what kwhich eval prints");
      assert.ok(json.text.includes(`"history_source": "Source: ${ATTRIBUTION}"`));
      const figures = await download("Figures (CSV)");
      const [header, row] = figures.text.replace(/^\uFEFF/, "").split("\r\n");
      // Fields of one CSV record: quoted ones may hold commas ("compare,btc,…").
      const fields = (line) => [...line.matchAll(/(?:^|,)("(?:[^"]|"")*"|[^,]*)/g)].map((m) => m[1].replace(/^"|"$/g, "").replaceAll('""', '"'));
      const at = fields(header).indexOf("history_source");
      assert.ok(at >= 0, "the figures CSV has a history_source column");
      assert.equal(fields(row)[at], `Source: ${ATTRIBUTION}`, "the figures CSV names the history's source");
    });
  });

  test("bt and btcap typed on the page: refused with the input's name and range, valid into the link and the charts", async () => {
    await withPage(app.browser, "history inputs", async ({ page }) => {
      await openApp(page, app.server.url, "?kwh=0.04");
      const bt = page.locator('[data-section="history"] input[name="bt"]');
      const btcap = page.locator('[data-section="history"] input[name="btcap"]');
      // Empty, with the defaults as placeholders: the evaluator's first backtest month and capex.
      const { scenario } = evaluate("?kwh=0.04").json;
      assert.deepEqual([await bt.inputValue(), await bt.getAttribute("placeholder")], ["", scenario.bt]);
      assert.deepEqual([await btcap.inputValue(), await btcap.getAttribute("placeholder")], ["", scenario.capex.text]);
      const error = (name) => page.locator(`[data-section="history"] [data-error="${name}"]`).textContent();
      const search = () => page.evaluate(() => location.search);

      for (const [typed, problem] of [["2021-13", "is not a month written YYYY-MM"], ["2015-12", "is outside the history's months"]]) {
        await bt.fill(typed);
        assert.equal(
          await error("bt"),
          `Backtest: month bought ${problem}; it must be a month from 2016-01 to 2026-02, written YYYY-MM.`,
        );
        assert.equal(await bt.getAttribute("aria-invalid"), "true");
        assert.equal(await bt.inputValue(), typed, "the refused text stays to be corrected");
      }
      await btcap.fill("10000.5");
      assert.equal(await error("btcap"), "Backtest: ASIC price then is out of range; it must be ≥ 0 and ≤ 10,000 USD/TH.");
      await page.waitForTimeout(300);
      assert.equal(await search(), "?v=1&kwh=0.04", "nothing refused reaches the link");

      await bt.fill("2021-06");
      await btcap.fill("42.5");
      await page.waitForFunction(() => location.search.includes("btcap=42.5"));
      assert.equal(await search(), "?v=1&kwh=0.04&bt=2021-06&btcap=42.5");
      assert.deepEqual([await error("bt"), await error("btcap")], ["", ""]);
      assert.equal(await bt.getAttribute("aria-invalid"), "false");
      await waitReady(page);
      const json = await checkPoints(page, await search());
      assert.equal(json.history.find((m) => m.backtest_cum_usd_per_mw !== null).month, "2021-06");
      assert.equal(json.scenario.btcap.text, "42.5");
      const caption = await page.locator('[data-section="history"] figcaption strong').nth(2).textContent();
      assert.match(caption, /bought in Jun 2021/);

      // Emptied: the defaults again, left out of the link.
      await bt.fill("");
      await btcap.fill("");
      await page.waitForFunction(() => !location.search.includes("bt"));
      assert.equal(await search(), "?v=1&kwh=0.04");
    });
  });

  test("bt and btcap from a link fill their inputs, and Back restores them", async () => {
    await withPage(app.browser, "history inputs restored", async ({ page }) => {
      await openApp(page, app.server.url, "?bt=2020-01&btcap=30");
      const bt = page.locator('[data-section="history"] input[name="bt"]');
      const btcap = page.locator('[data-section="history"] input[name="btcap"]');
      assert.deepEqual([await bt.inputValue(), await btcap.inputValue()], ["2020-01", "30"]);
      await bt.fill("2023-02");
      await page.waitForFunction(() => location.search.includes("bt=2023-02"));
      // A second entry a second later, then Back.
      await page.waitForTimeout(1100);
      await btcap.fill("8");
      await page.waitForFunction(() => location.search.includes("btcap=8"));
      await page.goBack();
      await page.waitForFunction(() => location.search.includes("btcap=30"));
      await waitReady(page);
      assert.deepEqual([await bt.inputValue(), await btcap.inputValue()], ["2023-02", "30"]);
    });
  });

  test("Arabic: the data's name and the generations read left to right inside their sentences at 360 px", async () => {
    await withPage(app.browser, "history bidi", async ({ page }) => {
      await openApp(page, app.server.url, "?lang=ar");
      // For each left-to-right run, every two characters on one line stand left to right.
      const problems = await page.$eval('[data-section="history"]', (section) => {
        const runs = ["Coin Metrics Community Data (CC BY-NC 4.0)", "S9 (٩٨ J/TH)", "S19j Pro (٢٩٫٥ J/TH)", "S21 (١٧٫٥ J/TH)"];
        const out = [];
        const blocks = [...section.querySelectorAll("figcaption span, [data-attribution]")];
        for (const run of runs) {
          const holders = blocks.filter((b) => b.textContent.includes(run));
          if (!holders.length) out.push(`${run}: not found`);
          for (const block of holders) {
            const walker = document.createTreeWalker(block, NodeFilter.SHOW_TEXT);
            const chars = [];
            for (let node = walker.nextNode(); node; node = walker.nextNode()) {
              for (let i = 0; i < node.data.length; i++) chars.push([node, i]);
            }
            const at = chars.map(([n, i]) => n.data[i]).join("").indexOf(run);
            const rects = chars.slice(at, at + run.length).map(([node, i]) => {
              const range = document.createRange();
              range.setStart(node, i);
              range.setEnd(node, i + 1);
              return range.getBoundingClientRect();
            });
            for (let k = 1; k < rects.length; k++) {
              const [a, b] = [rects[k - 1], rects[k]];
              const sameLine = Math.abs(a.top - b.top) < 2 && a.width > 0 && b.width > 0;
              if (sameLine && b.left < a.left - 0.5) out.push(`${run}: "${run[k]}" stands left of "${run[k - 1]}"`);
            }
          }
        }
        return out;
      });
      assert.deepEqual(problems, []);
      assert.equal(await page.locator('[data-section="history"] [data-attribution] bdi[dir="ltr"]').count(), 3);
    }, { viewport: { width: 360, height: 900 } });
  });

  test("360 and 1280 px, light and dark, en, ar and vi: nothing wider than the screen (screenshots kept)", async () => {
    mkdirSync(ARTIFACTS, { recursive: true });
    for (const lang of ["en", "ar", "vi"]) {
      for (const width of [360, 1280]) {
        for (const scheme of ["light", "dark"]) {
          const options = { width, height: 900, scheme };
          await withPage(app.browser, `history ${lang} ${width} ${scheme}`, async ({ page }) => {
            await openApp(page, app.server.url, `?lang=${lang}`);
            const section = page.locator('[data-section="history"]');
            await section.screenshot({ path: path.join(ARTIFACTS, `history-${lang}-${width}-${scheme}.png`) });
            const wide = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
            assert.ok(wide <= 0, `${wide} px wider than the screen`);
          }, options);
        }
      }
    }
  });
});
