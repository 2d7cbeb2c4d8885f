// Measures each embed section's height at a column width in en/ar/vi (the table in
// src/model/link/embed.rs). node measure-embed.mjs [WIDTH]
import { launchBrowser, startServer, waitReady } from "./support.mjs";
const width = Number(process.argv[2] ?? 640);
const server = await startServer();
const browser = await launchBrowser();
const page = await browser.newPage({ viewport: { width, height: 900 } });
const sections = ["compare", "btc", "mw", "network", "time", "inputs", "map", "drivers", "history"];
const out = {};
for (const lang of ["en", "ar", "vi"]) {
  out[lang] = {};
  const h = async (q) => {
    await page.goto(`${server.url}?v=1&embed=1&lang=${lang}${q}#m`);
    await waitReady(page);
    await page.waitForTimeout(400);
    return page.evaluate(() => document.documentElement.getBoundingClientRect().height);
  };
  out[lang].base = await h("&show=");
  for (const s of sections) out[lang][s] = (await h(`&show=${s}`)) - out[lang].base;
  out[lang].comparison = (await h("&show=&b.kwh=0.05")) - out[lang].base;
  out[lang].all4 = await h("&show=compare,btc,mw,inputs");
}
console.log(JSON.stringify(out));
await browser.close();
await server.close();
