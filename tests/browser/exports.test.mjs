// Every chart's files, in English, Arabic and Vietnamese: each chart offers an SVG and three
// PNGs; the SVG opens as an image at its own width and height, every text box in it lies
// inside the image (inside the chart's box for the chart's own labels) and overlaps no
// other; each PNG opens as an image of its size (twice the SVG's for print, 1200 × 675,
// 1080 × 1080). The PNGs are kept in artifacts/exports/ to be looked at. Then the page
// itself at 360, 768 and 1280 px: nothing wider than its box (a table may scroll in its
// region at 360 px), no row header one word a line, chart text at least 11 px at 360.

import assert from "node:assert/strict";
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { after, before, describe, test } from "node:test";

import { ARTIFACTS, launchBrowser, openApp, requireDist, startServer, withPage } from "./support.mjs";

const CHARTS = ["per-kwh", "margin-chart", "cash-chart", "decision-map", "drivers", "power-chart", "hashprice-chart", "revenue-chart", "backtest-chart"];
const KINDS = ["svg", "print", "1200x675", "1080x1080"];
const LANGS = ["en", "ar", "vi"];
// The history's charts show with a backtest start; the cash chart's labels crowd with a
// short GPU life and the AI conversion; the power chart shows with an hourly profile.
const LINK = "?bt=2020-01&conv=6&glife=3&pp=ercot-n-2025";

/** Width and height of a PNG, from its header. */
function pngSize(bytes) {
  assert.equal(bytes.subarray(1, 4).toString("latin1"), "PNG", "a PNG file");
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
}

/** Text boxes of the SVG `text` shown at its own size: each with its text and whether it belongs to the chart's drawing. */
async function textBoxes(page, text) {
  await page.setContent(`<!doctype html><body style="margin:0">${text.replace(/^<\?xml[^>]*>\s*/, "")}</body>`);
  return page.evaluate(() => {
    const root = document.querySelector("body > svg");
    const body = root.querySelector("svg.body")?.getBoundingClientRect();
    const boxes = [...root.querySelectorAll("text")]
      .filter((t) => t.textContent.trim() !== "" && getComputedStyle(t).display !== "none")
      .map((t) => {
        const r = t.getBoundingClientRect();
        return { text: t.textContent, inBody: !!t.closest("svg.body"), left: r.left, top: r.top, right: r.right, bottom: r.bottom };
      });
    return {
      width: Number(root.getAttribute("width")),
      height: Number(root.getAttribute("height")),
      body: body && { left: body.left, top: body.top, right: body.right, bottom: body.bottom },
      boxes,
    };
  });
}

/** How an SVG `data:` address opens as an image: its natural size. */
async function imageSize(page, url) {
  return page.evaluate(async (src) => {
    const img = new Image();
    img.src = src;
    await img.decode();
    return { width: img.naturalWidth, height: img.naturalHeight };
  }, url);
}

/** Problems with the text boxes: outside the image (or the chart's box), or overlapping. */
function textProblems({ width, height, body, boxes }) {
  const problems = [];
  const slack = 0.5;
  for (const b of boxes) {
    const area = b.inBody ? body : { left: 0, top: 0, right: width, bottom: height };
    if (b.left < area.left - slack || b.top < area.top - slack || b.right > area.right + slack || b.bottom > area.bottom + slack) {
      problems.push(`"${b.text}" runs outside ${b.inBody ? "the chart" : "the image"}: ${JSON.stringify([b.left, b.top, b.right, b.bottom].map(Math.round))}`);
    }
  }
  // Boxes overlap when they share more than a pixel each way (glyph boxes include line gap).
  for (let i = 0; i < boxes.length; i++) {
    for (let j = i + 1; j < boxes.length; j++) {
      const a = boxes[i];
      const b = boxes[j];
      const w = Math.min(a.right, b.right) - Math.max(a.left, b.left);
      const h = Math.min(a.bottom, b.bottom) - Math.max(a.top, b.top);
      if (w > 1 && h > 1) problems.push(`"${a.text}" overlaps "${b.text}"`);
    }
  }
  return problems;
}

