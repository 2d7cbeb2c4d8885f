// Not a test: heights of an embed's line under its title and of each chart alone, in
// en/ar/vi at a viewport WIDTH px wide (the figures of src/model/link/embed.rs).
//   node measure-alone.mjs [WIDTH]
import { launchBrowser, openApp, startServer } from "./support.mjs";

const width = Number(process.argv[2] ?? 640);
const server = await startServer();
const browser = await launchBrowser();
try {
  for (const lang of ["en", "ar", "vi"]) {
    const options = width < 500 ? { viewport: { width, height: 900 }, isMobile: true, deviceScaleFactor: 2 } : { viewport: { width, height: 900 } };
    const context = await browser.newContext(options);
    const page = await context.newPage();
    const heights = [];
    await openApp(page, server.url, `?v=1&lang=${lang}&embed=1`);
    heights.push(["facts", await page.locator("[data-facts]").evaluate((el) => el.getBoundingClientRect().height + 8)]);
    for (const chart of ["kwh-chart", "margin-chart", "cash-chart", "map-chart"]) {
      await openApp(page, server.url, `?v=1&lang=${lang}&embed=1&show=${chart}`);
      heights.push([chart, await page.evaluate(() => document.getElementById("results").getBoundingClientRect().bottom + 16)]);
    }
    console.log(lang, width, heights.map(([k, h]) => `${k} ${Math.ceil(h)}`).join("  "));
    await context.close();
  }
} finally {
  await browser.close();
  await server.close();
}
