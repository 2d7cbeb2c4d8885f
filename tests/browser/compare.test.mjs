// Comparing two scenarios and keeping scenarios in the browser, as a team uses them: pin the
// scenario as A, edit B, copy the link, open it elsewhere; each side's figures are checked
// against `kwhich eval` of that side's own link (data-scenario-link), and the differences
// against the evaluator's comparison JSON. Also: bad keys named per side, stopping and
// swapping, saved scenarios across reloads (rename, delete), storage that is disabled or
// full, the comparison embed and its snippet, accessibility and the narrow screen.

import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { mkdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, test } from "node:test";

import {
  ARTIFACTS,
  JsonNumber,
  axeViolations,
  evaluate,
  eventually,
  expectSearch,
  evaluatorPath,
  findBrokenNumbers,
  openApp,
  parseCsv,
  readWarnings,
  revealInput,
  search,
  useBrowser,
  waitReady,
  withPage,
} from "./support.mjs";

// ---------------------------------------------------------------------------------------
// Helpers

const input = (page, name) => page.locator(`input[name="${name}"]`);
const button = (page, name) => page.getByRole("button", { name, exact: true });

async function typeInto(page, name, text) {
  await revealInput(page, name);
  const field = input(page, name);
  await field.click();
  await page.keyboard.press("ControlOrMeta+A");
  await page.keyboard.press("Backspace");
  await field.pressSequentially(text);
  assert.equal(await field.inputValue(), text, `${name} does not hold what was typed`);
}

/** `{ key: { value, reason } }` of the figures inside `[data-scenario=SIDE]`. */
function sideFigures(page, side) {
  return page.$$eval(`[data-scenario="${side}"] [data-metric]`, (els) =>
    Object.fromEntries(els.map((el) => [el.getAttribute("data-metric"), { value: el.getAttribute("data-value"), reason: el.getAttribute("data-reason") }])),
  );
}

/** The href of side SIDE's own link. */
const sideLink = (page, side) => page.getAttribute(`[data-scenario-link="${side}"] a[href]`, "href");

/** The evaluator's figures as text (null where it has none). */
const asText = (metrics) => Object.fromEntries(Object.entries(metrics).map(([k, v]) => [k, v instanceof JsonNumber ? v.text : v]));

/**
 * The metrics a comparison shows: every one the evaluator prints but the backtest's, which
 * replay the history month by month (the History section, not a side-by-side figure).
 */
const compared = (expected) => Object.keys(expected).filter((key) => !key.startsWith("backtest_"));

/** Problems between a side's figures and the evaluator's; every compared metric must be shown unless `keys` says which. */
function mismatches(shown, expected, keys = compared(expected)) {
  const problems = [];
  for (const key of keys) {
    const el = shown[key];
    if (!el) problems.push(`${key}: not shown`);
    else if (expected[key] === null) {
      if (el.value !== "") problems.push(`${key}: data-value ${el.value}, evaluator: null`);
      if (!el.reason?.trim()) problems.push(`${key}: null without a data-reason`);
    } else if (el.value !== expected[key]) problems.push(`${key}: data-value ${el.value}, evaluator: ${expected[key]}`);
  }
  for (const key of Object.keys(shown)) if (!keys.includes(key)) problems.push(`${key}: shown but not expected`);
  return problems;
}

/**
 * Every side against the evaluator: each side's figures equal `kwhich eval` of its own link
 * (and the comparison link's `a` to `d`), each difference from A the comparison's
 * `differences` (B − A, `data-difference`) or `differences_c`/`differences_d` (C − A and
 * D − A, `data-difference-c`/`-d`). Returns the side links.
 */
async function expectSidesOf(page, comparisonLink, { keys } = {}) {
  const whole = evaluate(comparisonLink).json;
  assert.ok(whole.a && whole.b, `kwhich eval "${comparisonLink}" is not a comparison`);
  const sides = ["a", "b", "c", "d"].filter((side) => whole[side]);
  return eventually(async () => {
    const links = {};
    for (const side of sides) {
      const href = await sideLink(page, side);
      assert.ok(href, `no [data-scenario-link=${side}] a[href]`);
      const own = evaluate(href).metrics;
      assert.deepEqual(own, asText(whole[side].metrics), `side ${side}: its own link ${href} vs the comparison's ${side}`);
      assert.deepEqual(mismatches(await sideFigures(page, side), own, keys), [], `side ${side} vs \`kwhich eval "${href}"\``);
      links[side] = href;
    }
    assert.equal(await page.locator("[data-scenario-link]").count(), sides.length, "a link for each side, no more");
    for (const side of sides.slice(1)) {
      const attribute = side === "b" ? "data-difference" : `data-difference-${side}`;
      const diffs = await page.$$eval(`[${attribute}]`, (els, attribute) => Object.fromEntries(els.map((el) => [el.getAttribute(attribute), el.getAttribute("data-value")])), attribute);
      assert.ok(Object.keys(diffs).length > 0, `no ${attribute}`);
      const want = asText(whole[side === "b" ? "differences" : `differences_${side}`]);
      for (const [key, value] of Object.entries(diffs)) assert.equal(value, want[key] ?? "", `${side} − A of ${key}`);
    }
    // In comparison mode every figure belongs to a side.
    assert.equal(await page.locator("[data-metric]:not([data-scenario] [data-metric])").count(), 0, "a figure outside data-scenario");
    return links;
  });
}

/** Every point of the compared charts: `{ chart, path, side, month, value }`. */
const chartPoints = (page) =>
  page.$$eval("[data-compared-time] svg[data-chart] [data-path]", (els) =>
    els.map((el) => ({
      chart: el.closest("svg").getAttribute("data-chart"),
      path: el.getAttribute("data-path"),
      side: el.getAttribute("data-side"),
      month: Number(el.getAttribute("data-month")),
      value: el.getAttribute("data-value"),
    })),
  );

