// Screenshots of the sections this change touches (not a test; removed before commit).
import { launchBrowser, openApp, startServer, newPage } from "./support.mjs";
const out = "/tmp/c2/shots";
const server = await startServer();
const browser = await launchBrowser();
const only = process.argv[2] ?? "";
try {
  for (const lang of ["en", "ar", "vi"]) {
    for (const [width, scheme] of [[360, "light"], [1280, "dark"], [1280, "light"], [360, "dark"]]) {
      const name = `${lang}-${width}-${scheme}`;
      if (only && !name.includes(only)) continue;
      const h = await newPage(browser, { viewport: { width, height: 900 }, colorScheme: scheme });
      await openApp(h.page, server.url, `?lang=${lang}&kwh=0.02&pg=20`);
      for (const s of ["compare", "mw", "time", "drivers"]) {
        const loc = h.page.locator(`[data-section="${s}"]`);
        if (s === "time") {
          await loc.locator("figure").first().screenshot({ path: `${out}/${name}-${s}.png` });
        } else {
          await loc.screenshot({ path: `${out}/${name}-${s}.png` });
        }
      }
      if (h.errors.length) console.log(name, h.errors);
      await h.close();
    }
  }
} finally {
  await browser.close();
  await server.close();
}
