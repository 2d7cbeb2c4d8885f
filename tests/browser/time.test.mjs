// Over time: the charts' points and every time figure equal the evaluator's projection and
// metrics; CSV, JSON and SVG downloads arrive with the evaluator's numbers; an invalid
// outlook value marks its own field and blanks only the figures that need it.

import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { describe, test } from "node:test";

import {
  evaluate,
  metricMismatches,
  openApp,
  parseCsv,
  readMetrics,
  revealInput,
  useBrowser,
  withPage,
} from "./support.mjs";

const LINKS = ["?", "?kwh=0.03&mo=60&asic=s21xp", "?conv=0&clife=20&mo=240&dg=1", "?mo=1&dr=30&gfit=0"];
const PATHS = ["mining", "colo", "gpu"];

/** The evaluator's projection as exact text: `{month: {field: text or null}}`. */
function projectionOf(link) {
  const months = {};
  for (const point of evaluate(link).json.projection) {
    const row = {};
    for (const [key, value] of Object.entries(point)) row[key] = value === null ? null : value.text;
    months[row.month] = row;
  }
  return months;
}

/** Every plotted point: `{ chart, path, month, value }`. */
function readPoints(page) {
  return page.$$eval('svg:is([data-chart="margin-chart"], [data-chart="cash-chart"]) [data-path]', (els) =>
    els.map((el) => ({
      chart: el.closest("svg").getAttribute("data-chart"),
      path: el.getAttribute("data-path"),
      month: el.getAttribute("data-month"),
      value: el.getAttribute("data-value"),
    })),
  );
}