/** The points of `points` that differ from their side's projection in `json` (kwhich eval's). */
function pointProblems(points, json) {
  const problems = [];
  for (const p of points) {
    const column = p.chart === "margin-chart" ? `${p.path}_margin_usd_per_kwh` : `${p.path}_cum_usd_per_mw`;
    const month = json[p.side]?.projection.find((m) => Number(m.month?.text ?? m.month) === p.month);
    const want = month?.[column];
    if (!(want instanceof JsonNumber) || want.text !== p.value) problems.push(`${p.chart} ${p.side} ${p.path} month ${p.month}: ${p.value}, evaluator ${want?.text ?? want}`);
  }
  return problems;
}

/** The value of every named input and select, in page order. */
const readInputs = (page) => page.$$eval("input[name], select[name]", (els) => els.map((el) => [el.name, el.value]));

/** An init script that makes `localStorage` throw as a browser with storage disabled does. */
function disableStorage() {
  Object.defineProperty(window, "localStorage", {
    configurable: true,
    get() {
      throw new DOMException("The operation is insecure.", "SecurityError");
    },
  });
}

/** An init script that makes every write to storage fail as a full storage does. */
function fillStorage() {
  Storage.prototype.setItem = function () {
    throw new DOMException("The quota has been exceeded.", "QuotaExceededError");
  };
}

async function openSaved(page) {
  const toggle = button(page, "Save");
  if ((await toggle.getAttribute("aria-expanded")) !== "true") await toggle.click();
  await page.locator("#saved-panel section").waitFor();
}

/** The saved entries as shown: `[{ name, href, comparison }]`. */
const savedList = (page) =>
  page.$$eval(".saved-list li:has(a)", (lis) =>
    lis.map((li) => ({ name: li.querySelector("a")?.textContent, href: li.querySelector("a")?.getAttribute("href"), comparison: li.textContent.includes("(comparison)") })),
  );

// ---------------------------------------------------------------------------------------


/** Each link's winner through one `kwhich eval -` run (a link a line): the path with the
 * highest all-in margin, ties to the earlier path; "" when a margin is unknown. */
