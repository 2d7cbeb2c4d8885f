// The page as a person uses it: typing, presets, copying a link, invalid values, the link
// notice, reset, the network-hashrate input, the hashprice override, theme and keyboard.
// Every figure the page shows after an interaction is checked against `kwhich eval` for
// the link that interaction should produce.

import assert from "node:assert/strict";
import { mkdirSync } from "node:fs";
import path from "node:path";
import { before, describe, test } from "node:test";

import {
  ARTIFACTS,
  READY,
  evaluate,
  eventually,
  expectSearch,
  findBrokenNumbers,
  metricMismatches,
  newPage,
  openApp,
  readMetrics,
  readWarnings,
  revealInput,
  search,
  useBrowser,
  withPage,
} from "./support.mjs";

// ---------------------------------------------------------------------------------------
// Helpers

/** Waits until every metric on the page equals what `kwhich eval LINK` prints. */
async function expectMetricsOf(page, link) {
  const expected = evaluate(link).metrics;
  await eventually(async () => {
    assert.deepEqual(metricMismatches(await readMetrics(page), expected), [], `page metrics vs \`kwhich eval "${link}"\``);
  });
  return expected;
}

/** `{ key: data-value }` for the metrics on the page (the first element of each key). */
async function metricValues(page) {
  const out = {};
  for (const m of await readMetrics(page)) if (!(m.key in out)) out[m.key] = m.value;
  return out;
}

/** The value of every named input and select, in page order. */
function readInputs(page) {
  return page.$$eval("input[name], select[name]", (els) => els.map((el) => [el.name, el.value]));
}

const input = (page, name) => page.locator(`input[name="${name}"]`);

/**
 * Empties an input the way a person does (select all, Backspace) and types `text` one key
 * at a time, so that every intermediate text goes through the page's input handler.
 */
async function typeInto(page, name, text) {
  await revealInput(page, name);
  const field = input(page, name);
  await field.click();
  await page.keyboard.press("ControlOrMeta+A");
  await page.keyboard.press("Backspace");
  assert.equal(await field.inputValue(), "", `${name} did not empty on select-all + Backspace`);
  await field.pressSequentially(text);
  assert.equal(await field.inputValue(), text, `${name} does not hold what was typed`);
}

async function expectNoBrokenNumbers(page) {
  assert.deepEqual(await findBrokenNumbers(page), [], "NaN, Infinity or a negative zero on the page");
}

// ---------------------------------------------------------------------------------------

