// The page and the embed in Arabic and Vietnamese: every word in the language (no English
// left but brand, tickers, units and model names), `<html lang dir>`, the same figures as
// the evaluator, numbers as each language writes them and reads them typed, notices in the
// language, `title=` as text, Arabic right to left without sideways scroll, the picker.

import assert from "node:assert/strict";
import { mkdirSync } from "node:fs";
import path from "node:path";
import { before, describe, test } from "node:test";

import {
  ARTIFACTS,
  READY,
  axeViolations,
  evaluate,
  findBrokenNumbers,
  metricMismatches,
  openApp,
  readMetrics,
  readWarnings,
  revealInput,
  useBrowser,
  withPage,
} from "./support.mjs";

// Words an Arabic or Vietnamese page may keep from the English one: the brand, tickers,
// unit symbols, product, model and company names (the methodology's sources), and the English
// a glossary term keeps (pool, kilowatt) or keeps in brackets; the ERCOT North hub's name,
// file formats (PNG) and the YYYY-MM pattern a reader types a month in.
const ALLOWED = new Set(
  `kwhich kwh mwh mw btc usd pue asic asics gpu gpus hpc irr npv capex opex hashprice hashrate halving uptime
  colocation cloud ai th ph eh j/th tb mempool space antminer whatsminer avalon hydro pro xp xph dgx
  b200 h200 h100 a100 l40s rtx4090 s21 s21xp s19xp s19jpro m60s m66s a16xp english tiếng việt svg csv json
  bitcoin nvidia bitmain lease sxm rtx html pool kilowatt hosting
  hashrate index coreweave fluidstack cipher terawulf hut core scientific aws iren galaxy applied digital riot mara
  coin metrics community data cc by-nc s9 s19j ercot north png yyyy`
    .split(/\s+/)
    .filter(Boolean),
);

/**
 * The words (3+ Latin letters) a reader meets: text nodes outside code, and the attributes
 * a screen reader reads. Each once, lower-cased.
 */
