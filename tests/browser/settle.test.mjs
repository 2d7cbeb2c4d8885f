// What a reader types, publishes and can take back. Typed key by key, a value enters the
// link (address bar, Copy link, the embed snippet, an embed's "Open in kWhich") only once
// the reader settles on it: a prefix ("85" on the way to "85,000") never does, and while a
// field is not valid each of them says so and what the link holds instead. Settled edits
// are history entries (Back and Forward move between scenarios); Reset, Swap, Stop
// comparing and deleting a saved scenario offer Undo.

import assert from "node:assert/strict";
import { describe, test } from "node:test";

import { eventually as within, openApp, revealInput, search, useBrowser, waitReady, withPage } from "./support.mjs";

// Settling takes a little longer than a plain edit: a second more before giving up.
const eventually = (check, options) => within(check, { timeout: 4000, ...options });

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
const snippet = (page) => page.locator("#embed-code").inputValue();
const input = (page, name) => page.locator(`input[name="${name}"]`);

/** Copy link, pressed without taking the focus from the field being typed into. */
async function copyLink(page) {
  await page.evaluate(() => navigator.clipboard.writeText(""));
  await page.evaluate(() => document.querySelector('.share [data-act="copy"]').click());
  await eventually(async () => assert.notEqual(await page.evaluate(() => navigator.clipboard.readText()), ""));
  return {
    copied: await page.evaluate(() => navigator.clipboard.readText()),
    status: await page.locator(".share .status").first().innerText(),
  };
}

/** Empties `name` (select all, Backspace), then types `text` one key at a time. */
async function* typeKeyByKey(page, name, text) {
  await revealInput(page, name);
  await input(page, name).click();
  await page.keyboard.press("ControlOrMeta+A");
  await page.keyboard.press("Backspace");
  yield "";
  for (const [i, ch] of [...text].entries()) {
    await page.keyboard.type(ch, { delay: 30 });
    yield [...text].slice(0, i + 1).join("");
  }
}