describe("chart files", () => {
  let browser;
  let server;
  before(async () => {
    requireDist();
    mkdirSync(path.join(ARTIFACTS, "exports"), { recursive: true });
    server = await startServer();
    browser = await launchBrowser();
  });
  after(async () => {
    await browser?.close();
    await server?.close();
  });

  for (const lang of LANGS) {
    test(`every chart downloads as SVG and PNG, sized, with no text clipped or overlapping (${lang})`, async () => {
      await withPage(browser, `exports ${lang}`, async ({ page }) => {
        await openApp(page, server.url, `${LINK}&lang=${lang}`);
        const viewer = await page.context().newPage();
        const problems = [];
        for (const chart of CHARTS) {
          let svgSize = null;
          for (const kind of KINDS) {
            const button = page.locator(`button[data-chart="${chart}"][data-file="${kind}"]`);
            assert.equal(await button.count(), 1, `${chart} offers ${kind}`);
            await button.scrollIntoViewIfNeeded();
            const [file] = await Promise.all([page.waitForEvent("download"), button.click()]);
            const bytes = readFileSync(await file.path());
            if (kind === "svg") {
              assert.match(file.suggestedFilename(), new RegExp(`^kwhich-${chart}-.*\\.svg$`));
              const text = bytes.toString("utf8");
              const boxes = await textBoxes(viewer, text);
              svgSize = { width: boxes.width, height: boxes.height };
              assert.ok(svgSize.width >= 1000 && svgSize.height >= 300, `${chart} has a width and height: ${JSON.stringify(svgSize)}`);
              const opened = await imageSize(viewer, `data:image/svg+xml;charset=utf-8,${encodeURIComponent(text)}`);
              assert.deepEqual(opened, svgSize, `${chart} opens as an image at its own size`);
              assert.ok(boxes.boxes.length > 3, `${chart} has its words`);
              // A chart of the past has no outlook line, empty or not.
              if (chart.startsWith("hashprice") || chart.startsWith("revenue") || chart.startsWith("backtest")) {
                assert.doesNotMatch(text, /class="chart-subtitle[^"]*"[^>]*>[^<]*(Outlook|Dự phóng|التوقعات)/, `${chart} assumes no outlook`);
              }
              // Its title states its finding, as every chart's file does.
              if (chart === "per-kwh") {
                const title = [...text.matchAll(/class="chart-title"[^>]*>([^<]*)</g)].map((m) => m[1]).join(" ");
                const multiple = (await page.locator('[data-metric="gpu_vs_mining_revenue_multiple"]').first().textContent()).trim();
                assert.ok(title.includes(multiple), `the per-kWh file's title states GPU cloud's ${multiple}: ${title}`);
              }
              problems.push(...textProblems(boxes).map((p) => `${lang} ${chart}: ${p}`));
            } else {
              assert.match(file.suggestedFilename(), new RegExp(`^kwhich-${chart}-.*-${kind}\\.png$`));
              writeFileSync(path.join(ARTIFACTS, "exports", `${lang}-${chart}-${kind}.png`), bytes);
              const want = kind === "print" ? { width: svgSize.width * 2, height: svgSize.height * 2 } : kind === "1200x675" ? { width: 1200, height: 675 } : { width: 1080, height: 1080 };
              assert.deepEqual(pngSize(bytes), want, `${chart} ${kind} PNG size`);
              const opened = await imageSize(viewer, `data:image/png;base64,${bytes.toString("base64")}`);
              assert.deepEqual(opened, want, `${chart} ${kind} opens as an image of its size`);
            }
          }
        }
        await viewer.close();
        assert.deepEqual(problems, [], problems.join("\n"));
      });
    });
  }

  for (const lang of LANGS) {
    test(`the page fits 360, 768 and 1280 px and its chart text is at least 11 px at 360 (${lang})`, async () => {
      await withPage(browser, `fit ${lang}`, async ({ page }) => {
        const problems = [];
        for (const width of [360, 768, 1280]) {
          await page.setViewportSize({ width, height: 900 });
          await openApp(page, server.url, `${LINK}&lang=${lang}`);
          const found = await page.evaluate((narrow) => {
            const out = [];
            if (document.documentElement.scrollWidth > document.documentElement.clientWidth) out.push(`the page scrolls sideways (${document.documentElement.scrollWidth} px)`);
            // A figure or card wider than its box is clipped; a table scrolls in its region
            // (by design at 360 px, where four columns cannot fit), never wider.
            for (const el of document.querySelectorAll(narrow ? "figure, .card" : ".table-wrap, figure, .card")) {
              if (el.scrollWidth > el.clientWidth + 1) out.push(`${el.tagName.toLowerCase()}.${el.className} is ${el.scrollWidth - el.clientWidth} px too wide`);
            }
            // A table's row header one word a line: taller than three lines of its text.
            for (const th of narrow ? [] : document.querySelectorAll("tbody th")) {
              const line = parseFloat(getComputedStyle(th).lineHeight) || 20;
              const words = th.textContent.trim().split(/\s+/).length;
              if (words >= 3 && th.getBoundingClientRect().height > line * Math.max(3, words - 1) + 8) out.push(`"${th.textContent.trim()}" wraps a word a line`);
            }
            if (narrow) {
              for (const t of document.querySelectorAll("svg[data-chart] text")) {
                const r = t.getBoundingClientRect();
                if (r.width === 0 || getComputedStyle(t).display === "none" || !t.textContent.trim()) continue;
                const svg = t.closest("svg");
                const scale = svg.getBoundingClientRect().width / svg.viewBox.baseVal.width;
                const px = parseFloat(getComputedStyle(t).fontSize) * scale;
                if (px < 10.95) out.push(`"${t.textContent}" in ${svg.dataset.chart} is ${px.toFixed(1)} px`);
              }
            }
            return out;
          }, width === 360);
          problems.push(...found.map((p) => `${lang} ${width}: ${p}`));
        }
        assert.deepEqual(problems, [], problems.join("\n"));
      });
    });
  }

  // Every chart on the page, its own and a comparison's: each text box inside its <svg>'s
  // box (an SVG clips what runs past it) and clear of every other text box of the chart.
  // One load per link and width.
  const PAGES = [
    { link: LINK, charts: ["per-kwh", "margin-chart", "cash-chart", "decision-map", "drivers", "power-chart", "hashprice-chart", "revenue-chart", "backtest-chart"] },
    { link: "?kwh=0.045&b.kwh=0.03&b.capex=18&conv=6&glife=3", charts: ["margin-chart", "cash-chart", "compared-map"] },
  ];
  for (const lang of LANGS) {
    test(`every chart's text on the page lies inside its chart and overlaps no other, at 360 and 1280 px (${lang})`, async () => {
      await withPage(browser, `chart text ${lang}`, async ({ page }) => {
        const problems = [];
        for (const width of [360, 1280]) {
          await page.setViewportSize({ width, height: 900 });
          for (const { link, charts } of PAGES) {
            await openApp(page, server.url, `${link}&lang=${lang}`);
            const found = await page.evaluate(() => {
              const out = {};
              for (const svg of document.querySelectorAll("svg[data-chart]")) {
                const s = svg.getBoundingClientRect();
                if (s.width === 0) continue;
                const boxes = [...svg.querySelectorAll("text")]
                  .filter((t) => t.textContent.trim() !== "" && getComputedStyle(t).display !== "none")
                  .map((t) => {
                    const r = t.getBoundingClientRect();
                    return { text: t.textContent, left: r.left - s.left, top: r.top - s.top, right: r.right - s.left, bottom: r.bottom - s.top };
                  })
                  .filter((b) => b.right > b.left);
                out[svg.dataset.chart] = { width: s.width, height: s.height, boxes };
              }
              return out;
            });
            for (const chart of charts) {
              const drawn = found[chart];
              if (!drawn) {
                problems.push(`${lang} ${width} ${link}: no ${chart} on the page`);
                continue;
              }
              assert.ok(drawn.boxes.length > 3, `${chart} has its words`);
              const problemsOf = textProblems({ width: drawn.width, height: drawn.height, body: null, boxes: drawn.boxes });
              problems.push(...problemsOf.map((p) => `${lang} ${width} ${chart}: ${p}`));
            }
          }
        }
        assert.deepEqual(problems, [], problems.join("\n"));
      });
    });
  }
});