describe("page interactions", () => {
  const app = useBrowser();
  let defaults; // evaluate("").metrics
  before(() => {
    defaults = evaluate("").metrics;
  });

  test("typing an electricity price updates the figures and the link, with no Calculate button", async () => {
    const expected = evaluate("?kwh=0.03").metrics;
    for (const key of ["mining_margin_usd_per_kwh", "gpu_margin_usd_per_kwh"]) {
      assert.notEqual(expected[key], defaults[key], `${key} should depend on kwh (evaluator)`);
    }
    await withPage(app.browser, "page typing kwh", async ({ page }) => {
      await openApp(page, app.server.url, "");
      await expectMetricsOf(page, "");
      assert.equal(await page.getByRole("button", { name: /calculate|compute|update/i }).count(), 0, "a Calculate button");
      assert.equal(await page.locator("input[type=submit], button[type=submit]").count(), 0, "a submit button");

      await typeInto(page, "kwh", "0.03");
      const shown = await eventually(async () => {
        const values = await metricValues(page);
        for (const key of ["mining_margin_usd_per_kwh", "colo_margin_usd_per_kwh", "gpu_margin_usd_per_kwh"]) {
          assert.equal(values[key], expected[key], `${key} after typing kwh=0.03`);
        }
        return values;
      });
      assert.notEqual(shown.mining_margin_usd_per_kwh, defaults.mining_margin_usd_per_kwh);
      await expectMetricsOf(page, "?kwh=0.03");
      await expectSearch(page, "?v=1&kwh=0.03");
      assert.equal(await input(page, "kwh").getAttribute("aria-invalid"), "false");
      await expectNoBrokenNumbers(page);
    });
  });

  test("picking ASIC and GPU presets fills their fields and keeps only the preset ids in the link", async () => {
    await withPage(app.browser, "page presets", async ({ page }) => {
      await openApp(page, app.server.url, "");
      await page.locator('select[name="asic"]').selectOption("s21xp");
      await page.locator('select[name="gpu"]').selectOption("b200");

      const want = { th: 270, w: 3645, gkw: 1.79, gcap: 60000, gph: 5 };
      await eventually(async () => {
        for (const [name, value] of Object.entries(want)) {
          const text = await input(page, name).inputValue();
          assert.match(text, /^\d+(\.\d+)?$/, `${name} shows a plain decimal`);
          assert.equal(Number(text), value, `${name} after the preset`);
        }
      });
      assert.equal(await page.locator('select[name="asic"]').inputValue(), "s21xp");
      assert.equal(await page.locator('select[name="gpu"]').inputValue(), "b200");

      await expectMetricsOf(page, "?asic=s21xp&gpu=b200");
      await eventually(async () => {
        const params = new URLSearchParams(await search(page));
        assert.equal(params.get("v"), "1");
        assert.equal(params.get("asic"), "s21xp");
        assert.equal(params.get("gpu"), "b200");
        for (const key of Object.keys(want)) assert.equal(params.has(key), false, `${key} in ${params}`);
      });
      // The link the page wrote reads back to the same figures.
      await expectMetricsOf(page, await search(page));
      await expectNoBrokenNumbers(page);
    });
  });

  test("Copy link puts a link on the clipboard that reopens the same inputs and figures", async () => {
    let copied;
    let original;
    await withPage(app.browser, "page copy link", async ({ page, context }) => {
      await context.grantPermissions(["clipboard-read", "clipboard-write"], { origin: app.server.origin });
      await openApp(page, app.server.url, "");
      await typeInto(page, "btc", "91000");
      await typeInto(page, "kwh", "0.042");
      await page.locator('select[name="gpu"]').selectOption("a100");
      await typeInto(page, "util", "85");
      await typeInto(page, "colo", "155.5");
      await eventually(async () => {
        const params = Object.fromEntries(new URLSearchParams(await search(page)));
        assert.deepEqual(params, { v: "1", btc: "91000", kwh: "0.042", colo: "155.5", gpu: "a100", util: "85" }, "link keys");
      });

      await page.getByRole("button", { name: "Copy link" }).click();
      await page.getByRole("status").filter({ hasText: "Link copied." }).waitFor({ timeout: 3000 });
      copied = await page.evaluate(() => navigator.clipboard.readText());
      assert.equal(copied, app.server.url + (await search(page)), "the copied link is the page's address");
      original = { inputs: await readInputs(page), metrics: await readMetrics(page) };
      assert.ok(original.inputs.length >= 25, `only ${original.inputs.length} inputs on the page`);
      await expectMetricsOf(page, new URL(copied).search);
    });

    // A fresh context: no storage, nothing shared with the page that copied.
    await withPage(app.browser, "page copy link reopened", async ({ page }) => {
      await page.goto(copied, { waitUntil: "load" });
      await page.waitForSelector(READY, { state: "attached", timeout: 20_000 });
      await eventually(async () => {
        assert.deepEqual(await readInputs(page), original.inputs, "inputs of the reopened link");
        assert.deepEqual(await readMetrics(page), original.metrics, "metrics of the reopened link");
      });
      assert.deepEqual(await readWarnings(page), [], "the copied link raised warnings");
      assert.equal(await page.getByRole("status", { name: "Some of this link was ignored" }).isVisible(), false, "notice shown for a clean link");
      assert.equal(await search(page), new URL(copied).search, "reading the link and writing it back changed it");
    });
  });

  test("an invalid electricity price is named, blanks only the figures that need it, and recovers", async () => {
    const atLow = evaluate("?kwh=0.03").metrics;
    const atHigh = evaluate("?kwh=0.07").metrics;
    const needsKwh = Object.keys(defaults).filter((k) => atLow[k] !== atHigh[k]);
    for (const key of ["mining_margin_usd_per_kwh", "mining_cash_cost_usd_per_kwh", "colo_revenue_usd_per_kwh", "gpu_margin_usd_per_kwh", "cash_cost_per_btc_usd"]) {
      assert.ok(needsKwh.includes(key), `${key} should depend on kwh`);
    }
    const independent = ["colo_margin_usd_per_kwh", "hashprice_usd_per_ph_day", "gpu_revenue_usd_per_kwh"];
    for (const key of independent) assert.ok(!needsKwh.includes(key), `${key} should not depend on kwh`);

    await withPage(app.browser, "page invalid kwh", async ({ page }) => {
      await openApp(page, app.server.url, "");
      const field = input(page, "kwh");
      const error = page.locator("#kwh-error");
      await typeInto(page, "kwh", "0.04");
      await expectMetricsOf(page, "?kwh=0.04");
      await expectSearch(page, "?v=1&kwh=0.04");
      assert.equal(await field.getAttribute("aria-invalid"), "false");
      assert.equal((await error.textContent()).trim(), "");

      // Typed key by key, "20" passes through "2", a valid price that was never settled on:
      // the figures and the link keep the one from before the edit.
      for (const [text, why, lastValid] of [
        ["abc", /not a number/i, "0.04"],
        ["20", /out of range/i, "0.04"],
      ]) {
        await typeInto(page, "kwh", text);
        await eventually(async () => assert.equal(await field.getAttribute("aria-invalid"), "true", `aria-invalid for kwh=${text}`));
        const message = await error.textContent();
        assert.match(message, /Electricity price/, `#kwh-error for kwh=${text}`);
        assert.match(message, why, `#kwh-error for kwh=${text}`);
        assert.match(message, /≥ 0 and ≤ 10/, `#kwh-error gives the range, for kwh=${text}`);
        assert.ok(await error.isVisible(), "#kwh-error is not visible");
        const describedBy = (await field.getAttribute("aria-describedby")) ?? "";
        assert.ok(describedBy.split(/\s+/).includes("kwh-error"), `aria-describedby ${describedBy}`);

        const valid = evaluate(`?kwh=${lastValid}`).metrics;
        const problems = [];
        for (const m of await readMetrics(page)) {
          if (needsKwh.includes(m.key)) {
            if (m.value !== "") problems.push(`${m.key}: data-value ${JSON.stringify(m.value)}, want ""`);
            if (!/electricity price/i.test(m.reason ?? "")) problems.push(`${m.key}: data-reason ${JSON.stringify(m.reason)}`);
          } else if (m.value !== (valid[m.key] ?? "")) {
            // A figure with no value at either price (a payback never reached) may depend
            // on kwh all the same: it has none while kwh is invalid too, as the evaluator.
            problems.push(`${m.key}: data-value ${JSON.stringify(m.value)}, want ${valid[m.key]} (it does not need kwh)`);
          }
        }
        assert.deepEqual(problems, [], `metrics while kwh=${text}`);
        for (const key of independent) assert.notEqual(valid[key], null, `${key} is computable`);
        const margin = page.locator('[data-metric="mining_margin_usd_per_kwh"]').first();
        assert.equal((await margin.textContent()).trim(), "—", "an uncomputable figure shows a dash");
        await expectSearch(page, `?v=1&kwh=${lastValid}`);
        await expectNoBrokenNumbers(page);
      }

      await typeInto(page, "kwh", "0.06");
      await eventually(async () => assert.equal(await field.getAttribute("aria-invalid"), "false"));
      assert.equal((await error.textContent()).trim(), "", "#kwh-error after a valid value");
      await expectMetricsOf(page, "?kwh=0.06");
      await expectSearch(page, "?v=1&kwh=0.06");
    });
  });

  test("a link with unknown and invalid keys shows a notice naming them, which Dismiss hides", async () => {
    const link = "?foo=1&kwh=abc&pool=100&utm_source=x";
    await withPage(app.browser, "page notice", async ({ page }) => {
      await openApp(page, app.server.url, link);
      const notice = page.getByRole("status", { name: "Some of this link was ignored" });
      assert.ok(await notice.isVisible(), "the notice is not visible");
      assert.deepEqual((await readWarnings(page)).slice().sort(), ["foo", "kwh", "pool"]);
      const text = await notice.innerText();
      for (const word of ["foo", "kwh", "abc", "pool", "100"]) assert.ok(text.includes(word), `notice lacks ${word}: ${text}`);
      assert.ok(!text.includes("utm_source"), `notice names utm_source: ${text}`);
      // The ignored values fell back to their defaults, nothing else was lost.
      await expectMetricsOf(page, link);

      await notice.getByRole("button", { name: "Dismiss" }).click();
      await eventually(async () => assert.equal(await notice.isVisible(), false, "the notice after Dismiss"));
      await expectMetricsOf(page, link);
    });
  });

  test("a link with 24,000 unknown keys names the first few and counts the rest", async () => {
    const link = "?kwh=0.03&" + Array.from({ length: 24_000 }, (_, i) => `k${i}=1`).join("&");
    await withPage(app.browser, "page notice limit", async ({ page }) => {
      await openApp(page, app.server.url, link);
      const notice = page.getByRole("status", { name: "Some of this link was ignored" });
      assert.deepEqual(await readWarnings(page), Array.from({ length: 10 }, (_, i) => `k${i}`));
      assert.match(await notice.locator("[data-more]").innerText(), /^and 23,990 more$/);
      const height = await notice.evaluate((el) => el.getBoundingClientRect().height);
      assert.ok(height < 800, `the notice is ${height} px tall`);
      await expectSearch(page, "?v=1&kwh=0.03");
    });
  });

  test("Reset to snapshot restores the default inputs, link and figures", async () => {
    await withPage(app.browser, "page reset", async ({ page }) => {
      await openApp(page, app.server.url, "");
      const initialInputs = await readInputs(page);
      await typeInto(page, "kwh", "0.03");
      await typeInto(page, "btc", "120000");
      await page.locator('select[name="asic"]').selectOption("s19xp");
      await typeInto(page, "hashrate", "900");
      await typeInto(page, "pool", "abc");
      await eventually(async () => assert.equal(await input(page, "pool").getAttribute("aria-invalid"), "true"));
      await eventually(async () => assert.notEqual(await search(page), "?v=1"));

      await page.getByRole("button", { name: "Reset to snapshot" }).click();
      await expectSearch(page, "?v=1");
      await eventually(async () => assert.deepEqual(await readInputs(page), initialInputs, "inputs after reset"));
      assert.equal(await page.locator('[aria-invalid="true"]').count(), 0, "inputs still marked invalid after reset");
      assert.deepEqual(await page.$$eval("[data-error]", (els) => els.map((e) => e.textContent.trim()).filter(Boolean)), []);
      await expectMetricsOf(page, "");
    });
  });

  // Typing key by key passes through "1073." and "1073.7": the field must keep the text
  // it was given while it means the current difficulty, not rewrite it rounded.
  for (const how of ["typing", "pasting"]) {
    test(`${how} a network hashrate sets the difficulty`, async () => {
      await withPage(app.browser, `page hashrate ${how}`, async ({ page }) => {
        await openApp(page, app.server.url, "");
        assert.equal(await input(page, "diff").inputValue(), "155");
        if (how === "typing") {
          await typeInto(page, "hashrate", "1073.741824");
        } else {
          await revealInput(page, "hashrate");
          await input(page, "hashrate").fill("1073.741824");
        }
        await eventually(async () => assert.equal(await input(page, "diff").inputValue(), "150", "difficulty input"));
        assert.equal(await input(page, "hashrate").getAttribute("aria-invalid"), "false");
        assert.equal((await page.locator("#hashrate-error").textContent()).trim(), "");
        await expectMetricsOf(page, "?diff=150");
        await expectSearch(page, "?v=1&diff=150");
        await expectNoBrokenNumbers(page);
      });
    });
  }

  test("the hashprice override follows typing 40, then clearing it", async () => {
    await withPage(app.browser, "page hp", async ({ page }) => {
      await openApp(page, app.server.url, "");
      const hp = input(page, "hp");
      assert.equal(await hp.inputValue(), "", "hp starts empty (computed)");
      await typeInto(page, "hp", "40");
      await expectMetricsOf(page, "?hp=40");
      await expectSearch(page, "?v=1&hp=40");

      // Cleared one key at a time, as a person would.
      await hp.press("End");
      await hp.press("Backspace");
      await expectMetricsOf(page, "?hp=4");
      await hp.press("Backspace");
      assert.equal(await hp.inputValue(), "");
      assert.equal(await hp.getAttribute("aria-invalid"), "false", "an empty override is not an error");
      assert.equal((await page.locator("#hp-error").textContent()).trim(), "");
      await expectMetricsOf(page, "");
      await expectSearch(page, "?v=1");
      await expectNoBrokenNumbers(page);
    });
  });

  test("theme=dark darkens the page; Tab reaches Copy link and the first input with a visible focus", async () => {
    const background = (page) => page.evaluate(() => getComputedStyle(document.body).backgroundColor);
    const luminance = (rgb) => {
      const [r, g, b] = rgb.match(/\d+(\.\d+)?/g).map(Number);
      return 0.2126 * r + 0.7152 * g + 0.0722 * b;
    };
    let light;
    await withPage(app.browser, "page theme light", async ({ page }) => {
      await openApp(page, app.server.url, "?theme=light");
      assert.equal(await page.getAttribute("html", "data-theme"), "light");
      light = await background(page);
    });
    await withPage(app.browser, "page theme dark", async ({ page }) => {
      await openApp(page, app.server.url, "?theme=dark");
      assert.equal(await page.getAttribute("html", "data-theme"), "dark");
      const dark = await background(page);
      assert.ok(luminance(dark) < luminance(light), `dark background ${dark} is not darker than light ${light}`);
      await expectMetricsOf(page, "");

      // Keyboard: from the top of the document, Tab through the page.
      const firstInput = await page.$eval("input[name]", (el) => el.name);
      const seen = [];
      const focus = { copy: null, input: null };
      // Up to 80 stops: each chart offers four files (SVG and three PNGs) before the inputs.
      for (let i = 0; i < 80 && !(focus.copy && focus.input); i++) {
        await page.keyboard.press("Tab");
        const now = await page.evaluate(() => {
          const el = document.activeElement;
          if (!el || el === document.body) return null;
          const style = getComputedStyle(el);
          const rect = el.getBoundingClientRect();
          return {
            tag: el.tagName.toLowerCase(),
            name: el.getAttribute("name"),
            text: el.textContent.trim(),
            focusVisible: el.matches(":focus-visible"),
            outline: `${style.outlineStyle} ${style.outlineWidth}`,
            shadow: style.boxShadow,
            onScreen: rect.width > 0 && rect.height > 0 && rect.bottom > 0 && rect.top < innerHeight,
          };
        });
        if (!now) continue;
        seen.push(now.tag + (now.name ? `[${now.name}]` : now.text ? `(${now.text})` : ""));
        if (now.tag === "button" && now.text === "Copy link") focus.copy ??= { ...now, at: i };
        if (now.tag === "input" && now.name === firstInput) focus.input ??= { ...now, at: i };
      }
      assert.ok(focus.copy, `Tab never reached Copy link; went through ${seen.join(", ")}`);
      assert.ok(focus.input, `Tab never reached input[name=${firstInput}]; went through ${seen.join(", ")}`);
      assert.ok(focus.copy.at < focus.input.at, "the first input comes before Copy link in tab order");
      for (const [what, f] of Object.entries(focus)) {
        assert.ok(f.focusVisible, `${what} does not match :focus-visible`);
        const outlined = !f.outline.startsWith("none") && !/ 0px$/.test(f.outline);
        assert.ok(outlined || (f.shadow && f.shadow !== "none"), `${what} has no visible focus style (outline ${f.outline}, shadow ${f.shadow})`);
        assert.ok(f.onScreen, `${what} is off screen when focused`);
      }
    });
  });

  test("no NaN, Infinity or negative zero through edge values", async () => {
    await withPage(app.browser, "page broken numbers", async ({ page }) => {
      await openApp(page, app.server.url, "");
      // Mining revenue just below cash cost: a margin that rounds to zero from below.
      const revenue = Number(defaults.mining_revenue_usd_per_kwh);
      const nearBreakeven = (revenue - 0.005 + 0.00001).toFixed(6);
      const steps = [
        ["kwh", nearBreakeven],
        ["kwh", "0"],
        ["opx", "0"],
        ["colo", "0"],
        ["util", "0"],
        ["gph", "0"],
        ["capex", "0"],
        ["site", "0"],
        ["gfit", "0"],
        ["sub", "0"],
        ["fee", "0"],
        ["fee", "0.02"],
        ["hp", "0.0001"],
        ["btc", "10000000"],
        ["pool", "99.999"],
        ["diff", "1000000"],
        ["hashrate", "0.000001"],
        ["hashrate", "abc"],
      ];
      const query = () => search(page);
      for (const [name, text] of steps) {
        await typeInto(page, name, text);
        // Leaving the field puts an unusual value (0 USD/kWh) in the link too.
        await page.keyboard.press("Tab");
        // While a field is invalid the page shows the last valid scenario with that
        // field's figures blanked, so compare only when every input is valid.
        const invalid = await page.locator('[aria-invalid="true"]').count();
        // The address bar follows the scenario a moment later: compare with the link it
        // holds once both have settled.
        if (invalid === 0) {
          await eventually(async () => {
            const link = await query();
            assert.deepEqual(metricMismatches(await readMetrics(page), evaluate(link).metrics), [], `page vs \`kwhich eval "${link}"\``);
          });
        }
        const broken = await findBrokenNumbers(page);
        assert.deepEqual(broken, [], `after ${name}=${text}`);
      }
    });
  });

  test("a subsidy refused for a zero fee is applied once the fee allows it", async () => {
    await withPage(app.browser, "page subsidy and fee", async ({ page }) => {
      await openApp(page, app.server.url, "");
      await typeInto(page, "fee", "0");
      await typeInto(page, "sub", "0");
      assert.equal(await input(page, "sub").getAttribute("aria-invalid"), "true");
      assert.match(await page.locator("#sub-error").innerText(), /Subsidy plus fees must be above zero/);
      await expectSearch(page, "?v=1&fee=0");
      // A fee above zero makes the subsidy of 0 that is still typed valid: it applies.
      await typeInto(page, "fee", "1");
      await eventually(async () => assert.equal(await input(page, "sub").getAttribute("aria-invalid"), "false"));
      assert.equal(await page.locator("#sub-error").innerText(), "");
      await expectSearch(page, "?v=1&sub=0&fee=1");
      await expectMetricsOf(page, "?v=1&sub=0&fee=1");
    });
  });

  test("a bad network hashrate is shown on its own field only, and never comes back", async () => {
    await withPage(app.browser, "page hashrate error", async ({ page }) => {
      await openApp(page, app.server.url, "");
      await typeInto(page, "hashrate", "abc");
      assert.equal(await input(page, "hashrate").getAttribute("aria-invalid"), "true");
      assert.match(await page.locator("#hashrate-error").innerText(), /Network hashrate is not a number/);
      // The difficulty field still holds a valid difficulty and says nothing.
      assert.equal(await input(page, "diff").getAttribute("aria-invalid"), "false");
      assert.equal(await page.locator("#diff-error").innerText(), "");
      // Figures that need the difficulty say why they are missing.
      const reason = await page.locator('[data-metric="network_hashrate_eh_s"]').first().getAttribute("data-reason");
      assert.match(reason ?? "", /Network difficulty/);
      // A valid difficulty clears it; a later bad difficulty is the difficulty's error alone.
      await typeInto(page, "diff", "150");
      assert.equal(await input(page, "hashrate").getAttribute("aria-invalid"), "false");
      await eventually(async () => assert.equal(await input(page, "hashrate").inputValue(), "1073.7"));
      await typeInto(page, "diff", "x");
      assert.equal(await input(page, "diff").getAttribute("aria-invalid"), "true");
      assert.equal(await input(page, "hashrate").getAttribute("aria-invalid"), "false");
      assert.equal(await page.locator("#hashrate-error").innerText(), "");
    });
  });

  test("an embed names the keys its link had that were ignored", async () => {
    await withPage(app.browser, "page embed notice", async ({ page }) => {
      await openApp(page, app.server.url, "?embed=1&show=compare,inputs&kwh=abc&zzz=1");
      assert.deepEqual((await readWarnings(page)).slice().sort(), ["kwh", "zzz"]);
    });
  });

  test("before the Wasm runs a placeholder shows, and if it cannot load, a message", async () => {
    const handle = await newPage(app.browser);
    try {
      const { page } = handle;
      // The Wasm never arrives: the placeholder is there meanwhile, then the message.
      await page.route("**/*.wasm", (route) => route.abort());
      await page.goto(`${app.server.url}?kwh=0.03`, { waitUntil: "domcontentloaded" });
      assert.match(await page.locator("#app").innerText(), /Loading the calculator|could not load/);
      await page.locator("#app [role=alert]").waitFor({ timeout: 10_000 });
      assert.match(await page.locator("#app [role=alert]").innerText(), /could not load\. Reload the page/);
      assert.equal(await page.locator("#app[data-ready]").count(), 0);
      // Only the blocked Wasm failed (and the console said so); nothing else broke.
      assert.ok(handle.errors.length > 0 && handle.errors.every((e) => /\.wasm|wasm|WebAssembly|fetch/i.test(e)), handle.errors.join("\n"));
    } finally {
      await handle.close();
    }
  });

  test("a trap in the Wasm replaces the dead page with a message to reload", async () => {
    await withPage(app.browser, "page wasm trap", async ({ page }) => {
      await openApp(page, app.server.url, "");
      // What the app.browser reports when the Wasm aborts on a panic.
      await page.evaluate(() =>
        window.dispatchEvent(new ErrorEvent("error", { error: new WebAssembly.RuntimeError("unreachable"), message: "unreachable" })),
      );
      assert.match(await page.locator("#app [role=alert]").innerText(), /stopped on an error\. Reload/);
    });
  });

  test("screenshots of the default page at 360×800 and 1280×900 (for people to look at)", async () => {
    mkdirSync(ARTIFACTS, { recursive: true });
    for (const [width, height] of [
      [360, 800],
      [1280, 900],
    ]) {
      await withPage(
        app.browser,
        `page screenshot ${width}`,
        async ({ page }) => {
          await openApp(page, app.server.url, "");
          await page.screenshot({ path: path.join(ARTIFACTS, `page-default-${width}x${height}.png`), fullPage: true });
        },
        { width, height },
      );
    }
  });
});