describe("settled values", () => {
  const app = useBrowser();

  // `label` names the field in the page's language; `after` is the link once the field is
  // left (the same when what was typed is not valid).
  const cases = [
    { lang: "", name: "btc", text: "85,000", label: "Bitcoin price", after: null },
    { lang: "", name: "btc", text: "90,000", label: "Bitcoin price", after: null },
    { lang: "vi", name: "kwh", text: "0,03", label: "Giá điện", after: "?v=1&btc=90000&kwh=0.03&lang=vi" },
    { lang: "ar", name: "btc", text: "٨٥٬٠٠٠", label: "سعر البيتكوين", after: null },
  ];
  for (const c of cases) {
    test(`typing ${c.text} into ${c.name}${c.lang ? ` (lang=${c.lang})` : ""} leaves the link, the copied link and the snippet as before`, async () => {
      const start = `?v=1&btc=90000&kwh=0.04${c.lang ? `&lang=${c.lang}` : ""}`;
      await withPage(app.browser, `settle ${c.name} ${c.lang}`, async ({ page, context }) => {
        await context.grantPermissions(["clipboard-read", "clipboard-write"], { origin: app.server.origin });
        await openApp(page, app.server.url, start);
        await page.locator('[aria-controls="embed-panel"]').click();
        await page.locator("#embed-code").waitFor();
        const before = { search: await search(page), snippet: await snippet(page) };
        assert.equal(before.search, start.replace("&kwh=0.04", "&kwh=0.04"));
        assert.ok(before.snippet.includes("btc=90000"), before.snippet);
        for await (const typed of typeKeyByKey(page, c.name, c.text)) {
          // Longer than the address bar's lag (100 ms), shorter than a pause (1 s).
          await sleep(250);
          const at = `after ${JSON.stringify(typed)}`;
          assert.equal(await search(page), before.search, `address bar ${at}`);
          assert.equal(await snippet(page), before.snippet, `embed snippet ${at}`);
          const { copied, status } = await copyLink(page);
          assert.equal(copied, app.server.url + before.search, `copied link ${at}`);
          // Never a bare "copied" while the field shows what the link does not hold.
          assert.ok(status.includes(c.label), `Copy link's status ${at} names the field: ${status}`);
          assert.ok(/90[,.٬]?000|٩٠٬٠٠٠|0[.,٫]04|٠٫٠٤/.test(status), `and what the link holds instead: ${status}`);
          assert.ok((await page.locator("#embed-held").innerText()).includes(c.label), `the embed panel ${at}`);
        }
        await page.keyboard.press("Tab");
        const settled = c.after ?? before.search;
        await eventually(async () => assert.equal(await search(page), settled, "address bar once the field is left"));
        assert.equal((await copyLink(page)).copied, app.server.url + settled, "copied once the field is left");
      });
    });
  }

  test("an embed's Open in kWhich keeps the link as before while a value is typed", async () => {
    await withPage(app.browser, "settle embed open", async ({ page }) => {
      await openApp(page, app.server.url, "?v=1&btc=90000&embed=1&show=compare,inputs");
      const open = page.locator("[data-open-full]");
      const before = await open.getAttribute("href");
      assert.ok(before.includes("btc=90000"), before);
      for await (const typed of typeKeyByKey(page, "btc", "85,000")) {
        await sleep(250);
        assert.equal(await open.getAttribute("href"), before, `Open in kWhich after ${JSON.stringify(typed)}`);
        assert.match(await page.locator("#open-held").innerText(), /Bitcoin price .*90,000 USD/, `the note after ${JSON.stringify(typed)}`);
      }
    });
  });

  test("a usual value enters the link after a pause, an unusual one only on leaving the field, with a hint", async () => {
    await withPage(app.browser, "settle pause", async ({ page }) => {
      await openApp(page, app.server.url, "?v=1&kwh=0.04");
      for await (const _ of typeKeyByKey(page, "kwh", "0.03"));
      await eventually(async () => assert.equal(await search(page), "?v=1&kwh=0.03"), { timeout: 3000 });
      for await (const _ of typeKeyByKey(page, "kwh", "4.5"));
      const hint = page.locator('[data-hint="kwh"]');
      await eventually(async () =>
        assert.equal(await hint.innerText(), "4.5 USD/kWh is about 60 times a typical industrial price: did you mean 4.5 ¢?"),
      );
      await sleep(1600);
      assert.equal(await search(page), "?v=1&kwh=0.03", "4.5 USD/kWh waits for the field to be left");
      await page.keyboard.press("Enter");
      await eventually(async () => assert.equal(await search(page), "?v=1&kwh=4.5"));
    });
  });

  test("the power price is shown and typed in the unit pu= names; the link keeps USD/kWh", async () => {
    await withPage(app.browser, "settle power unit", async ({ page }) => {
      await openApp(page, app.server.url, "?v=1&kwh=0.045&pu=ckwh");
      assert.equal(await input(page, "kwh").inputValue(), "4.5");
      assert.equal(await page.locator("[data-unit]").inputValue(), "ckwh");
      for await (const _ of typeKeyByKey(page, "kwh", "3.3"));
      await page.keyboard.press("Tab");
      await eventually(async () => assert.equal(await search(page), "?v=1&kwh=0.033&pu=ckwh"));
      await page.locator("[data-unit]").selectOption("mwh");
      await eventually(async () => assert.equal(await input(page, "kwh").inputValue(), "33"));
      await eventually(async () => assert.equal(await search(page), "?v=1&kwh=0.033&pu=mwh"));
      await page.locator("[data-unit]").selectOption("kwh");
      await eventually(async () => assert.equal(await search(page), "?v=1&kwh=0.033"));
      assert.equal(await input(page, "kwh").inputValue(), "0.033");
    });
  });

  test("Back and Forward move between settled scenarios; a burst of typing is one entry", async () => {
    await withPage(app.browser, "settle history", async ({ page }) => {
      await openApp(page, app.server.url, "?v=1");
      const length = () => page.evaluate(() => history.length);
      const start = await length();
      for await (const _ of typeKeyByKey(page, "kwh", "0.035"));
      await page.keyboard.press("Tab");
      await eventually(async () => assert.equal(await search(page), "?v=1&kwh=0.035"));
      await sleep(1100);
      for await (const _ of typeKeyByKey(page, "btc", "90000"));
      await page.keyboard.press("Tab");
      await eventually(async () => assert.equal(await search(page), "?v=1&btc=90000&kwh=0.035"));
      assert.equal(await length(), start + 2, "two settled edits, two entries");

      await page.goBack();
      await eventually(async () => assert.equal(await search(page), "?v=1&kwh=0.035"));
      await eventually(async () => assert.equal(await input(page, "btc").inputValue(), "85000"));
      await page.goBack();
      await eventually(async () => assert.equal(await input(page, "kwh").inputValue(), "0.05"));
      assert.equal(await search(page), "?v=1");
      await page.goForward();
      await eventually(async () => assert.equal(await input(page, "kwh").inputValue(), "0.035"));
      await waitReady(page);
      assert.equal(await search(page), "?v=1&kwh=0.035", "restoring writes nothing new");
    });
  });

  test("Reset, Swap, Stop comparing and Delete offer Undo", async () => {
    await withPage(app.browser, "settle undo", async ({ page }) => {
      await openApp(page, app.server.url, "?v=1&kwh=0.04");
      const undo = page.locator('.share [data-act="undo"]');
      await page.getByRole("button", { name: "Reset to snapshot" }).click();
      await eventually(async () => assert.equal(await search(page), "?v=1"));
      await undo.click();
      await eventually(async () => assert.equal(await search(page), "?v=1&kwh=0.04"));
      assert.equal(await input(page, "kwh").inputValue(), "0.04");

      await page.getByRole("button", { name: "Compare" }).click();
      await waitReady(page);
      for await (const _ of typeKeyByKey(page, "kwh", "0.03"));
      await page.keyboard.press("Tab");
      await eventually(async () => assert.equal(await search(page), "?v=1&kwh=0.04&b.kwh=0.03"));
      await page.getByRole("button", { name: "Swap A and B" }).click();
      await eventually(async () => assert.equal(await search(page), "?v=1&kwh=0.03&b.kwh=0.04"));
      await undo.click();
      await eventually(async () => assert.equal(await search(page), "?v=1&kwh=0.04&b.kwh=0.03"));
      await page.getByRole("button", { name: "Stop comparing: keep A" }).click();
      await eventually(async () => assert.equal(await search(page), "?v=1&kwh=0.04"));
      await undo.click();
      await eventually(async () => assert.equal(await search(page), "?v=1&kwh=0.04&b.kwh=0.03"));
      await waitReady(page);
      assert.equal(await input(page, "kwh").inputValue(), "0.03", "the inputs edit B again");
    });
  });

  test("deleting a saved scenario offers Undo", async () => {
    await withPage(app.browser, "settle undo delete", async ({ page }) => {
      await openApp(page, app.server.url, "?v=1&kwh=0.04");
      page.on("dialog", (d) => d.accept("Cheap power"));
      await page.locator('[aria-controls="saved-panel"]').click();
      await page.locator("#save-here").click();
      const items = page.locator(".saved-list li:not(.note)");
      await eventually(async () => assert.equal(await items.count(), 1));
      await items.first().getByRole("button", { name: /Delete/ }).click();
      await eventually(async () => assert.equal(await items.count(), 0));
      await page.locator(".saved-panel [data-undo] button").click();
      await eventually(async () => assert.equal(await items.count(), 1));
      assert.match(await items.first().innerText(), /Cheap power/);
      const stored = await page.evaluate(() => Object.values(localStorage).join(""));
      assert.match(stored, /Cheap power/, "the entry is stored again");
    });
  });
});
