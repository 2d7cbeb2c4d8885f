// The page and the command-line evaluator agree: for a share link, every metric on the page
// has exactly the text the evaluator prints, and the page names the same ignored keys.

import assert from "node:assert/strict";
import { describe, test } from "node:test";

import {
  evaluate,
  findBrokenNumbers,
  metricMismatches,
  openApp,
  readMetrics,
  readWarnings,
  useBrowser,
  withPage,
} from "./support.mjs";

const LINKS = [
  "?",
  "?v=1&asic=s21xp&kwh=0.03",
  "?hp=40&sub=1.5625",
  "?gpu=b200&colo=121&gpue=1.45",
  // Invalid, out of range, unknown and tracking keys: each falls back or is ignored alone.
  "?kwh=abc&foo=1&pool=100&utm_source=x",
];

describe("page = evaluator", () => {
  const app = useBrowser();

  for (const link of LINKS) {
    test(`link ${link}`, async () => {
      const expected = evaluate(link);
      assert.ok(Object.keys(expected.metrics).length > 0, "the evaluator printed no metrics");
      await withPage(app.browser, `core ${link}`, async ({ page }) => {
        await openApp(page, app.server.url, link);

        const problems = metricMismatches(await readMetrics(page), expected.metrics);
        assert.deepEqual(problems, [], `metrics that differ from \`kwhich eval "${link}"\``);

        const shown = (await readWarnings(page)).slice().sort();
        assert.deepEqual(shown, expected.warningKeys.slice().sort(), `warned keys (evaluator: ${JSON.stringify(expected.warnings)})`);

        assert.deepEqual(await findBrokenNumbers(page), [], "NaN, Infinity or a negative zero on the page");
      });
    });
  }

  test("the answer says what each path brings in, keeps and earns back, and why the map and the NPV table differ", async () => {
    await withPage(app.browser, "core answer", async ({ page }) => {
      await openApp(page, app.server.url, "?");
      const answer = (await page.locator('[data-section="compare"] :is(.answer, [data-over-life])').allInnerTexts()).join(" ");
      assert.match(answer, /^Per kWh, AI colocation brings in 2\.6× mining's revenue \(counting the power its tenant pays through at cost\) and GPU cloud 11\.0×\./);
      assert.match(answer, /each keeps, per kWh: mining \$0\.022, colocation \$0\.143, GPU cloud \$0\.663\. Over its life/);
      assert.match(answer, /Over its life, only AI colocation earns back its capital\./);
      assert.match(answer, /The map names AI colocation, .*; the NPV table names Bitcoin mining, because .* at 12 % a year\.$/);
      // Where both name mining (it loses least everywhere) there is nothing to explain.
      await openApp(page, app.server.url, "?colo=20");
      const agreed = await page.locator('[data-section="compare"] [data-over-life]').innerText();
      assert.match(agreed, /no path earns back its capital\.$/);
    });
  });
});

// The same dist/ deployed under a sub-path (relative asset URLs) shows the same numbers.
describe("page = evaluator under a sub-path", () => {
  const app = useBrowser({ prefix: "/kwhich/" });

  const link = "?v=1&asic=s21xp&kwh=0.03";
  test(`/kwhich/${link}`, async () => {
    const expected = evaluate(link);
    await withPage(app.browser, `core subpath ${link}`, async ({ page }) => {
      await openApp(page, app.server.url, link);
      assert.deepEqual(metricMismatches(await readMetrics(page), expected.metrics), []);
      const outside = app.server.requests.filter((r) => !r.startsWith("/kwhich/") && r !== "/favicon.ico");
      assert.deepEqual(outside, [], "requests outside the sub-path");
    });
  });
});