describe("over time", () => {
  const app = useBrowser();

  for (const link of LINKS) {
    test(`${link}: every chart point and time figure equals the evaluator`, async () => {
      const months = projectionOf(link);
      const { metrics } = evaluate(link);
      await withPage(app.browser, `time ${link}`, async ({ page }) => {
        await openApp(page, app.server.url, link);
        const points = await readPoints(page);
        const problems = [];
        const field = { "margin-chart": "margin_usd_per_kwh", "cash-chart": "cum_usd_per_mw" };
        const seen = { "margin-chart": 0, "cash-chart": 0 };
        for (const p of points) {
          const want = months[p.month]?.[`${p.path}_${field[p.chart]}`];
          seen[p.chart] += 1;
          if (want === undefined) problems.push(`${p.chart} ${p.path} month ${p.month}: not in the projection`);
          else if (p.value !== want) problems.push(`${p.chart} ${p.path} month ${p.month}: ${p.value}, evaluator ${want}`);
        }
        assert.deepEqual(problems.slice(0, 10), [], `${problems.length} point(s) differ`);
        // A dot every year and at the horizon, for each path with a value there, on both charts.
        const horizon = Math.max(...Object.keys(months).map(Number));
        for (const [chart, suffix] of Object.entries(field)) {
          let want = 0;
          for (const [month, row] of Object.entries(months)) {
            if (Number(month) % 12 !== 0 && Number(month) !== horizon) continue;
            for (const path of PATHS) if (row[`${path}_${suffix}`] !== null) want += 1;
          }
          assert.equal(seen[chart], want, `${chart}: ${seen[chart]} points, the projection has ${want} values`);
        }
        // Every figure on the page, the time ones included.
        assert.deepEqual(metricMismatches(await readMetrics(page), metrics), []);
      });
    });
  }

  test("the default outlook: the fleet never pays back while today's figures say 6.7 years; the lease pays back in about eight years below the discount rate", async () => {
    await withPage(app.browser, "time default", async ({ page }) => {
      await openApp(page, app.server.url, "");
      const section = page.locator('[data-section="time"]');
      const answer = await section.locator(".answer").innerText();
      assert.match(answer, /Mining does not pay back within its life/);
      assert.match(answer, /AI colocation pays back in month 98 \(Jan 2034\)/);
      const mw = page.locator('[data-section="mw"]');
      assert.equal((await mw.locator('[data-metric="mining_payback_years"]').innerText()).trim(), "6.7 years");
      assert.equal((await mw.locator('[data-metric="mining_payback_months"]').innerText()).trim(), "not within its life");
      const irr = Number(await page.locator('[data-metric="colo_irr_pct"]').first().getAttribute("data-value"));
      assert.ok(irr > 0 && irr < 12, `colo IRR ${irr} is below the 12% discount rate`);
      // The charts name the halving and the events on the chart itself.
      const labels = await page.$$eval('svg[data-chart] text', (els) => els.map((e) => e.textContent));
      assert.ok(labels.includes("Halving, Apr 2028"), labels.join(" | "));
      assert.ok(labels.some((l) => /Colocation pays back/.test(l)), labels.join(" | "));
      assert.ok(labels.includes("AI conversion"), labels.join(" | "));
    });
  });

  test("each chart states the outlook it assumes, each part a link that opens and focuses its field", async () => {
    await withPage(app.browser, "time outlook", async ({ page }) => {
      await openApp(page, app.server.url, "?pg=-10");
      const section = page.locator('[data-section="time"]');
      const outlooks = await section.locator(".chart-caption .outlook").allInnerTexts();
      assert.equal(outlooks.length, 2);
      for (const text of outlooks) {
        assert.match(text, /^Outlook: difficulty \+2 %\/month, bitcoin −10 %\/year, halving Apr 2028, GPU rent −15 %\/year, lease \+2 %\/year/);
      }
      assert.match(outlooks[1], /AI conversion 9 months$/);
      // The outlook's group is folded away; the link opens it and puts the focus in the field.
      const before = page.url();
      assert.equal(await page.locator('details:has(#f-dg)').evaluate((d) => d.open), false);
      await section.locator('.outlook a[data-key="dg"]').first().click();
      assert.equal(await page.locator('details:has(#f-dg)').evaluate((d) => d.open), true);
      assert.equal(await page.evaluate(() => document.activeElement?.id), "f-dg");
      assert.equal(page.url(), before, "the link holds the scenario, no fragment");
      await section.locator('.outlook a[data-key="blk"]').first().click();
      assert.equal(await page.evaluate(() => document.activeElement?.id), "f-blk");
      // An embed without the inputs names the outlook without links to nowhere.
      await openApp(page, app.server.url, "?embed=1&show=time");
      assert.equal(await page.locator(".outlook a").count(), 0);
      assert.equal(await page.locator('.outlook [data-key="dg"]').count(), 2);
    });
  });

  test("a payback reached at today's figures but not over the life says why", async () => {
    await withPage(app.browser, "time payback why", async ({ page }) => {
      await openApp(page, app.server.url, "?kwh=0.02&pg=20");
      const mw = page.locator('[data-section="mw"]');
      assert.equal((await mw.locator('[data-metric="mining_payback_years"]').innerText()).trim(), "2.9 years");
      assert.equal((await mw.locator('[data-metric="mining_payback_months"]').innerText()).trim(), "not within its life");
      const why = await mw.locator("[data-payback-why]").innerText();
      assert.match(why, /^Bitcoin mining: 2\.9 years at today's margin, but the outlook lowers the margin month by month and its 4-year life ends before the capex is back\./);
      // The difficulty held flat: mining pays back (month 26), nothing to explain for it.
      await openApp(page, app.server.url, "?kwh=0.02&pg=20&dg=0");
      const flat = await page.locator('[data-section="mw"] [data-payback-why]').innerText();
      assert.doesNotMatch(flat, /Bitcoin mining/);
    });
  });

  test("CSV, JSON and SVG downloads carry the evaluator's numbers and the scenario", async () => {
    const link = "?kwh=0.04&mo=24&gpu=b200";
    const evaluated = evaluate(link);
    await withPage(app.browser, "time downloads", async ({ page }) => {
      await openApp(page, app.server.url, link);
      const download = async (name) => {
        const [file] = await Promise.all([page.waitForEvent("download"), page.getByRole("button", { name }).click()]);
        return { name: file.suggestedFilename(), text: readFileSync(await file.path(), "utf8") };
      };

      const json = await download("Download JSON");
      assert.equal(json.name, "kwhich-kwh-0.04_gpu-b200_mo-24.json");
      assert.equal(json.text.trim(), evaluated.stdout.trim(), "the JSON is what kwhich eval prints");

      // One file per table, each a header and rows of plain numbers.
      const figures = await download("Figures (CSV)");
      assert.equal(figures.name, "kwhich-kwh-0.04_gpu-b200_mo-24-figures.csv");
      const [header, row, ...more] = parseCsv(figures.text);
      assert.equal(more.length, 0, "one row of figures");
      assert.equal(row.length, header.length);
      const cell = (name) => row[header.indexOf(name)];
      for (const [key, value] of Object.entries(evaluated.metrics)) {
        assert.equal(cell(key), value ?? "", `CSV metric ${key}`);
      }
      for (const [key, value] of Object.entries(evaluated.json.scenario)) {
        const want = value === null ? "" : typeof value === "string" ? value : value.text;
        assert.equal(cell(key), want, `CSV input ${key}`);
      }

      const monthly = await download("Month by month (CSV)");
      assert.equal(monthly.name, "kwhich-kwh-0.04_gpu-b200_mo-24-months.csv");
      const [columns, ...rows] = parseCsv(monthly.text);
      const months = evaluated.json.projection;
      assert.deepEqual(columns, ["date", ...Object.keys(months[0])]);
      assert.equal(rows.length, months.length, "one row a month");
      assert.deepEqual([rows[0][0], rows[2][0], rows[24][0]], ["2025-11-22", "2026-01-22", "2027-11-22"]);
      months.forEach((point, i) => {
        columns.slice(1).forEach((column, c) => {
          const want = point[column] === null ? "" : point[column].text;
          assert.equal(rows[i][c + 1], want, `month ${i} ${column}`);
        });
      });

      for (const [button, chart] of [["Margin chart (SVG)", "margin-chart"], ["Cash chart (SVG)", "cash-chart"]]) {
        const svg = await download(button);
        assert.equal(svg.name, `kwhich-${chart}-kwh-0.04_gpu-b200_mo-24.svg`);
        assert.match(svg.text, /^<\?xml/);
        for (const part of ["kWhich", "2025-11-22", "kwh=0.04&amp;gpu=b200&amp;mo=24", "<style>"]) {
          assert.ok(svg.text.includes(part), `${chart} SVG lacks ${part}`);
        }
        // Parsed in a blank page: the calculator's CSP would refuse the file's <style>.
        const blank = await page.context().newPage();
        const parsed = await blank.evaluate((text) => {
          const doc = new DOMParser().parseFromString(text, "image/svg+xml");
          return { error: doc.querySelector("parsererror")?.textContent ?? null, title: doc.querySelector(".chart-title")?.textContent };
        }, svg.text);
        await blank.close();
        assert.equal(parsed.error, null, `${chart} SVG is not well-formed XML`);
        assert.ok(parsed.title?.length > 10, `${chart} SVG has its title: ${parsed.title}`);
      }
    });
  });

  test("an invalid discount rate marks its field and blanks only the figures that need it", async () => {
    const valid = evaluate("?dr=15").metrics;
    await withPage(app.browser, "time invalid dr", async ({ page }) => {
      await openApp(page, app.server.url, "?dr=15");
      await revealInput(page, "dr");
      const dr = page.locator('input[name="dr"]');
      await dr.fill("abc");
      await page.waitForSelector('input[name="dr"][aria-invalid="true"]');
      assert.match(await page.locator("#dr-error").innerText(), /Discount rate/i);
      const problems = [];
      for (const m of await readMetrics(page)) {
        const needsDr = /_npv_/.test(m.key);
        if (needsDr && m.value !== "") problems.push(`${m.key} shows ${m.value} while dr is invalid`);
        if (!needsDr && m.value !== (valid[m.key] ?? "")) problems.push(`${m.key}: ${m.value}, want ${valid[m.key]}`);
      }
      assert.deepEqual(problems, []);
      assert.equal(new URL(page.url()).searchParams.get("dr"), "15", "the link keeps the last valid rate");
    });
  });
});
