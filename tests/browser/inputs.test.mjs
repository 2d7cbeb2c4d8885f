// The inputs stay calm as they grow: the few most readers change are in view, every group
// is a click away, and a search by label opens the groups holding what it finds.

import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";

import { launchBrowser, openApp, requireDist, startServer, withPage } from "./support.mjs";

const visible = (page, name) => page.locator(`[name="${name}"]`).isVisible();

describe("inputs", () => {
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

  test("the most changed inputs are in view, the rest a click away, and a search finds any by label", async () => {
    await withPage(browser, "inputs search", async ({ page }) => {
      await openApp(page, server.url, "");
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
});
