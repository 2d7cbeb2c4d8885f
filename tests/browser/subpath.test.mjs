// A build made for a sub-path (`trunk build --release --public-url /kwhich/`, which
// scripts/test writes to $KWHICH_SUBPATH_DIST) served under /kwhich/: it loads, shows the
// evaluator's numbers, keeps its share link on the sub-path and asks for nothing outside it.
import { describe, test } from "node:test";
import assert from "node:assert/strict";
import path from "node:path";

import { ROOT, evaluate, metricMismatches, openApp, readMetrics, useBrowser, withPage } from "./support.mjs";

const SUBPATH_DIST = process.env.KWHICH_SUBPATH_DIST ? path.resolve(ROOT, process.env.KWHICH_SUBPATH_DIST) : null;

describe("a build for /kwhich/", { skip: !SUBPATH_DIST && "KWHICH_SUBPATH_DIST is not set (scripts/test sets it)" }, () => {
  const app = useBrowser({ root: SUBPATH_DIST, prefix: "/kwhich/" });

  test("loads under /kwhich/ with absolute asset URLs and the evaluator's numbers", async () => {
    const link = "?v=1&gpu=b200&kwh=0.04";
    const expected = evaluate(link);
    await withPage(app.browser, "subpath build", async ({ page }) => {
      await openApp(page, app.server.url, link);
      assert.deepEqual(metricMismatches(await readMetrics(page), expected.metrics), []);
      // Trunk wrote absolute /kwhich/… URLs, and every request stayed under the sub-path.
      const html = await page.content();
      assert.match(html, /\/kwhich\/kwhich-app-[0-9a-f]+\.js/);
      const outside = app.server.requests.filter((r) => !r.startsWith("/kwhich/"));
      assert.deepEqual(outside, [], "requests outside /kwhich/");
      // Editing keeps the address on the sub-path.
      await page.locator('input[name="kwh"]').fill("0.05");
      await page.waitForFunction(() => location.search === "?v=1&gpu=b200");
      assert.equal(new URL(page.url()).pathname, "/kwhich/");
    });
  });
});
