// The inputs stay calm as they grow: the few most readers change are in view, every group
// is a click away, and a search by label opens the groups holding what it finds.

import assert from "node:assert/strict";
import { describe, test } from "node:test";

import { openApp, useBrowser, withPage } from "./support.mjs";

const visible = (page, name) => page.locator(`[name="${name}"]`).isVisible();

describe("inputs", () => {
  const app = useBrowser();

  test("the most changed inputs are in view, the rest a click away, and a search finds any by label", async () => {
    await withPage(app.browser, "inputs search", async ({ page }) => {
      await openApp(page, app.server.url, "");
      for (const name of ["btc", "kwh", "asic", "gpu", "colo"]) assert.ok(await visible(page, name), `${name} in view`);
      for (const name of ["pool", "dr", "gfit", "tgt"]) assert.equal(await visible(page, name), false, `${name} folded`);
      assert.ok((await page.locator("details.group").count()) >= 6, "every group folds");

      // One click opens a group.
      await page.locator("details.group summary", { hasText: "Mining fleet" }).click();
      assert.ok(await visible(page, "pool"));

      // A search opens the group that holds the match and hides what does not match.
      const find = page.getByLabel("Find an input");
      await find.fill("discount");
      await page.locator('[name="dr"]').waitFor({ state: "visible" });
      assert.equal(await visible(page, "kwh"), false, "a field that does not match is hidden");
      assert.equal(await visible(page, "mo"), false);
      await find.fill("DIFFICULTY");
      assert.ok(await visible(page, "diff"), "the search ignores case");
      assert.ok(await visible(page, "dg"), "Difficulty change matches too");
      await find.fill("zzz");
      await page.getByText("No input is called “zzz”.").waitFor();
      await find.fill("");
      assert.ok(await visible(page, "kwh"));
    });
  });

  test("Find an input finds by meaning too", async () => {
    await withPage(app.browser, "inputs search meaning", async ({ page }) => {
      await openApp(page, app.server.url, "");
      const find = page.getByLabel("Find an input");
      for (const [query, name] of [["curtail", "up"], ["halving", "blk"], ["power", "kwh"], ["MW", "mw"]]) {
        await find.fill(query);
        await page.locator(`[name="${name}"]`).waitFor({ state: "visible" });
        assert.equal(await page.getByText(`No input is called “${query}”.`).count(), 0, query);
      }
      await find.fill("curtail");
      assert.equal(await visible(page, "kwh"), false, "curtail does not show the power price");
    });
  });

  test("on a phone a Change inputs jump near the answer; on a desktop the inputs stay at hand", async () => {
    await withPage(
      app.browser,
      "inputs jump",
      async ({ page }) => {
        await openApp(page, app.server.url, "");
        const jump = page.getByRole("button", { name: "Change inputs" });
        const top = await jump.evaluate((el) => el.getBoundingClientRect().top + scrollY);
        const inputsTop = await page.locator("#inputs").evaluate((el) => el.getBoundingClientRect().top + scrollY);
        assert.ok(top < 1200, `the jump sits near the answer (${top} px down)`);
        assert.ok(inputsTop > 3000, `the inputs start ${inputsTop} px down`);
        await jump.click();
        await page.waitForFunction(() => {
          const r = document.querySelector("#inputs").getBoundingClientRect();
          return r.top < innerHeight && r.bottom > 0;
        });
        assert.ok(await page.evaluate(() => scrollY) > 3000, "the jump scrolled down to the inputs");
        assert.equal(await page.evaluate(() => document.activeElement?.id), "inputs");
      },
      { width: 360, height: 800 },
    );
    await withPage(app.browser, "inputs sticky", async ({ page }) => {
      await openApp(page, app.server.url, "");
      assert.equal(await page.getByRole("button", { name: "Change inputs" }).isVisible(), false, "no jump beside the inputs");
      await page.evaluate(() => window.scrollTo(0, document.body.scrollHeight * 0.7));
      await page.waitForTimeout(100);
      const box = await page.locator("#inputs").evaluate((el) => {
        const r = el.getBoundingClientRect();
        return { top: r.top, bottom: r.bottom };
      });
      assert.ok(box.top < 900 && box.bottom > 0, `the inputs are in view while reading far down: ${JSON.stringify(box)}`);
    });
  });
});
