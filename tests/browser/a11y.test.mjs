// Accessibility: axe-core finds no violation on the page light and dark, with an invalid link
// and an invalid input, with the embed panel open, and in the embed.

import assert from "node:assert/strict";
import { describe, test } from "node:test";

import { axeViolations, openApp, revealInput, useBrowser, withPage } from "./support.mjs";

/** Each case: a name, the link, and what to do on the page before the check. */
const CASES = [
  ["page, light", "?theme=light", null],
  ["page, dark", "?theme=dark", null],
  ["page, dark by the reader's setting", "", null, { scheme: "dark" }],
  [
    "page with an invalid link and an invalid input",
    "?kwh=abc&foo=1&pool=100",
    async (page) => {
      await page.locator('input[name="btc"]').fill("-1");
      await revealInput(page, "hashrate");
      await page.locator('input[name="hashrate"]').fill("x");
      await page.waitForSelector('input[name="btc"][aria-invalid="true"]');
    },
  ],
  [
    "page with the embed panel and methodology open",
    "?gpu=b200",
    async (page) => {
      await page.getByRole("button", { name: "Embed" }).click();
      await page.getByText("How we calculate").click();
    },
  ],
  ["embed, light", "?embed=1&theme=light", null],
  ["embed, dark, every section, read-only", "?embed=1&theme=dark&show=compare,btc,mw,network,inputs&edit=0", null],
  ["embed with a notice", "?embed=1&foo=1&kwh=abc", null],
];

describe("accessibility (axe-core)", () => {
  const app = useBrowser();

  for (const [name, link, act, options] of CASES) {
    test(`${name}: no violations`, async () => {
      await withPage(
        app.browser,
        `a11y ${name}`,
        async ({ page }) => {
          await openApp(page, app.server.url, link);
          if (act) await act(page);
          const violations = await axeViolations(page);
          assert.deepEqual(violations, [], `axe found:\n  ${violations.join("\n  ")}`);
        },
        options,
      );
    });
  }
});