function winnersOf(links) {
  const run = spawnSync(evaluatorPath(), ["eval", "-"], { input: links.join("\n") + "\n", encoding: "utf8", maxBuffer: 1 << 28 });
  assert.equal(run.status, 0, run.stderr);
  return run.stdout.trim().split("\n").map((line) => {
    const m = JSON.parse(line).metrics;
    let best = null;
    for (const path of ["mining", "colo", "gpu"]) {
      const v = m[`${path}_allin_margin_usd_per_kwh`];
      if (v === null) return "";
      if (best === null || v > best[1]) best = [path, v];
    }
    return best[0];
  });
}
describe("comparing and saving", () => {
  const app = useBrowser();

  test("pin A, edit B, copy the link, open it in a fresh context: both sides are the evaluator's", async () => {
    let copied;
    let shown;
    await withPage(app.browser, "compare pin and copy", async ({ page, context }) => {
      await context.grantPermissions(["clipboard-read", "clipboard-write"], { origin: app.server.origin });
      await openApp(page, app.server.url, "?btc=90000&kwh=0.045");
      assert.equal(await page.locator("[data-scenario]").count(), 0, "sides before Compare");
      await button(page, "Compare").click();
      await page.locator("[data-comparison]").waitFor();
      assert.equal(await button(page, "Compare").isVisible(), false, "Compare while comparing");
      assert.equal(await page.locator("[data-section=compare]").count(), 0, "the single scenario's cards while comparing");
      await expectSearch(page, "?v=1&btc=90000&kwh=0.045&cmp=1");
      assert.match(await page.locator("[data-comparison]").innerText(), /B equals A/);

      // The inputs edit B; A stays as pinned.
      await typeInto(page, "kwh", "0.03");
      await typeInto(page, "capex", "18");
      const link = "?v=1&btc=90000&kwh=0.045&b.kwh=0.03&b.capex=18";
      await expectSearch(page, link);
      const links = await expectSidesOf(page, link);
      assert.equal(links.a, `${app.server.url}?v=1&btc=90000&kwh=0.045`);
      assert.equal(links.b, `${app.server.url}?v=1&btc=90000&kwh=0.03&capex=18`);
      assert.match(await page.locator("[data-comparison]").innerText(), /B differs from A in: Electricity price 0\.03 USD\/kWh; ASIC price 18 USD\/TH\./);

      // The better side: cheaper power gives B the higher margin, the lower cost per BTC.
      const row = (key) => page.locator(`tr:has([data-metric="${key}"])`);
      assert.equal(await row("mining_margin_usd_per_kwh").getAttribute("data-better"), "b");
      assert.equal(await row("cash_cost_per_btc_usd").getAttribute("data-better"), "b");
      assert.match(await row("cash_cost_per_btc_usd").locator('[data-scenario="b"]').innerText(), /✓/, "the better figure is marked in text");
      // Dearer ASICs make B's mining capex the worse one; the network has no better side.
      assert.equal(await row("mining_capex_usd_per_mw").getAttribute("data-better"), "a");
      assert.equal(await row("network_hashrate_eh_s").getAttribute("data-better"), null);
      // A's higher colocation multiple is only its dearer power billed at cost: a ratio
      // against mining is shown with B − A, never ticked (nor counted).
      const multiple = row("colo_vs_mining_revenue_multiple");
      assert.equal(await multiple.getAttribute("data-better"), null);
      assert.doesNotMatch(await multiple.innerText(), /✓/);
      assert.match(await multiple.locator("[data-difference]").innerText(), /^−\d/);
      assert.deepEqual(await findBrokenNumbers(page), []);

      await button(page, "Copy link").click();
      await page.getByRole("status").filter({ hasText: "Link copied." }).waitFor({ timeout: 3000 });
      copied = await page.evaluate(() => navigator.clipboard.readText());
      assert.equal(copied, app.server.url + link);
      shown = { a: await sideFigures(page, "a"), b: await sideFigures(page, "b"), inputs: await readInputs(page) };
    });

    await withPage(app.browser, "compare reopened", async ({ page }) => {
      await page.goto(copied, { waitUntil: "load" });
      await waitReady(page);
      await expectSidesOf(page, new URL(copied).search);
      assert.deepEqual(await sideFigures(page, "a"), shown.a, "A of the reopened link");
      assert.deepEqual(await sideFigures(page, "b"), shown.b, "B of the reopened link");
      assert.deepEqual(await readInputs(page), shown.inputs, "the inputs (B's) of the reopened link");
      assert.deepEqual(await readWarnings(page), []);
      assert.equal(await search(page), new URL(copied).search, "read and written back, the link changed");
    });
  });

  test("while comparing, Over time draws A's lines and B's dashed together; every point is its side's evaluator projection", async () => {
    const link = "?mo=36&kwh=0.045&b.kwh=0.03&b.asic=s19jpro&b.mo=48";
    const { json } = evaluate(link);
    await withPage(app.browser, "compare charts", async ({ page }) => {
      await openApp(page, app.server.url, link);
      await page.waitForSelector('[data-compared-time] svg[data-chart="cash-chart"] [data-side="b"]', { state: "attached" });
      const points = await chartPoints(page);
      const problems = pointProblems(points, json);
      const seen = new Set(points.map((p) => `${p.chart} ${p.side} ${p.path}`));
      assert.deepEqual(problems.slice(0, 10), [], `${problems.length} point(s) differ from kwhich eval "${link}"`);
      for (const chart of ["margin-chart", "cash-chart"]) {
        for (const side of ["a", "b"]) {
          for (const path of ["mining", "colo", "gpu"]) assert.ok(seen.has(`${chart} ${side} ${path}`), `${chart} ${side} ${path} has points`);
        }
      }
      // B's horizon is the longer one: its last dot is at month 48, A's at 36.
      const last = (side) => Math.max(...points.filter((p) => p.chart === "margin-chart" && p.side === side).map((p) => p.month));
      assert.deepEqual([last("a"), last("b")], [36, 48]);
      // Same colour per path (its class), B's lines dashed, A's solid.
      // (as drawn: the stylesheet's own dash per path gives way while comparing)
      const lines = await page.$$eval('[data-compared-time] svg[data-chart="margin-chart"] g.series', (gs) =>
        gs.map((g) => [g.getAttribute("class"), getComputedStyle(g.querySelector("path.line")).strokeDasharray]),
      );
      assert.deepEqual(lines, [
        ["series mining side-a", "none"],
        ["series colo side-a", "none"],
        ["series gpu side-a", "none"],
        ["series mining side-b", "48px, 30px"],
        ["series colo side-b", "48px, 30px"],
        ["series gpu side-b", "48px, 30px"],
      ]);
      const caption = await page.locator("[data-compared-time] figcaption span").first().textContent();
      assert.match(caption, /; A solid, B dashed$/);
    });
  });

  test("while comparing, A's decision map outlines the cells where B's winner differs, as the evaluator says", async () => {
    const sides = { a: "", b: "&asic=s19jpro&gph=1.5" };
    const link = "?kwh=0.05&b.asic=s19jpro&b.gph=1.5";
    await withPage(app.browser, "compare map", async ({ page }) => {
      await openApp(page, app.server.url, link);
      await page.waitForSelector("[data-compared-map] svg .cells rect", { state: "attached" });
      const read = (selector) =>
        page.$$eval(selector, (els) =>
          els.map((e) => ({ kwh: e.dataset.kwh, btc: e.dataset.btc, best: e.dataset.best, bestB: e.dataset.bestB ?? null })),
        );
      const cells = await read("[data-compared-map] svg .cells rect");
      const outlined = await read("[data-compared-map] svg .changes rect");
      assert.equal(cells.length, 1600);
      assert.ok(outlined.length > 0 && outlined.length < cells.length, `${outlined.length} cells outlined`);
      const title = await page.locator("[data-compared-map] figcaption strong").textContent();
      assert.equal(title, `B's winner differs from A's in ${outlined.length} of 1,600 cells`);
      // Every 37th cell and every 5th outlined one, each side at those prices through the
      // evaluator (one run, a link a line): the winner is the highest all-in margin, ties
      // to the earlier path.
      const byPlace = new Map(outlined.map((o) => [`${o.kwh} ${o.btc}`, o]));
      const sample = [...cells.filter((_, k) => k % 37 === 0), ...outlined.filter((_, k) => k % 5 === 0)];
      const winners = winnersOf(sample.flatMap((c) => ["a", "b"].map((side) => `?kwh=${c.kwh}&btc=${c.btc}${sides[side]}`)));
      const problems = [];
      sample.forEach((c, k) => {
        const [a, b] = [winners[2 * k], winners[2 * k + 1]];
        const o = byPlace.get(`${c.kwh} ${c.btc}`);
        if (c.best !== a) problems.push(`${c.kwh} ${c.btc}: A's winner ${c.best}, evaluator ${a}`);
        if (Boolean(o) !== (a !== b)) problems.push(`${c.kwh} ${c.btc}: outlined ${Boolean(o)}, evaluator A ${a} B ${b}`);
        if (o && o.bestB !== b) problems.push(`${c.kwh} ${c.btc}: B's winner ${o.bestB}, evaluator ${b}`);
      });
      assert.deepEqual(problems.slice(0, 10), [], `${problems.length} of ${sample.length} sampled cells differ`);
    });
  });

  test("with four sides, a compared map for each of B, C and D outlines where that side's winner differs, as the evaluator says, each with its files", async () => {
    const sides = { a: "", b: "&gph=1.5", c: "&asic=s19jpro", d: "&colo=100" };
    const link = "?v=1&kwh=0.05&b.gph=1.5&c.asic=s19jpro&d.colo=100";
    await withPage(app.browser, "compare maps four sides", async ({ page }) => {
      await openApp(page, app.server.url, link);
      await page.waitForSelector('[data-compared-map="d"] svg .cells rect', { state: "attached" });
      const figures = await page.$$eval("[data-compared-map]", (els) => els.map((e) => e.dataset.comparedMap));
      assert.deepEqual(figures, ["b", "c", "d"]);
      // Two cells of each outline group and every 53rd cell, each through the evaluator.
      const cells = await page.$$eval('[data-compared-map="b"] svg .cells rect', (els) =>
        els.map((e) => ({ kwh: e.dataset.kwh, btc: e.dataset.btc, best: e.dataset.best })),
      );
      const problems = [];
      for (const side of ["b", "c", "d"]) {
        const figure = page.locator(`[data-compared-map="${side}"]`);
        const outlined = await figure.locator("svg .changes rect").evaluateAll((els, side) =>
          els.map((e) => ({ kwh: e.dataset.kwh, btc: e.dataset.btc, other: e.getAttribute(`data-best-${side}`) })), side);
        const title = await figure.locator("figcaption strong").textContent();
        const upper = side.toUpperCase();
        assert.equal(
          title,
          outlined.length ? `${upper}'s winner differs from A's in ${outlined.length.toLocaleString("en-US")} of 1,600 cells` : `${upper}'s winner is A's everywhere on the map`,
        );
        assert.match(await figure.locator("figcaption span").textContent(), new RegExp(`where ${upper}'s most profitable path is another$`));
        const byPlace = new Map(outlined.map((o) => [`${o.kwh} ${o.btc}`, o]));
        const sample = [...cells.filter((_, k) => k % 53 === 0), ...outlined.slice(0, 2)];
        const winners = winnersOf(sample.flatMap((c) => ["a", side].map((s) => `?kwh=${c.kwh}&btc=${c.btc}${sides[s]}`)));
        sample.forEach((c, k) => {
          const [a, other] = [winners[2 * k], winners[2 * k + 1]];
          const o = byPlace.get(`${c.kwh} ${c.btc}`);
          if (Boolean(o) !== (a !== other)) problems.push(`${side} ${c.kwh} ${c.btc}: outlined ${Boolean(o)}, evaluator A ${a} ${side} ${other}`);
          if (o && o.other !== other) problems.push(`${side} ${c.kwh} ${c.btc}: winner ${o.other}, evaluator ${other}`);
        });
      }
      assert.deepEqual(problems.slice(0, 10), [], `${problems.length} sampled cells differ`);
      // C's map downloads as an SVG file titled with its finding and sourced to the comparison's link.
      const figure = page.locator('[data-compared-map="c"]');
      const [file] = await Promise.all([page.waitForEvent("download"), figure.getByRole("button", { name: "Map (SVG)" }).click()]);
      assert.match(file.suggestedFilename(), /^kwhich-compared-map-c-.*\.svg$/);
      const text = readFileSync(await file.path(), "utf8");
      assert.ok(text.includes(await figure.locator("figcaption strong").textContent()), "the file's title is the finding");
      assert.ok(text.includes("c.asic=s19jpro"), "the source line names the comparison's link");
      assert.equal(await figure.getByRole("button").count(), 4, "SVG and the three PNGs");
    });
  });

  test("a link of four sides restores exactly: every side's figures, differences and chart points are the evaluator's", async () => {
    const link = "?v=1&kwh=0.045&mo=24&b.kwh=0.03&c.asic=s19jpro&c.mo=36&d.kwh=0.06";
    const { json, stdout } = evaluate(link);
    assert.deepEqual(Object.keys(json), ["a", "b", "c", "d", "differences", "differences_c", "differences_d", "warnings"]);
    await withPage(app.browser, "compare four sides", async ({ page }) => {
      await openApp(page, app.server.url, link);
      assert.equal(await search(page), link, "read and written back, the link is unchanged");
      assert.deepEqual(await readWarnings(page), []);
      const links = await expectSidesOf(page, link);
      assert.deepEqual(Object.keys(links), ["a", "b", "c", "d"]);
      assert.equal(links.c, `${app.server.url}?v=1&asic=s19jpro&kwh=0.045&mo=36`);
      assert.equal(links.d, `${app.server.url}?v=1&kwh=0.06&mo=24`);
      assert.deepEqual(await page.$$eval("[data-comparison] thead th", (ths) => ths.map((th) => th.textContent)), ["Figure", "A", "B", "C", "D", "B − A", "C − A", "D − A"]);
      assert.equal(await page.locator("#comparison-title").textContent(), "A to D side by side");
      assert.match(await page.locator("[data-comparison]").innerText(), /C differs from A in: ASIC model s19jpro; [^.]* 36 [^.]*\. D differs from A in: Electricity price 0\.06 USD\/kWh\./);
      // Each row marks at most one side, the one its figures make best.
      const row = (key) => page.locator(`tr:has([data-metric="${key}"])`);
      assert.equal(await row("mining_margin_usd_per_kwh").getAttribute("data-better"), "b", "the cheapest power");
      assert.equal(await row("mining_cash_cost_usd_per_kwh").getAttribute("data-better"), "b");
      assert.equal(await page.locator("[data-comparison] tr td.better").count(), await page.locator("[data-comparison] tr[data-better]").count());
      assert.deepEqual(await findBrokenNumbers(page), []);

      // Over time: every side's lines, each point its side's projection.
      await page.waitForSelector('[data-compared-time] svg[data-chart="cash-chart"] [data-side="d"]', { state: "attached" });
      assert.equal(await page.locator("#compared-time-title").textContent(), "A to D over time");
      const points = await chartPoints(page);
      const problems = pointProblems(points, json);
      assert.deepEqual(problems.slice(0, 10), [], `${problems.length} point(s) differ from kwhich eval "${link}"`);
      const seen = new Set(points.map((p) => `${p.chart} ${p.side} ${p.path}`));
      for (const chart of ["margin-chart", "cash-chart"]) {
        for (const side of ["a", "b", "c", "d"]) {
          for (const path of ["mining", "colo", "gpu"]) assert.ok(seen.has(`${chart} ${side} ${path}`), `${chart} ${side} ${path} has points`);
        }
      }
      const last = (side) => Math.max(...points.filter((p) => p.chart === "margin-chart" && p.side === side).map((p) => p.month));
      assert.deepEqual(["a", "b", "c", "d"].map(last), [24, 24, 36, 24], "each side to its own horizon");
      // Same colour per path on every side; each side its own dash.
      const lines = await page.$$eval('[data-compared-time] svg[data-chart="margin-chart"] g.series', (gs) =>
        gs.map((g) => {
          const style = getComputedStyle(g.querySelector("path.line"));
          return [g.getAttribute("class"), style.strokeDasharray, style.stroke];
        }),
      );
      const dashes = { a: "none", b: "48px, 30px", c: "2px, 26px", d: "48px, 22px, 2px, 22px" };
      assert.equal(lines.length, 12);
      for (const [cls, dash, stroke] of lines) {
        const [, path, side] = cls.match(/^series (\w+) side-(\w)$/) ?? [];
        assert.equal(dash, dashes[side], cls);
        assert.equal(stroke, lines.find(([c]) => c === `series ${path} side-a`)?.[2], `${cls}: A's colour for ${path}`);
      }
      const caption = await page.locator("[data-compared-time] figcaption span").first().textContent();
      assert.match(caption, /; A solid, B dashed, C dotted, D dash-dotted$/);

      // The downloads hold every side: the JSON is kwhich eval's, the CSV a row a side.
      const downloads = page.locator("[data-comparison]").getByRole("group", { name: "Downloads" });
      const download = async (locator) => {
        const [file] = await Promise.all([page.waitForEvent("download"), locator.click()]);
        return { name: file.suggestedFilename(), text: readFileSync(await file.path(), "utf8") };
      };
      const report = await download(downloads.getByRole("button", { name: "Download JSON" }));
      assert.equal(report.text.trim(), stdout.trim(), "the JSON is what kwhich eval prints for the link");
      const figures = await download(downloads.getByRole("button", { name: "Figures (CSV)" }));
      const [header, ...rows] = parseCsv(figures.text);
      assert.deepEqual(rows.map((r) => r[0]), ["a", "b", "c", "d", "b_minus_a", "c_minus_a", "d_minus_a"]);
      const cell = (r, key) => r[header.indexOf(key)];
      const text = (value) => (value === null ? "" : typeof value === "string" ? value : value.text);
      for (const key of ["mining_margin_usd_per_kwh", "mining_payback_months", "gpu_npv_usd_per_mw"]) {
        ["a", "b", "c", "d"].forEach((side, i) => assert.equal(cell(rows[i], key), text(json[side].metrics[key]), `${side} ${key}`));
        assert.equal(cell(rows[5], key), text(json.differences_c[key]), `C − A ${key}`);
        assert.equal(cell(rows[6], key), text(json.differences_d[key]), `D − A ${key}`);
      }
      const monthly = await download(downloads.getByRole("button", { name: "Month by month (CSV)" }));
      const [columns, ...months] = parseCsv(monthly.text);
      assert.equal(months.length, 37, "to C's horizon");
      assert.equal(months[30][columns.indexOf("c_mining_cum_usd_per_mw")], text(json.c.projection[30].mining_cum_usd_per_mw));
      assert.equal(months[12][columns.indexOf("d_minus_a_mining_margin_usd_per_kwh")] !== "", true);

      // The compared charts download as SVG (and PNG) as every chart does, named after the link.
      const time = page.locator("[data-compared-time]");
      const svg = await download(time.locator('button[data-chart="margin-chart"][data-file="svg"]'));
      assert.match(svg.name, /^kwhich-margin-chart-kwh-0\.045_mo-24_b\.kwh-0\.03.*\.svg$/);
      assert.match(svg.text, /^<\?xml[^>]*>\s*<svg /);
      assert.match(svg.text, /side-d/);
      assert.match(svg.text, /\.side-d \.line\{stroke-dasharray:48 22 2 22\}/, "the file keeps D's dash");
      assert.equal(await time.locator('button[data-chart="cash-chart"]').count(), 4, "SVG and three PNGs");
    });
  });

  test("adding a scenario C and D writes them into the link; removing one writes it out, with an undo", async () => {
    await withPage(app.browser, "compare add and remove sides", async ({ page }) => {
      await openApp(page, app.server.url, "?v=1&kwh=0.045&b.kwh=0.03");
      assert.equal(await button(page, "Remove C").isVisible(), false, "nothing to remove with two sides");
      await button(page, "Add scenario C").click();
      // C holds B as it stands; the inputs go on editing B.
      await expectSearch(page, "?v=1&kwh=0.045&b.kwh=0.03&c.kwh=0.03");
      assert.equal(await page.locator("#comparison-title").textContent(), "A to C side by side");
      assert.equal(await button(page, "Add scenario D").isVisible(), true);
      await typeInto(page, "kwh", "0.02");
      await input(page, "kwh").press("Enter");
      await expectSearch(page, "?v=1&kwh=0.045&b.kwh=0.02&c.kwh=0.03");
      await button(page, "Add scenario D").click();
      const four = "?v=1&kwh=0.045&b.kwh=0.02&c.kwh=0.03&d.kwh=0.02";
      await expectSearch(page, four);
      assert.equal(await page.getByRole("button", { name: /^Add scenario/ }).isVisible(), false, "four sides at most");
      await expectSidesOf(page, four);
      await button(page, "Remove C").click();
      await expectSearch(page, "?v=1&kwh=0.045&b.kwh=0.02&c.kwh=0.02");
      await page.getByRole("status").filter({ hasText: "Scenario C removed." }).waitFor({ timeout: 3000 });
      await button(page, "Undo").click();
      await expectSearch(page, four);
      await button(page, "Remove D").click();
      await expectSearch(page, "?v=1&kwh=0.045&b.kwh=0.02&c.kwh=0.03");
      await expectSidesOf(page, "?v=1&kwh=0.045&b.kwh=0.02&c.kwh=0.03");
      // Reloaded, the link opens as the three sides it holds.
      await page.reload({ waitUntil: "load" });
      await waitReady(page);
      await expectSidesOf(page, "?v=1&kwh=0.045&b.kwh=0.02&c.kwh=0.03");
    });
  });

  test("invalid keys on one side are named, and the other side keeps its own", async () => {
    await withPage(app.browser, "compare warnings", async ({ page }) => {
      // B's bad keys: B keeps A's price, A is untouched.
      const link = "?v=1&kwh=0.04&b.kwh=abc&b.zzz=1&b.btc=95000";
      await openApp(page, app.server.url, link);
      assert.deepEqual((await readWarnings(page)).sort(), ["b.kwh", "b.zzz"]);
      const notice = await page.getByRole("status", { name: "Some of this link was ignored" }).innerText();
      assert.match(notice, /b\.kwh=abc/);
      const links = await expectSidesOf(page, link);
      assert.equal(links.a, `${app.server.url}?v=1&kwh=0.04`);
      assert.equal(links.b, `${app.server.url}?v=1&btc=95000&kwh=0.04`);
      assert.equal(await input(page, "kwh").inputValue(), "0.04", "B's electricity price is A's");
    });
    await withPage(app.browser, "compare warnings on a", async ({ page }) => {
      // A's bad key falls back to the default for A; B gives its own and is untouched.
      const link = "?v=1&kwh=abc&pool=100&b.kwh=0.03";
      await openApp(page, app.server.url, link);
      assert.deepEqual((await readWarnings(page)).sort(), ["kwh", "pool"]);
      const links = await expectSidesOf(page, link);
      assert.equal(links.a, `${app.server.url}?v=1`);
      assert.equal(links.b, `${app.server.url}?v=1&kwh=0.03`);
      await expectSearch(page, "?v=1&b.kwh=0.03");
    });
  });

  test("stop comparing keeps the side chosen; swap makes the other side the one edited", async () => {
    const link = "?v=1&kwh=0.045&b.kwh=0.03";
    const four = "?v=1&kwh=0.045&b.kwh=0.03&c.kwh=0.06&d.kwh=0.02";
    for (const [keep, want, kwh, from] of [
      ["A", "?v=1&kwh=0.045", "0.045", link],
      ["B", "?v=1&kwh=0.03", "0.03", link],
      ["C", "?v=1&kwh=0.06", "0.06", four],
      ["D", "?v=1&kwh=0.02", "0.02", four],
    ]) {
      await withPage(app.browser, `compare keep ${keep}`, async ({ page }) => {
        await openApp(page, app.server.url, from);
        if (from === link) {
          assert.equal(await button(page, "Stop comparing: keep C").isVisible(), false, "no C to keep with two sides");
          assert.equal(await button(page, "Stop comparing: keep D").isVisible(), false, "no D to keep with two sides");
        }
        await button(page, `Stop comparing: keep ${keep}`).click();
        await expectSearch(page, want);
        await eventually(async () => assert.equal(await page.locator("[data-scenario]").count(), 0, "sides after stopping"));
        assert.equal(await input(page, "kwh").inputValue(), kwh);
        assert.ok(await page.locator("[data-section=compare] [data-metric]").count(), "the single scenario's cards are back");
        assert.ok(await button(page, "Compare").isVisible());
        assert.equal(await page.evaluate(() => document.activeElement?.id), "results", "focus after the button went");
        const expected = evaluate(want).metrics;
        const values = await page.$$eval("[data-metric]", (els) => els.map((el) => [el.getAttribute("data-metric"), el.getAttribute("data-value")]));
        for (const [key, value] of values) assert.equal(value, expected[key] ?? "", `${key} after keeping ${keep}`);
      });
    }
    await withPage(app.browser, "compare swap", async ({ page }) => {
      await openApp(page, app.server.url, link);
      await button(page, "Swap A and B").click();
      await expectSearch(page, "?v=1&kwh=0.03&b.kwh=0.045");
      assert.equal(await input(page, "kwh").inputValue(), "0.045", "the inputs now edit the old A, as B");
      await typeInto(page, "kwh", "0.05");
      await expectSearch(page, "?v=1&kwh=0.03&b.kwh=0.05");
      await expectSidesOf(page, "?v=1&kwh=0.03&b.kwh=0.05");
    });
  });

  test("saved scenarios survive a reload, open, can be renamed and deleted", async () => {
    await withPage(app.browser, "compare saved", async ({ page }) => {
      // Names are asked with the browser's own dialog: answer the next one with `text`.
      const answer = (text, check) =>
        page.once("dialog", async (dialog) => {
          check?.(dialog);
          await dialog.accept(text);
        });
      await openApp(page, app.server.url, "?kwh=0.03");
      await openSaved(page);
      assert.match(await page.locator("#saved-panel").innerText(), /Nothing saved yet/);
      answer("Power at 3 cents", (d) => {
        assert.equal(d.type(), "prompt");
        assert.equal(d.message(), "Name this scenario");
        assert.equal(d.defaultValue(), "Scenario 1");
      });
      await button(page, "Save this scenario").click();
      await page.getByRole("status").filter({ hasText: "Saved “Power at 3 cents” in this browser." }).waitFor();

      // A comparison, saved under the name the page suggests.
      await button(page, "Compare").click();
      await typeInto(page, "kwh", "0.02");
      await expectSearch(page, "?v=1&kwh=0.03&b.kwh=0.02");
      let suggested;
      page.once("dialog", async (dialog) => {
        suggested = [dialog.message(), dialog.defaultValue()];
        await dialog.accept(dialog.defaultValue());
      });
      await button(page, "Save this comparison").click();
      await eventually(async () =>
        assert.deepEqual(await savedList(page), [
          { name: "Power at 3 cents", href: `${app.server.url}?v=1&kwh=0.03`, comparison: false },
          { name: "Comparison 1", href: `${app.server.url}?v=1&kwh=0.03&b.kwh=0.02`, comparison: true },
        ]),
      );
      assert.deepEqual(suggested, ["Name this comparison", "Comparison 1"]);
      // Cancelling the dialog saves nothing.
      page.once("dialog", (dialog) => dialog.dismiss());
      await button(page, "Save this comparison").click();
      assert.equal((await savedList(page)).length, 2, "a cancelled save was kept");

      await page.reload({ waitUntil: "load" });
      await waitReady(page);
      await openSaved(page);
      assert.equal((await savedList(page)).length, 2, "the list after a reload");

      answer("Power: 3 vs 2 cents", (d) => assert.equal(d.defaultValue(), "Comparison 1"));
      await page.locator(".saved-list li", { hasText: "Comparison 1" }).getByRole("button", { name: "Rename" }).click();
      await eventually(async () => assert.deepEqual((await savedList(page)).map((s) => s.name), ["Power at 3 cents", "Power: 3 vs 2 cents"]));

      await page.locator(".saved-list li", { hasText: "Power at 3 cents" }).getByRole("button", { name: "Delete" }).click();
      await eventually(async () => assert.deepEqual((await savedList(page)).map((s) => s.name), ["Power: 3 vs 2 cents"]));
      assert.equal(await page.evaluate(() => document.activeElement?.id), "save-here", "focus after Delete");
      assert.equal(await page.evaluate(() => localStorage.getItem("kwhich:saved")), "v=1&kwh=0.03&b.kwh=0.02\tPower: 3 vs 2 cents\n");

      await page.reload({ waitUntil: "load" });
      await waitReady(page);
      await openSaved(page);
      assert.deepEqual((await savedList(page)).map((s) => s.name), ["Power: 3 vs 2 cents"], "after rename, delete and reload");
      // Opening it shows the comparison.
      await page.getByRole("link", { name: "Power: 3 vs 2 cents" }).click();
      await page.waitForURL(/b\.kwh=0\.02/);
      await waitReady(page);
      await expectSidesOf(page, "?v=1&kwh=0.03&b.kwh=0.02");

      // Saving it again offers its name and renames that entry: no duplicate. A bidi
      // control in the name (U+202E would show it reversed) is taken out, as from a title.
      await openSaved(page);
      answer("\u202eCheap\u2066power\u202c", (d) => assert.equal(d.defaultValue(), "Power: 3 vs 2 cents"));
      await button(page, "Save this comparison").click();
      await page.getByRole("status").filter({ hasText: "Updated “Cheap power” in this browser." }).waitFor();
      assert.deepEqual((await savedList(page)).map((s) => s.name), ["Cheap power"]);
      assert.equal(await page.evaluate(() => localStorage.getItem("kwhich:saved")), "v=1&kwh=0.03&b.kwh=0.02\tCheap power\n");
    });
  });

  for (const [what, script, message] of [
    ["disabled", disableStorage, /does not allow this page to store anything/],
    ["full", fillStorage, /storage for this page is full/],
  ]) {
    test(`storage ${what}: a clear message, and the page works`, async () => {
      await withPage(app.browser, `compare storage ${what}`, async ({ page, context }) => {
        await context.addInitScript(script);
        await openApp(page, app.server.url, "?kwh=0.03");
        await openSaved(page);
        page.once("dialog", (dialog) => dialog.accept("Kept?"));
        await button(page, "Save this scenario").click();
        await page.getByRole("status").filter({ hasText: message }).waitFor();
        assert.deepEqual(await savedList(page), [], "nothing listed as saved");
        // The calculator is unaffected.
        await typeInto(page, "kwh", "0.04");
        await expectSearch(page, "?v=1&kwh=0.04");
        const margin = await page.getAttribute('[data-metric="mining_margin_usd_per_kwh"]', "data-value");
        assert.equal(margin, evaluate("?kwh=0.04").metrics.mining_margin_usd_per_kwh);
      });
    });
  }

  test("a comparison downloads both sides and B − A as CSV, and the evaluator's JSON", async () => {
    const link = "?v=1&kwh=0.045&mo=12&b.kwh=0.03&b.mo=24";
    const { json, stdout } = evaluate(link);
    await withPage(app.browser, "compare downloads", async ({ page }) => {
      await openApp(page, app.server.url, link);
      const downloads = page.locator("[data-comparison]").getByRole("group", { name: "Downloads" });
      const download = async (name) => {
        const [file] = await Promise.all([page.waitForEvent("download"), downloads.getByRole("button", { name }).click()]);
        return { name: file.suggestedFilename(), text: readFileSync(await file.path(), "utf8") };
      };
      const stem = "kwhich-kwh-0.045_mo-12_b.kwh-0.03_b.mo-24";
      const text = (value) => (value === null ? "" : typeof value === "string" ? value : value.text);

      const report = await download("Download JSON");
      assert.equal(report.name, `${stem}.json`);
      assert.equal(report.text.trim(), stdout.trim(), "the JSON is what kwhich eval prints for the link");

      const figures = await download("Figures (CSV)");
      assert.equal(figures.name, `${stem}-figures.csv`);
      const [header, ...rows] = parseCsv(figures.text);
      assert.deepEqual(rows.map((r) => r[0]), ["a", "b", "b_minus_a"]);
      const cell = (row, key) => row[header.indexOf(key)];
      for (const key of Object.keys(json.differences)) {
        assert.equal(cell(rows[0], key), text(json.a.metrics[key]), `A ${key}`);
        assert.equal(cell(rows[1], key), text(json.b.metrics[key]), `B ${key}`);
        assert.equal(cell(rows[2], key), text(json.differences[key]), `B − A ${key}`);
      }
      assert.deepEqual([cell(rows[0], "kwh"), cell(rows[1], "kwh"), cell(rows[2], "kwh")], ["0.045", "0.03", ""]);

      const monthly = await download("Month by month (CSV)");
      assert.equal(monthly.name, `${stem}-months.csv`);
      const [columns, ...months] = parseCsv(monthly.text);
      assert.equal(months.length, 25, "to B's horizon");
      assert.deepEqual(columns.slice(0, 3), ["date", "month", "a_mining_margin_usd_per_kwh"]);
      for (const [i, side] of [[0, "a"], [12, "a"], [12, "b"], [24, "b"]]) {
        for (const [key, value] of Object.entries(json[side].projection[i])) {
          if (key !== "month") assert.equal(months[i][columns.indexOf(`${side}_${key}`)], text(value), `${side} month ${i} ${key}`);
        }
      }
      assert.equal(months[13][columns.indexOf("a_mining_margin_usd_per_kwh")], "", "A stops at its horizon");
      assert.equal(months[24][0], "2027-11-22");
    });
  });

  test("a comparison embed shows both sides compactly, stores nothing, and its snippet carries both", async () => {
    const link = "?v=1&kwh=0.045&b.kwh=0.03&embed=1";
    await withPage(app.browser, "compare embed", async ({ page }) => {
      await openApp(page, app.server.url, link);
      assert.ok(await page.locator("[data-layout=embed] [data-comparison]").count(), "no comparison in the embed");
      // The embed's default sections: the per-kWh figures and the cost per BTC.
      const keys = [
        ...["mining_revenue_usd_per_kwh", "mining_margin_usd_per_kwh", "colo_revenue_usd_per_kwh", "colo_margin_usd_per_kwh"],
        ...["gpu_revenue_usd_per_kwh", "gpu_margin_usd_per_kwh", "colo_vs_mining_revenue_multiple", "gpu_vs_mining_revenue_multiple"],
        ...["energy_cost_per_btc_usd", "cash_cost_per_btc_usd", "allin_cost_per_btc_usd", "target_cost_per_btc_usd"],
        ...["target_max_power_price_usd_per_kwh", "target_required_efficiency_j_per_th", "breakeven_power_price_usd_per_kwh", "energy_kwh_per_btc"],
      ];
      const links = await expectSidesOf(page, link, { keys });
      assert.equal(links.a, `${app.server.url}?v=1&kwh=0.045`, "a side's own link opens the full page");
      assert.equal(await page.getAttribute('[data-scenario-link="a"] a', "target"), "_blank");
      assert.equal(await page.getAttribute("[data-open-full]", "href"), `${app.server.url}?v=1&kwh=0.045&b.kwh=0.03`);
      assert.equal(await page.locator("input[name]").count(), 0, "inputs in an embed that did not ask for them");
      assert.equal(await page.locator(".compare-bar, #saved-panel").count(), 0, "page controls in the embed");
      assert.equal(await search(page), link, "the embed rewrote its address");
      assert.deepEqual(await page.evaluate(() => [localStorage.length, sessionStorage.length]), [0, 0]);
      assert.deepEqual(await axeViolations(page), []);
    });
    await withPage(app.browser, "compare embed snippet", async ({ page }) => {
      await openApp(page, app.server.url, "?v=1&kwh=0.045&b.kwh=0.03");
      await button(page, "Embed").click();
      const code = await page.inputValue("textarea#embed-code");
      const src = new URL(/src="([^"]*)"/.exec(code)[1].replaceAll("&amp;", "&"));
      assert.equal(src.search, "?v=1&kwh=0.045&embed=1&b.kwh=0.03");
    });
  });

  test("the comparison view has no axe violations, with the saved panel open", async () => {
    await withPage(app.browser, "compare axe", async ({ page }) => {
      await openApp(page, app.server.url, "?v=1&kwh=0.045&gpu=b200&b.kwh=0.03&b.util=50");
      await openSaved(page);
      page.once("dialog", (dialog) => dialog.accept("One <b>bold</b> name"));
      await button(page, "Save this comparison").click();
      await page.locator(".saved-list li").first().waitFor();
      assert.equal(await page.locator(".saved-list b").count(), 0, "a name was read as markup");
      const violations = await axeViolations(page);
      assert.deepEqual(violations, [], `axe found:\n  ${violations.join("\n  ")}`);
    });
    for (const theme of ["dark", "light"]) {
      await withPage(app.browser, `compare axe ${theme}`, async ({ page }) => {
        await openApp(page, app.server.url, `?v=1&theme=${theme}&kwh=0.045&b.kwh=0.03&b.capex=30`);
        const violations = await axeViolations(page);
        assert.deepEqual(violations, [], `axe found:\n  ${violations.join("\n  ")}`);
      });
    }
  });

  test("screenshots at 360 px (phone) and 1280 px: no sideways scroll", async () => {
    mkdirSync(ARTIFACTS, { recursive: true });
    const link = "?v=1&kwh=0.045&asic=s19xp&b.kwh=0.03&b.asic=s21xp&b.capex=18";
    for (const [name, screen] of [
      ["360", { width: 360, mobile: true }],
      ["1280", { width: 1280 }],
    ]) {
      for (const [what, query] of [
        ["page", link],
        ["embed", `${link}&embed=1`],
      ]) {
        // withPage fails on any page error (and console error) as well.
        await withPage(
          app.browser,
          `compare ${what} ${name}`,
          async ({ page }) => {
            await openApp(page, app.server.url, query);
            if (what === "page") await openSaved(page);
            const { scroll, inner } = await page.evaluate(() => ({ scroll: document.documentElement.scrollWidth, inner: innerWidth }));
            assert.ok(scroll <= inner, `${what} at ${name}: scrollWidth ${scroll} > innerWidth ${inner}`);
            await page.screenshot({ path: path.join(ARTIFACTS, `compare-${what}-${name}.png`), fullPage: true });
          },
          screen,
        );
      }
    }
  });
});
