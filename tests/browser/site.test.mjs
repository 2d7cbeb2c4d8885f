// "Your site" (SPEC.md, "Site"): the owner's choice, the fleet's models and the plan write
// the contract's keys (own, rlife, mix, ai, aip), a link restores them, and every figure
// on the page, the plan's included, equals what `kwhich eval` prints for that link.

import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";

import {
  evaluate,
  launchBrowser,
  metricMismatches,
  openApp,
  readMetrics,
  requireDist,
  startServer,
  withPage,
} from "./support.mjs";

/** Polls `check` (which throws while not yet true) until it passes or `timeout` ms pass. */
async function eventually(check, { timeout = 5000, interval = 25 } = {}) {
  const deadline = Date.now() + timeout;
  for (;;) {
    try {
      return await check();
    } catch (err) {
      if (Date.now() > deadline) throw err;
      await new Promise((resolve) => setTimeout(resolve, interval));
    }
  }
}

const search = (page) => page.evaluate(() => location.search);

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
  let browser;
  let server;
  before(async () => {
    requireDist();
    server = await startServer();
    browser = await launchBrowser();
  });
  after(async () => {
    await browser?.close();
    await server?.close();
  });

  test("the owner's choice, the remaining life and the plan write own, rlife, ai and aip", async () => {
    await withPage(browser, "site keys", async ({ page }) => {
      await openApp(page, server.url, "");
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
    await withPage(browser, "site mix", async ({ page }) => {
      await openApp(page, server.url, "");
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
      await openApp(page, server.url, link);
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
});
