// The embed as a newsroom publishes it (issue 19): dates as each language's press writes
// them (Vietnamese `tháng 5/2027`, `22/11/2025`); a comparison embed offering only what it
// shows; the line under an embed's title (the network's date and the inputs), the same
// before and after the app, "Back to the article's figures", dated JSON and CSV; Arabic in
// Eastern or Western digits (`nu=latn`) with one currency word; one chart alone.

import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { describe, test } from "node:test";

import { evaluate, metricMismatches, openApp, parseCsv, readMetrics, useBrowser, waitReady, withPage } from "./support.mjs";

/** The text a reader reads: text nodes outside code, textareas and scripts. */
function readerText(page) {
  return page.evaluate(() => {
    const parts = [];
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      // The charts' source lines belong to the chart files (issue 19, items 8–10).
      if (node.parentElement?.closest("script, style, noscript, template, code, textarea, .chart-source")) continue;
      // Links and link keys are not prose.
      parts.push(node.nodeValue.replace(/\S*[?=&]\S*/g, " "));
    }
    return parts.join(" ");
  });
}

describe("newsroom", () => {
  const app = useBrowser();

  test("Vietnamese dates read as the Vietnamese press writes them: tháng 4/2028, 22/11/2025", async () => {
    await withPage(app.browser, "newsroom vi dates", async ({ page }) => {
      await openApp(page, app.server.url, "?v=1&lang=vi&mo=60");
      await page.locator("details#method").evaluate((d) => (d.open = true));
      await page.locator("[data-chart='margin-chart'] text").first().waitFor({ state: "attached" });
      const text = await readerText(page);
      assert.doesNotMatch(text, /thg/, "no abbreviated month");
      assert.doesNotMatch(text, /\b\d{4}-\d{2}-\d{2}\b/, "no ISO date among the words");
      assert.doesNotMatch(text, /(^|[^\p{L}])Halving/u, "no English Halving");
      assert.match(text, /Đợt halving tháng 4\/2028/, "the halving's marker");
      assert.match(text, /halving tháng 4\/2028/, "the outlook");
      assert.match(text, /ngày 22\/11\/2025/, "the methodology's snapshot day");
    });
  });

  test("a comparison's embed panel offers only what a comparison embed shows, and the embed shows each", async () => {
    const offered = async (page) => {
      await page.locator('[aria-controls="embed-panel"]').click();
      const boxes = page.locator("#embed-panel fieldset input[type=checkbox]");
      await boxes.first().waitFor({ state: "attached" });
      return boxes.evaluateAll((els) => els.filter((e) => !e.disabled).map((e) => e.value));
    };
    await withPage(app.browser, "newsroom single panel", async ({ page }) => {
      await openApp(page, app.server.url, "?v=1&kwh=0.045");
      assert.deepEqual(await offered(page), ["compare", "btc", "mw", "network", "time", "inputs", "map", "drivers", "history"]);
      assert.equal(await page.locator("[data-compared-sections]").isVisible(), false);
    });
    await withPage(app.browser, "newsroom comparison panel", async ({ page }) => {
      await openApp(page, app.server.url, "?v=1&kwh=0.045&b.kwh=0.03");
      const boxes = await offered(page);
      assert.deepEqual(boxes, ["compare", "btc", "mw", "network", "time", "inputs"]);
      assert.ok(await page.locator("[data-compared-sections]").isVisible(), "the panel says why");
      for (const value of boxes) await page.locator(`#embed-panel input[value="${value}"]`).check();
      const code = await page.locator("#embed-code").inputValue();
      const src = code.match(/src="([^"]+)"/)[1].replaceAll("&amp;", "&");
      assert.deepEqual(new URL(src).searchParams.get("show").split(","), boxes);
      // The embed shows every section the snippet names: a group of the table each, and the inputs.
      await page.goto(src);
      await waitReady(page);
      assert.equal(await page.locator("[data-comparison] tr.group").count(), boxes.length - 1);
      assert.equal(await page.locator("[data-section='inputs']").count(), 1);
    });
  });

  test("an embed says under its title when its network is from and what it rests on, the same before and after the app", async () => {
    const cases = [
      ["en", ["Network snapshot of 22 Nov 2025", "bitcoin $91,000", "power $0.045 per kWh", "Antminer S21 XP", "lease $121 per kW-month"]],
      ["vi", ["ngày 22/11/2025", "91.000\u00a0US$", "0,045\u00a0US$", "Antminer S21 XP", "121\u00a0US$"]],
      ["ar", ["٢٢ نوفمبر ٢٠٢٥", "٩١٬٠٠٠", "٠٫٠٤٥", "Antminer S21 XP", "١٢١"]],
    ];
    for (const [lang, parts] of cases) {
      await withPage(app.browser, `newsroom facts ${lang}`, async ({ page }) => {
        // Hold the app's chunk: what shows first is the boot module's answer.
        let release;
        const held = new Promise((resolve) => (release = resolve));
        await page.route(/\/(split_kwhich_|chunk_)[\w-]+\.wasm$/, async (route) => {
          await held;
          await route.continue();
        });
        await page.goto(`${app.server.url}?v=1&lang=${lang}&embed=1&btc=91000&kwh=0.045&asic=s21xp&colo=121`, { waitUntil: "load" });
        const early = page.locator("#app[data-answer] h1.embed-title + [data-facts]");
        await early.waitFor({ state: "attached" });
        const before = await early.textContent();
        for (const part of parts) assert.ok(before.includes(part), `${lang}: "${part}" in "${before}"`);
        release();
        await waitReady(page);
        assert.equal(await page.locator("#app[data-answer]").count(), 0, "the app replaced the answer");
        const after = await page.locator("h1.embed-title + [data-facts]").textContent();
        assert.equal(after, before, `${lang}: the same line before and after the app`);
      });
    }
    await withPage(app.browser, "newsroom facts set", async ({ page }) => {
      await openApp(page, app.server.url, "?v=1&embed=1&diff=160");
      assert.match(await page.locator("[data-facts]").textContent(), /^Network figures set in the link · /);
    });
  });

  test("an editable embed goes back to the article's figures; a read-only one offers nothing", async () => {
    const link = "?v=1&embed=1&kwh=0.03&show=compare,inputs";
    const expected = evaluate(link);
    await withPage(app.browser, "newsroom back", async ({ page }) => {
      await openApp(page, app.server.url, link);
      const back = page.getByRole("button", { name: "Back to the article's figures" });
      assert.equal(await back.count(), 0, "hidden while the figures are the article's");
      await page.locator('input[name="btc"]').fill("120000");
      await page.locator('input[name="btc"]').press("Enter");
      await back.waitFor();
      assert.match(await page.locator("[data-facts]").textContent(), /bitcoin \$120,000/, "the line follows the edit");
      await page.locator('input[name="kwh"]').fill("abc");
      await back.click();
      await back.waitFor({ state: "hidden" });
      await waitReady(page);
      const shown = await readMetrics(page);
      const want = Object.fromEntries(Object.entries(expected.metrics).filter(([k]) => shown.some((m) => m.key === k)));
      assert.ok(shown.length >= 8, `${shown.length} figures shown`);
      assert.deepEqual(metricMismatches(shown, want), [], "the article's figures again");
      assert.equal(await page.locator('input[name="btc"]').inputValue(), "85000");
      assert.equal(await page.locator('input[name="kwh"]').inputValue(), "0.03");
      assert.equal(await page.locator('input[name="kwh"]').getAttribute("aria-invalid"), "false");
      assert.match(await page.locator("[data-facts]").textContent(), /bitcoin \$85,000/);
    });
    await withPage(app.browser, "newsroom back read-only", async ({ page }) => {
      await openApp(page, app.server.url, "?v=1&embed=1&kwh=0.03&show=compare,inputs&edit=0");
      assert.equal(await page.locator("[data-back]").count(), 0);
    });
  });

  test("an embed's JSON and CSV carry the network's date", async () => {
    for (const [extra, date] of [["", "2025-11-22"], ["&diff=160", null]]) {
      const link = `?v=1&embed=1&show=time&kwh=0.04${extra}`;
      await withPage(app.browser, `newsroom dated files ${extra}`, async ({ page }) => {
        await openApp(page, app.server.url, link);
        const download = async (name) => {
          const [file] = await Promise.all([page.waitForEvent("download"), page.getByRole("button", { name }).click()]);
          return readFileSync(await file.path(), "utf8");
        };
        const json = JSON.parse(await download("Download JSON"));
        assert.equal(json.network_date, date);
        assert.equal((await download("Download JSON")).trim(), evaluate(link).stdout.trim(), "as kwhich eval prints it");
        const [header, row] = parseCsv(await download("Figures (CSV)"));
        assert.equal(row[header.indexOf("network_date")], date ?? "");
      });
    }
  });

  test("Arabic in its own or in Western digits (nu=latn): figures, formulas and subtitles alike; one currency word", async () => {
    const cases = [
      ["", /[٠-٩]/, /[0-9]/, ["٨٦٬٤٠٠", "١٠^١٥", "٨٬٧٦٠٬٠٠٠"], "الشهر ٠"],
      ["&nu=latn", /[0-9]/, /[٠-٩]/, ["86,400", "10^15", "8,760,000"], "الشهر 0"],
    ];
    for (const [extra, digits, other, formulas, subtitle] of cases) {
      await withPage(app.browser, `newsroom ar digits ${extra}`, async ({ page }) => {
        await openApp(page, app.server.url, `?v=1&lang=ar&kwh=0.045${extra}`);
        await page.locator("details#method").evaluate((d) => (d.open = true));
        await page.locator("[data-chart='cash-chart'] text").first().waitFor({ state: "attached" });
        const figure = await page.locator('[data-metric="mining_revenue_usd_per_kwh"]').first().textContent();
        assert.match(figure, digits, figure);
        assert.doesNotMatch(figure, other, figure);
        const code = (await page.locator("#method code").allTextContents()).join(" ");
        for (const part of formulas) assert.ok(code.includes(part), `"${part}" in the formulas: ${code}`);
        // Latin digits stay only in codes (a letter or digit, maybe a space, before them).
        const stray = extra ? /[٠-٩]/ : /(^|[^A-Za-z0-9 ]|[^A-Za-z0-9] )[0-9¹²³⁴⁵⁶⁷⁸⁹⁰]/;
        assert.doesNotMatch(code, stray, "one kind of digits in the formulas");
        const cash = await page.locator("[data-chart='cash-chart'] .chart-subtitle").first().textContent();
        assert.ok(cash.includes(subtitle), `the cash chart's subtitle: ${cash}`);
        const text = await page.evaluate(() => document.body.innerText);
        assert.doesNotMatch(text, /USD/, "دولار, never USD");
      });
    }
    await withPage(app.browser, "newsroom digits panel", async ({ page }) => {
      await openApp(page, app.server.url, "?v=1&lang=ar");
      await page.locator('[aria-controls="embed-panel"]').click();
      assert.ok(await page.locator("#embed-digits").isVisible(), "offered for an Arabic article");
      await page.locator("#embed-digits").selectOption("latn");
      assert.match(await page.locator("#embed-code").inputValue(), /lang=ar&amp;embed=1&amp;nu=latn/);
      await page.locator("#embed-lang").selectOption("vi");
      assert.equal(await page.locator("#embed-digits").isVisible(), false, "nothing to choose in Vietnamese");
      assert.doesNotMatch(await page.locator("#embed-code").inputValue(), /nu=latn/);
    });
  });

  test("one chart alone (show=kwh-chart, margin-chart, cash-chart, map-chart): title, what it rests on, the chart, its source", async () => {
    const charts = [
      ["kwh-chart", "svg[aria-labelledby='chart-title']"],
      ["margin-chart", "svg[data-chart='margin-chart']"],
      ["cash-chart", "svg[data-chart='cash-chart']"],
      ["map-chart", "svg[data-chart='decision-map']"],
    ];
    for (const [chart, svg] of charts) {
      for (const lang of ["en", "ar"]) {
        const context = await app.browser.newContext({ viewport: { width: 640, height: 900 } });
        const page = await context.newPage();
        try {
          await openApp(page, app.server.url, `?v=1&lang=${lang}&embed=1&show=${chart}&kwh=0.045`);
          const main = page.locator(`main[data-alone='${chart}']`);
          await main.waitFor();
          assert.equal(await main.locator(svg).count(), 1, `${chart} ${lang}: the chart`);
          assert.equal(await main.locator("section.card, table").count(), 0, `${chart} ${lang}: nothing but the chart`);
          assert.ok((await main.locator(".chart-caption strong").textContent()).trim().length > 10, "a title that states the finding");
          assert.match(await main.locator("[data-facts]").textContent(), lang === "en" ? /22 Nov 2025/ : /٢٢ نوفمبر ٢٠٢٥/);
          const source = await main.locator(".chart-source-line").textContent();
          assert.match(source, /kWhich/);
          assert.match(source, /kwh=0\.045/, "the scenario's link");
          assert.doesNotMatch(source, /embed=|show=/, "the full calculator's link");
          const { scroll, inner, height } = await page.evaluate(() => ({
            scroll: document.documentElement.scrollWidth,
            inner: innerWidth,
            height: document.documentElement.scrollHeight,
          }));
          assert.ok(scroll <= inner, `${chart} ${lang}: no sideways scroll`);
          assert.ok(height < 1200, `${chart} ${lang}: ${height} px fits an article`);
        } finally {
          await context.close();
        }
      }
    }
    await withPage(app.browser, "newsroom chart panel", async ({ page }) => {
      await openApp(page, app.server.url, "?v=1&kwh=0.045");
      await page.locator('[aria-controls="embed-panel"]').click();
      await page.locator("#embed-chart").selectOption("margin-chart");
      const code = await page.locator("#embed-code").inputValue();
      assert.match(code, /kwh=0\.045&amp;embed=1&amp;show=margin-chart"?/);
      assert.doesNotMatch(code, /show=compare/);
    });
  });
});
