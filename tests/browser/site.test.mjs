// "Your site" (SPEC.md, "Site"): the owner's choice, the fleet's models and the plan write
// the contract's keys (own, rlife, mix, ai, aip), a link restores them, and every figure
// on the page, the plan's included, equals what `kwhich eval` prints for that link.

import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { describe, test } from "node:test";

import {
  evaluate,
  eventually as poll,
  metricMismatches,
  openApp,
  parseCsv,
  readMetrics,
  search,
  useBrowser,
  withPage,
} from "./support.mjs";

/** Polls `check` as support's `eventually` does, with this file's patience (5000 ms). */
const eventually = (check) => poll(check, { timeout: 5000 });


async function expectSearch(page, want) {
  await eventually(async () => assert.equal(await search(page), want, "location.search"));
}

/** Every metric on the page equals what the evaluator prints for the page's own link. */
async function expectEvaluator(page) {
  const link = await search(page);
  const expected = evaluate(link).metrics;
  await eventually(async () => {
    assert.deepEqual(metricMismatches(await readMetrics(page), expected), [], `page vs \`kwhich eval "${link}"\``);
  });
  return expected;
}

describe("your site", () => {
  const app = useBrowser();

  test("the owner's choice, the remaining life and the plan write own, rlife, ai and aip", async () => {
    await withPage(app.browser, "site keys", async ({ page }) => {
      await openApp(page, app.server.url, "");
      // The plan's figures are on the default page too, equal to the evaluator's.
      for (const key of ["plan_site_capex_usd", "plan_site_margin_usd_per_year", "plan_site_npv_usd", "plan_site_lifetime_cash_usd"]) {
        assert.ok(await page.locator(`[data-plan] [data-metric="${key}"]`).count(), `${key} on the page`);
      }
      await expectEvaluator(page);

      await page.locator('input[name="own"][value="fleet"]').check();
      await expectSearch(page, "?v=1&own=fleet");
      const rlife = page.locator('input[name="rlife"]');
      await rlife.fill("3");
      await rlife.press("Enter");
      await expectSearch(page, "?v=1&own=fleet&rlife=3");
      const ai = page.locator('input[name="ai"]');
      await ai.fill("40");
      await ai.press("Enter");
      await page.locator('input[name="aip"][value="gpu"]').check();
      await expectSearch(page, "?v=1&own=fleet&rlife=3&ai=40&aip=gpu");
      const expected = await expectEvaluator(page);
      assert.equal(expected.mining_capex_usd_per_mw, "0", "an owned fleet pays nothing for mining");

      // The slider writes `ai` too.
      await page.locator("#f-ai-slider").fill("100");
      await expectSearch(page, "?v=1&own=fleet&rlife=3&ai=100&aip=gpu");
      await expectEvaluator(page);
    });
  });

  test("the fleet as a list of models writes mix, shows its blend, and a link restores it", async () => {
    await withPage(app.browser, "site mix", async ({ page }) => {
      await openApp(page, app.server.url, "");
      await page.locator("[data-mix-start]").click();
      await expectSearch(page, "?v=1&mix=s21:100");
      await page.locator("[data-mix-add]").click();
      // The new model takes half of the largest share: the first preset not in the fleet.
      await expectSearch(page, "?v=1&mix=s21:50,s21xph:50");
      await page.locator("#f-mix-1").selectOption("s19jpro");
      await expectSearch(page, "?v=1&mix=s21:50,s19jpro:50");
      // Shares that do not sum to 100 say why and keep the last fleet.
      await page.locator("#f-mix-share-0").fill("60");
      await page.locator("#f-mix-share-0").press("Enter");
      await page.getByText("the shares sum to 110, not 100").waitFor();
      assert.equal(await search(page), "?v=1&mix=s21:50,s19jpro:50");
      await page.locator("#f-mix-share-1").fill("40");
      await page.locator("#f-mix-share-1").press("Enter");
      await expectSearch(page, "?v=1&mix=s21:60,s19jpro:40");
      const expected = await expectEvaluator(page);
      const blend = await page.getAttribute("[data-blend]", "data-blend");
      assert.equal(blend, expected.asic_efficiency_j_per_th, "the blended J/TH is the evaluator's");

      // A link restores the fleet, the owner and the plan.
      const link = "?v=1&own=site&mix=s19xp:60,s21:40&ai=40&aip=gpu";
      await openApp(page, app.server.url, link);
      assert.equal(await page.locator('input[name="own"][value="site"]').isChecked(), true);
      assert.equal(await page.locator('input[name="aip"][value="gpu"]').isChecked(), true);
      assert.equal(await page.locator('input[name="ai"]').inputValue(), "40");
      assert.equal(await page.locator("#f-mix-0").inputValue(), "s19xp");
      assert.equal(await page.locator("#f-mix-share-1").inputValue(), "40");
      assert.equal(await search(page), link);
      await expectEvaluator(page);

      // Back to one model: the link loses its mix.
      await page.locator("[data-mix-single]").click();
      await expectSearch(page, "?v=1&own=site&ai=40&aip=gpu");
    });
  });

  test("with a mix, the margin chart marks each model's switch-off in the evaluator's month", async () => {
    const link = "?v=1&kwh=0.03&mix=s19jpro:50,s21:50";
    const { json } = evaluate(link);
    const fleet = json.fleet.map((m) => ({ model: m.model, month: Number(m.idle_from_month.text) }));
    assert.deepEqual(fleet, [{ model: "s19jpro", month: 15 }, { model: "s21", month: 30 }], "the worked table's months");
    await withPage(app.browser, "site switch-off markers", async ({ page }) => {
      await openApp(page, app.server.url, link);
      const chart = page.locator('svg[data-chart="margin-chart"]');
      const months = await chart.locator("line.marker").evaluateAll((els) => els.map((el) => Number(el.getAttribute("data-month"))));
      const words = await chart.evaluate((svg) => svg.textContent);
      for (const [model, name] of [["s19jpro", "S19j Pro"], ["s21", "S21"]]) {
        const { month } = fleet.find((m) => m.model === model);
        assert.ok(months.includes(month), `a marker in month ${month} for ${model}: ${months}`);
        // Its label names the model, on the plot or in the numbered key below it.
        assert.match(words, new RegExp(`${name} off, `), `${model}'s marker is named`);
      }
      // One model alone has no such marker: the halvings only.
      await openApp(page, app.server.url, "?v=1&kwh=0.03");
      const single = await page.locator('svg[data-chart="margin-chart"]').evaluate((svg) => svg.textContent);
      assert.doesNotMatch(single, / off, /);
    });
  });

  test("the headline, the per-MW note, the cost per BTC and the map say what each owner counts", async () => {
    const cases = [
      ["", "none", /^Mining capex is ASICs plus the site;/, /^A new build's map: every path pays for its site\./, /^Over its life, only AI colocation/],
      ["?v=1&own=site", "site", /^Your site is paid for, so no path counts it: mining capex is the ASICs alone;/, /^An owner's map: the site is paid, so no path pays for it again\./, /^Your site is paid for, so no path counts it: mining's capital is its ASICs/],
      ["?v=1&own=fleet", "fleet", /^Your site and fleet are paid for: mining capex is 0,/, /^An owner's map: the site and the fleet are paid; mining runs for the fleet's remaining life\./, /^Your site and fleet are paid for: mining counts no capital/],
    ];
    await withPage(app.browser, "site owner words", async ({ page }) => {
      for (const [link, own, note, map, headline] of cases) {
        await openApp(page, app.server.url, link);
        const capex = page.locator("[data-capex-note]");
        assert.equal(await capex.getAttribute("data-capex-note"), own);
        assert.match((await capex.innerText()).trim(), note, `${own}: the per-MW note`);
        const mapNote = page.locator("[data-map-own]");
        assert.equal(await mapNote.getAttribute("data-map-own"), own);
        assert.match((await mapNote.innerText()).trim(), map, `${own}: whose map it is`);
        await eventually(async () => assert.match((await page.locator("[data-over-life]").innerText()).trim(), headline, `${own}: the headline`));
        // Only an owned fleet is told what the all-in cost per BTC still depreciates.
        assert.equal(await page.locator("[data-allin-note]").count(), own === "fleet" ? 1 : 0, `${own}: the all-in note`);
        await expectEvaluator(page);
      }
      // Changing the choice on the page changes the words at once.
      await page.locator('input[name="own"][value="site"]').check();
      await eventually(async () => assert.equal(await page.getAttribute("[data-capex-note]", "data-capex-note"), "site"));
      await eventually(async () => assert.equal(await page.getAttribute("[data-map-own]", "data-map-own"), "site"));
      assert.equal(await page.locator("[data-allin-note]").count(), 0);
      // In Arabic the owner's map says so in Arabic.
      await openApp(page, app.server.url, "?v=1&own=fleet&lang=ar");
      assert.match(await page.locator("[data-map-own]").innerText(), /خريطة مالك/);
      assert.match(await page.locator("[data-capex-note]").innerText(), /موقعك وأسطولك/);
    });
  });

  test("the ASIC picker says Custom fleet with the efficiency the page computes", async () => {
    // The evaluator's efficiency to one decimal, as the picker writes it ("17.0" reads "17").
    const label = (eff) => `Custom fleet · ${String(Number(Number(eff).toFixed(1)))} J/TH`;
    await withPage(app.browser, "site picker label", async ({ page }) => {
      const selected = () => page.locator("#f-asic").evaluate((el) => el.options[el.selectedIndex]?.textContent ?? "");
      for (const link of ["?v=1&mix=s19xp:60,s21:40", "?v=1&th=200&w=3320"]) {
        await openApp(page, app.server.url, link);
        const eff = evaluate(link).metrics.asic_efficiency_j_per_th;
        assert.equal(await selected(), label(eff), link);
        assert.equal(await page.locator("#f-asic").inputValue(), "custom");
      }
      assert.equal(label("16.6"), "Custom fleet · 16.6 J/TH");
      // A preset as it is: its own name.
      await openApp(page, app.server.url, "?v=1&asic=s19xp");
      assert.match(await selected(), /^Antminer S19 XP · 21\.5 J\/TH$/);
    });
  });

  test("the cash chart draws the plan beside the paths, each point the model's, and its files carry it", async () => {
    const link = "?v=1&own=site&ai=40&aip=gpu&mo=240";
    const evaluated = evaluate(link);
    const months = evaluated.json.projection;
    const close = (got, want, what) => assert.ok(Math.abs(got - want) <= Math.abs(want) * 1e-9 + 1e-6, `${what}: ${got} vs ${want}`);
    const planAt = (m) => 0.6 * Number(months[m].mining_cum_usd_per_mw.text) + 0.4 * Number(months[m].gpu_cum_usd_per_mw.text);
    await withPage(app.browser, "site plan cash", async ({ page }) => {
      await openApp(page, app.server.url, link);
      const chart = page.locator('svg[data-chart="cash-chart"]');
      const points = await chart.locator('circle.point[data-path="plan"]').evaluateAll((els) =>
        els.map((el) => ({ month: Number(el.getAttribute("data-month")), value: Number(el.getAttribute("data-value")) })),
      );
      assert.equal(points.length, 21, "a point a year and at month 240");
      for (const { month, value } of points) close(value, planAt(month), `plan, month ${month}`);
      // Past both lives the line ends at the plan's lifetime cash, per MW (100 MW).
      const end = points.find((p) => p.month === 240);
      close(end.value, Number(evaluated.metrics.plan_site_lifetime_cash_usd) / 100, "the plan's end");
      assert.equal((await chart.locator("g.series.plan .end-label").textContent()).trim(), "Plan 40 %");
      const caption = await page.locator('figure:has(svg[data-chart="cash-chart"]) figcaption').innerText();
      assert.match(caption, /Plan 40 %: 40 % of the site to GPU cloud, 60 % mining/);

      const download = async (name) => {
        const [file] = await Promise.all([page.waitForEvent("download"), page.getByRole("button", { name }).click()]);
        return { name: file.suggestedFilename(), text: readFileSync(await file.path(), "utf8") };
      };
      const monthly = await download("Month by month (CSV)");
      const [columns, ...rows] = parseCsv(monthly.text);
      assert.equal(columns.at(-1), "plan_cum_usd_per_mw");
      assert.equal(rows.length, 241);
      for (const { month, value } of points) assert.equal(Number(rows[month].at(-1)), value, `CSV month ${month}`);
      const svg = await download("Cash chart (SVG)");
      const named = svg.text.match(/<g class="series plan">.*?<\/g>/s)?.[0] ?? "";
      assert.ok(/class="end-label"[^>]*>(<tspan[^>]*>)*Plan 40 %</.test(named), `the SVG names the plan's line: ${named.slice(-300)}`);
      assert.ok(svg.text.includes(".plan .line"), "the SVG styles the plan's line");

      // No plan, no line: ai=0.
      await openApp(page, app.server.url, "?v=1&own=site&mo=240");
      assert.equal(await page.locator('svg[data-chart="cash-chart"] g.series.plan').count(), 0);
    });
  });
});