function wordsOf(page) {
  return page.evaluate(() => {
    const words = new Set();
    const add = (text) => {
      // Links and link keys (`?v=1&embed=1&show=compare`) are not words.
      const prose = (text ?? "").replace(/\S*[?=&]\S*/g, " ");
      for (const w of prose.matchAll(/[A-Za-z][A-Za-z'’]{2,}/g)) words.add(w[0].toLowerCase());
    };
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const el = node.parentElement;
      // Formulas and link keys are code; a language's own name is in its own language.
      if (el?.closest("script, style, noscript, template, code, textarea, option[lang]")) continue;
      add(node.nodeValue);
    }
    for (const el of document.body.querySelectorAll("[aria-label], [title], [placeholder]")) {
      if (el.closest("code")) continue;
      add(el.getAttribute("aria-label"));
      add(el.getAttribute("title"));
      add(el.getAttribute("placeholder"));
    }
    add(document.title);
    return [...words];
  });
}

/** English words of the English page that the page in another language still shows. */
function englishLeft(english, other) {
  const en = new Set(english);
  return other.filter((w) => en.has(w) && !ALLOWED.has(w)).sort();
}

const PAGES = [
  ["page", ""],
  ["embed", "&embed=1&show=compare,btc,mw,network,time,map,drivers,history,inputs&live=1"],
  // Two scenarios side by side, on the page and in an embed.
  ["comparison", "&b.kwh=0.03&b.asic=s19xp"],
  ["comparison embed", "&b.kwh=0.03&embed=1&show=compare,btc,mw,inputs"],
];

/** Opens every fold and panel a reader can open, and makes a field refuse what was typed. */
async function openEverything(page) {
  await page.locator("details").evaluateAll((ds) => ds.forEach((d) => (d.open = true)));
  for (const panel of ["saved-panel", "embed-panel"]) {
    const button = page.locator(`[aria-controls="${panel}"]`);
    if (await button.count()) await button.click();
  }
  const field = page.locator('input[name="pool"]');
  if ((await field.count()) && !(await field.getAttribute("readonly"))) {
    await field.fill("100");
    await page.locator('[data-error="pool"]').filter({ hasText: /\S/ }).waitFor();
  }
}

describe("languages", () => {
  const app = useBrowser();
  const english = {};
  before(async () => {
    for (const [name, extra] of PAGES) {
      await withPage(app.browser, `lang en ${name}`, async ({ page }) => {
        await openApp(page, app.server.url, `?v=1&kwh=0.045&asic=s21xp${extra}`);
        await openEverything(page);
        english[name] = await wordsOf(page);
      });
    }
  });

  for (const lang of ["ar", "vi"]) {
    for (const [name, extra] of PAGES) {
      test(`${lang} ${name}: every word in the language, lang and dir set, figures = evaluator`, async () => {
        const link = `?v=1&lang=${lang}&kwh=0.045&asic=s21xp${extra}`;
        const expected = evaluate(link);
        await withPage(app.browser, `lang ${lang} ${name}`, async ({ page }) => {
          await openApp(page, app.server.url, link);
          const html = await page.evaluate(() => [document.documentElement.lang, document.documentElement.dir]);
          assert.deepEqual(html, [lang, lang === "ar" ? "rtl" : "ltr"]);
          if (!name.startsWith("comparison")) {
            // The power price's card (its run share, price and flexibility) is a page card,
            // not a section an embed can show.
            const power = ["mining_run_share_pct", "mining_power_price_usd_per_kwh", "mining_flexibility_usd_per_mw_year"];
            const metrics = Object.fromEntries(
              Object.entries(expected.metrics).filter(([k]) => name === "page" || !power.includes(k)),
            );
            assert.deepEqual(metricMismatches(await readMetrics(page), metrics), [], "figures");
          }
          await openEverything(page);
          const left = englishLeft(english[name], await wordsOf(page));
          assert.deepEqual(left, [], `English words left on the ${lang} ${name}`);
          assert.deepEqual(await findBrokenNumbers(page), []);
        });
      });
    }
  }

  test("numbers as each language writes them; data-value stays plain", async () => {
    const text = async (lang) => {
      let shown;
      await withPage(app.browser, `lang numbers ${lang}`, async ({ page }) => {
        await openApp(page, app.server.url, `?v=1&lang=${lang}`);
        const el = page.locator('.cards [data-metric="mining_revenue_usd_per_kwh"], [data-metric="mining_revenue_usd_per_kwh"]').first();
        assert.match(await el.getAttribute("data-value"), /^0\.0770990886/);
        shown = (await el.textContent()).trim();
      });
      return shown;
    };
    const en = await text("en");
    const [, digits] = en.match(/\$(\d+\.\d+)/) ?? [];
    assert.ok(digits, `English shows dollars first: ${en}`);
    const vi = digits.replace(".", ",");
    const ar = [...digits].map((c) => (c === "." ? "\u066B" : String.fromCharCode(0x660 + Number(c)))).join("");
    // Number and unit joined by a no-break space: an amount never breaks across lines.
    assert.ok((await text("vi")).includes(`${vi}\u00a0US$`), `Vietnamese: ${vi}\u00a0US$`);
    assert.ok((await text("ar")).includes(ar), `Arabic digits: ${ar}`);
  });

  test("a Vietnamese 0,05 typed in the electricity field gives the figures of kwh=0.05", async () => {
    const expected = evaluate("?kwh=0.05&asic=s21xp");
    await withPage(app.browser, "lang vi comma", async ({ page }) => {
      await openApp(page, app.server.url, "?v=1&lang=vi&kwh=0.03&asic=s21xp");
      await revealInput(page, "kwh");
      const input = page.locator('input[name="kwh"]');
      assert.equal(await input.inputValue(), "0,03", "the field shows the Vietnamese decimal comma");
      await input.fill("0,05");
      // 0.05 is the default: the shortest link drops the key.
      await page.waitForFunction(() => !/kwh=/.test(location.search));
      assert.equal(await input.getAttribute("aria-invalid"), "false");
      assert.deepEqual(metricMismatches(await readMetrics(page), expected.metrics), []);
      assert.doesNotMatch(await page.evaluate(() => location.search), /,/, "the link keeps '.'");
    });
  });

  test("a thousands separator is refused, never read as a decimal mark", async () => {
    for (const [lang, typed] of [
      ["vi", "85.000"],
      ["vi", "85 000"],
      ["ar", "85,000"],
      ["ar", "٨٥٬٠٠٠"],
    ]) {
      await withPage(app.browser, `lang grouping ${lang}`, async ({ page }) => {
        await openApp(page, app.server.url, `?v=1&lang=${lang}&btc=90000`);
        const input = page.locator('input[name="btc"]');
        await input.fill(typed);
        await page.locator('[data-error="btc"]').filter({ hasText: /\S/ }).waitFor();
        assert.equal(await input.getAttribute("aria-invalid"), "true", `${lang} ${typed}`);
        await page.waitForTimeout(200);
        assert.match(await page.evaluate(() => location.search), /btc=90000/, "the link keeps the last valid price");
      });
    }
  });

  test("Arabic digits typed in a field are read", async () => {
    const expected = evaluate("?kwh=0.04");
    await withPage(app.browser, "lang ar digits", async ({ page }) => {
      await openApp(page, app.server.url, "?v=1&lang=ar");
      await revealInput(page, "kwh");
      await page.locator('input[name="kwh"]').fill("٠٫٠٤");
      await page.waitForFunction(() => /kwh=0\.04/.test(location.search));
      assert.deepEqual(metricMismatches(await readMetrics(page), expected.metrics), []);
    });
  });

  test("a notice for a bad key reads in the language", async () => {
    for (const [lang, script] of [
      ["ar", /[\u0600-\u06FF]/],
      ["vi", /[ạảãàáâậầấẩẫăắằặẳẵêềếệểễôồốộổỗơờớợởỡưừứựửữđ]/i],
    ]) {
      await withPage(app.browser, `lang notice ${lang}`, async ({ page }) => {
        await openApp(page, app.server.url, `?v=1&lang=${lang}&foo=1&kwh=abc`);
        assert.deepEqual((await readWarnings(page)).sort(), ["foo", "kwh"]);
        const notice = await page.getByRole("status").filter({ has: page.locator("[data-warning]") }).innerText();
        assert.match(notice, script);
        assert.doesNotMatch(notice, /ignored|Unknown|not a number/);
      });
    }
  });

  test("title= shows as text above the results and in the embed, never as markup", async () => {
    const title = "<b>Đào</b> & <i>AI</i>";
    for (const extra of ["", "&embed=1"]) {
      await withPage(app.browser, `lang title${extra}`, async ({ page }) => {
        await openApp(page, app.server.url, `?v=1&lang=vi&title=${encodeURIComponent(title)}${extra}`);
        const headline = page.locator("[data-title]");
        assert.equal(await headline.textContent(), title);
        assert.equal(await headline.locator("b, i").count(), 0, "no markup from the link");
        assert.deepEqual(await readWarnings(page), []);
      });
    }
    await withPage(app.browser, "lang title too long", async ({ page }) => {
      await openApp(page, app.server.url, `?v=1&lang=ar&title=${"x".repeat(81)}`);
      assert.deepEqual(await readWarnings(page), ["title"]);
      assert.equal(await page.locator("[data-title]").count(), 0);
    });
  });

  test("the picker reopens the same link in the chosen language", async () => {
    const link = "?v=1&kwh=0.04&gpu=b200";
    const expected = evaluate(link);
    await withPage(app.browser, "lang picker", async ({ page }) => {
      await openApp(page, app.server.url, link);
      await Promise.all([page.waitForURL(/lang=vi/), page.locator("#lang-select").selectOption("vi")]);
      await page.waitForSelector(READY, { state: "attached" });
      assert.equal(await page.evaluate(() => document.documentElement.lang), "vi");
      // The reader's place is kept: the picker has the focus again.
      await page.waitForFunction(() => document.activeElement?.id === "lang-select");
      assert.match(page.url(), /kwh=0\.04/);
      assert.deepEqual(metricMismatches(await readMetrics(page), expected.metrics), []);
    });
  });

  test("the embed panel writes the article's language and headline into the snippet", async () => {
    await withPage(app.browser, "lang embed panel", async ({ page }) => {
      await openApp(page, app.server.url, "?v=1&lang=ar&kwh=0.04");
      await page.locator('[aria-controls="embed-panel"]').click();
      await page.locator("#embed-lang").selectOption("vi");
      await page.locator("#embed-headline").fill("Đào hay cho thuê?");
      const code = await page.locator("#embed-code").inputValue();
      assert.match(code, /lang=vi/);
      assert.match(code, /title=%C4%90%C3%A0o%20hay%20cho%20thu%C3%AA%3F/);
      assert.match(code, /title="Đào hay cho thuê\?"/);
    });
  });

  test("axe: no violations on the Arabic page and the Vietnamese embed", async () => {
    for (const link of ["?v=1&lang=ar", "?v=1&lang=vi&embed=1&show=compare,btc,time"]) {
      await withPage(app.browser, `lang axe ${link}`, async ({ page }) => {
        await openApp(page, app.server.url, link);
        const violations = await axeViolations(page);
        assert.deepEqual(violations, [], `axe found:\n  ${violations.join("\n  ")}`);
      });
    }
  });

  test("Arabic at 360 px and 1280 px, light and dark: no sideways scroll (screenshots)", async () => {
    mkdirSync(ARTIFACTS, { recursive: true });
    for (const [width, height] of [
      [360, 800],
      [1280, 900],
    ]) {
      for (const theme of ["light", "dark"]) {
        for (const [what, extra] of [
          ["page", ""],
          ["embed", "&embed=1&show=compare,btc,time"],
        ]) {
          await withPage(
            app.browser,
            `lang ar ${what} ${width} ${theme}`,
            async ({ page }) => {
              await openApp(page, app.server.url, `?v=1&lang=ar&theme=${theme}${extra}`);
              const { scroll, inner } = await page.evaluate(() => ({ scroll: document.documentElement.scrollWidth, inner: innerWidth }));
              assert.ok(scroll <= inner, `${what} ${width} ${theme}: scrollWidth ${scroll} > innerWidth ${inner}`);
              await page.screenshot({ path: path.join(ARTIFACTS, `lang-ar-${what}-${width}-${theme}.png`), fullPage: true });
            },
            { width, height, mobile: width < 500 },
          );
        }
      }
    }
  });
});
