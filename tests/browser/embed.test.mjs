// The embed, as a journalist uses it: open the calculator with a scenario, press "Embed",
// pick the sections, editing and theme, copy the snippet from textarea#embed-code and paste
// it into an article on ANOTHER origin. The article is served by a second server on its own
// port, so every check here crosses an origin boundary the way a real newspaper page does.
//
// Checked: the iframes load inside their sandbox and show their own scenario's figures (the
// evaluator's numbers), the resize script fits each one to its content and trusts no one
// else's messages, the embed still works without the script, "Open in kWhich" leads to the
// full page with the same numbers, the display keys (show, edit, theme) do what
// docs/LINKS.md says, nothing leaves the two local servers and nothing is stored, and the
// same works when the calculator lives under a sub-path.

import assert from "node:assert/strict";
import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import http from "node:http";
import path from "node:path";
import { after, before, describe, test } from "node:test";

import { DIST, evaluate, openApp, readMetrics, startServer, useBrowser, waitReady, withPage } from "./support.mjs";

// Two scenarios a journalist might embed, and what they pick in the Embed panel.
const STORY_A = {
  query: "?v=1&asic=s21xp&kwh=0.03",
  options: {}, // the panel's defaults: comparison + cost per BTC, editable, theme auto
  sections: ["compare", "btc"],
};
const STORY_B = {
  query: "?gpu=b200&colo=121&gpue=1.45&btc=95000",
  options: { sections: ["compare", "btc", "inputs"], edit: false, theme: "dark" },
  sections: ["compare", "btc", "inputs"],
};
const EDITABLE = {
  query: "?v=1&asic=s21xp&kwh=0.03",
  options: { sections: ["compare", "inputs"] },
  sections: ["compare", "inputs"],
};
const SUBPATH = {
  query: "?gpu=h200&util=80&diff=160",
  options: { sections: ["compare", "btc", "mw"] },
  sections: ["compare", "btc", "mw"],
};

const ALL_SECTIONS = ["compare", "btc", "mw", "network", "inputs"];
// Every checkbox of the panel.
const PANEL_SECTIONS = ["compare", "btc", "mw", "network", "time", "inputs", "map", "drivers", "history"];
const DISPLAY_KEYS = ["embed", "show", "edit", "theme", "lang"];
const FALLBACK_HEIGHT = 720;
const SANDBOX = "allow-scripts allow-same-origin allow-popups allow-popups-to-escape-sandbox allow-downloads";
// The resize script, named after its content by scripts/post-build.mjs.
const HASHED_SCRIPT = /\/kwhich-embed-[0-9a-f]{16}\.js$/;
const FIT_TOLERANCE_PX = 2;

// ---------------------------------------------------------------------------------------
// The article's server: a second origin that serves only the pages a test puts on it.

async function startHostServer() {
  const pages = new Map();
  const requests = [];
  const server = http.createServer((req, res) => {
    const url = new URL(req.url, "http://127.0.0.1");
    requests.push(url.pathname + url.search);
    const html = pages.get(url.pathname);
    if (html === undefined) {
      res.writeHead(404, { "content-type": "text/plain", "cache-control": "no-store" });
      return res.end("not found\n");
    }
    res.writeHead(200, { "content-type": "text/html; charset=utf-8", "cache-control": "no-store" });
    res.end(html);
  });
  await new Promise((resolve, reject) => {
    server.once("error", reject);
    server.listen(0, "127.0.0.1", resolve);
  });
  const origin = `http://127.0.0.1:${server.address().port}`;
  return {
    origin,
    requests,
    /** Serves `html` at `path` and returns its address. */
    put(path, html) {
      pages.set(path, html);
      return origin + path;
    },
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections?.();
        server.close(() => resolve());
      }),
  };
}

/** A news article with the given HTML fragments (pasted snippets) between paragraphs. */
function article(title, fragments) {
  const para = (n) =>
    `<p>Paragraph ${n} of the story. Miners and data-centre builders are bidding for the same ` +
    `megawatts; the calculator below shows what one kilowatt-hour earns either way.</p>`;
  const body = fragments.map((f, i) => `${para(i + 1)}\n${f}\n`).join("");
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${title}</title>
<link rel="icon" href="data:,">
<style>body { font: 16px/1.5 Georgia, serif; margin: 0 auto; max-width: 760px; padding: 16px; }</style>
</head>
<body>
<article>
<h1>${title}</h1>
${body}${para(fragments.length + 1)}
</article>
</body>
</html>
`;
}

// ---------------------------------------------------------------------------------------
// The journalist's side: the Embed panel of the full page.

const ENTITIES = { "&amp;": "&", "&quot;": '"', "&lt;": "<", "&gt;": ">", "&#39;": "'" };
const decode = (s) => s.replace(/&(?:amp|quot|lt|gt|#39);/g, (e) => ENTITIES[e]);

function attributes(tag) {
  const attrs = {};
  for (const m of tag.matchAll(/([a-zA-Z-]+)(?:="([^"]*)")?/g)) attrs[m[1].toLowerCase()] = decode(m[2] ?? "");
  return attrs;
}

/** The snippet's parts: `{ code, iframe: {attrs}, script: {attrs} | null, src: URL, id }`. */
function parseSnippet(code) {
  const iframe = /<iframe\s([^>]*)><\/iframe>/.exec(code);
  assert.ok(iframe, `the snippet has no <iframe …></iframe>:\n${code}`);
  const script = /<script\s([^>]*)><\/script>/.exec(code);
  const frameAttrs = attributes(iframe[1]);
  return {
    code,
    iframe: frameAttrs,
    script: script ? attributes(script[1]) : null,
    src: new URL(frameAttrs.src),
    id: frameAttrs["data-kwhich-id"],
  };
}

/** `sha384-…` of a file of the build, as a snippet's integrity writes it. */
const sriOf = (file) => "sha384-" + createHash("sha384").update(readFileSync(path.join(DIST, file))).digest("base64");

/** The snippet without its <script> tag: what a CMS that strips scripts keeps. */
const withoutScript = (code) => code.replace(/\s*<script\b[^>]*><\/script>\s*/g, "\n");

/**
 * Opens the full page at `baseUrl + query`, presses "Embed", sets the panel's options and
 * returns the parsed snippet from textarea#embed-code. `sections` (names), `edit`, `theme`
 * are left at the panel's defaults when not given.
 */
async function journalistSnippet(browser, baseUrl, query, { sections, edit, theme, lang } = {}) {
  let code;
  await withPage(browser, `embed journalist ${query}`, async ({ page }) => {
    await openApp(page, baseUrl, query);
    assert.ok(await page.locator("[data-layout=full]").count(), "the page is not the full layout");
    const panel = page.locator("#embed-panel");
    assert.equal(await panel.isVisible(), false, "the embed panel is shown before Embed is pressed");
    const button = page.getByRole("button", { name: "Embed", exact: true });
    await button.click();
    await panel.waitFor({ state: "visible" });
    assert.equal(await button.getAttribute("aria-expanded"), "true");
    const before = await page.inputValue("textarea#embed-code");
    if (sections) {
      for (const name of PANEL_SECTIONS) await page.setChecked(`#embed-${name}`, sections.includes(name));
    }
    if (lang !== undefined) await page.selectOption("#embed-lang", lang);
    if (edit !== undefined) await page.setChecked("#embed-edit", edit);
    if (theme !== undefined) await page.selectOption("#embed-theme", theme);
    code = await page.inputValue("textarea#embed-code");
    if (sections || edit === false || (theme && theme !== "auto")) {
      assert.notEqual(code, before, "the snippet did not follow the panel's options");
    }
  });
  return parseSnippet(code);
}

// ---------------------------------------------------------------------------------------
// The reader's side: the article with its iframes.

/**
 * Records, in the article's top window only, every iframe as it is inserted (with its
 * rendered height at that moment) and every change of its style or height attribute, and
 * every message the window receives. Runs before any of the article's own scripts.
 */
function recordFrames() {
  if (window !== window.top) return;
  const log = (window.__frameLog = []);
  const note = (frame, type) =>
    log.push({
      id: frame.getAttribute("data-kwhich-id"),
      type,
      heightAttr: frame.getAttribute("height"),
      style: frame.style.height,
      rendered: frame.getBoundingClientRect().height,
    });
  new MutationObserver((records) => {
    for (const r of records) {
      if (r.type === "childList") {
        for (const n of r.addedNodes) if (n.nodeName === "IFRAME") note(n, "inserted");
      } else if (r.target.nodeName === "IFRAME") {
        note(r.target, `attr:${r.attributeName}`);
      }
    }
  }).observe(document, { subtree: true, childList: true, attributes: true, attributeFilter: ["style", "height"] });
  window.__messages = [];
  window.addEventListener("message", (e) => window.__messages.push({ origin: e.origin, data: e.data }));
}

/** The iframe element and its frame once the embed has mounted. */
async function embedFrame(page, id) {
  const el = await page.waitForSelector(`iframe[data-kwhich-id="${id}"]`, { state: "attached" });
  // The snippet's iframe is lazy: bring it near the viewport as a reader scrolling would.
  await el.scrollIntoViewIfNeeded();
  const frame = await el.contentFrame();
  assert.ok(frame, `iframe ${id} has no frame`);
  await waitReady(frame);
  return { el, frame };
}

/** Heights: the iframe as rendered in the article, and its document's own height. */
async function heights(el, frame) {
  const [rendered, content, style] = await Promise.all([
    el.evaluate((e) => e.getBoundingClientRect().height),
    frame.evaluate(() => document.documentElement.getBoundingClientRect().height),
    el.evaluate((e) => e.style.height),
  ]);
  return { rendered, content, style };
}

/** Waits until the iframe's rendered height is its content's height (± a couple of px). */
async function waitFitted(el, frame, what, { timeout = 10_000 } = {}) {
  const deadline = Date.now() + timeout;
  for (;;) {
    const h = await heights(el, frame);
    if (h.style !== "" && Math.abs(h.rendered - h.content) <= FIT_TOLERANCE_PX) return h;
    if (Date.now() > deadline) {
      assert.fail(
        `${what}: the iframe never fitted its content within ${timeout} ms: rendered ${h.rendered}px ` +
          `(style.height ${JSON.stringify(h.style)}), content ${h.content}px`,
      );
    }
    await new Promise((r) => setTimeout(r, 50));
  }
}

/** Problems between the metrics a frame shows and the evaluator's; `all`: every metric shown. */
function metricMismatches(shown, expected, { all = false } = {}) {
  const problems = [];
  for (const m of shown) {
    if (!(m.key in expected)) problems.push(`${m.key}: shown but not a metric of the evaluator`);
    else if (expected[m.key] === null) {
      if (m.value !== "") problems.push(`${m.key}: data-value ${JSON.stringify(m.value)}, evaluator: null`);
      if (!m.reason?.trim()) problems.push(`${m.key}: null without a data-reason`);
    } else if (m.value !== expected[m.key]) {
      problems.push(`${m.key}: data-value ${JSON.stringify(m.value)}, evaluator: ${expected[m.key]}`);
    }
  }
  if (all) {
    const keys = new Set(shown.map((m) => m.key));
    for (const key of Object.keys(expected)) if (!keys.has(key)) problems.push(`${key}: not shown`);
  }
  return problems;
}

/** Waits until every metric the frame shows has the evaluator's value for `query`. */
async function waitFigures(frame, query, what, timeout = 10_000) {
  const expected = evaluate(query).metrics;
  let problems;
  try {
    await until(async () => {
      problems = metricMismatches(await readMetrics(frame), expected);
      return problems.length === 0;
    }, what, timeout);
  } catch (err) {
    err.message += `\n  ${problems.join("\n  ")}`;
    throw err;
  }
}

async function assertFigures(frame, query, what, options) {
  const shown = await readMetrics(frame);
  assert.ok(shown.length > 0, `${what}: no [data-metric] shown`);
  assert.deepEqual(metricMismatches(shown, evaluate(query).metrics, options), [], `${what}: metrics that differ from \`kwhich eval "${query}"\``);
  return shown;
}

const sectionsOf = (frame) => frame.$$eval("[data-section]", (els) => els.map((e) => e.getAttribute("data-section")));

/** The scenario keys of a link, display keys dropped: `{ key: value }`. */
function scenarioKeys(url) {
  const params = new URL(url).searchParams;
  const keys = {};
  for (const [k, v] of params) if (!DISPLAY_KEYS.includes(k)) keys[k] = v;
  return keys;
}

/** Polls `fn` (async, returns a value or null) until it returns a non-null value. */
async function until(fn, what, timeout = 10_000) {
  const deadline = Date.now() + timeout;
  for (;;) {
    const v = await fn();
    if (v !== null && v !== undefined && v !== false) return v;
    if (Date.now() > deadline) assert.fail(`timed out after ${timeout} ms waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

// ---------------------------------------------------------------------------------------

describe("embed in an article on another origin", () => {
  const app = useBrowser(); // the calculator, under /
  let sub; // the same dist under /kwhich/
  let host; // the newspaper
  let stranger; // a third origin, for forged messages
  const snippets = new Map();

  /** The journalist's snippet for a story, made once per run. */
  async function snippetFor(story, server = app.server) {
    const key = `${server.url} ${story.query} ${JSON.stringify(story.options)}`;
    if (!snippets.has(key)) snippets.set(key, await journalistSnippet(app.browser, server.url, story.query, story.options));
    return snippets.get(key);
  }

  before(async () => {
    [sub, host, stranger] = await Promise.all([startServer({ prefix: "/kwhich/" }), startHostServer(), startHostServer()]);
    assert.notEqual(new URL(app.server.origin).port, new URL(host.origin).port);
  });
  after(async () => {
    await Promise.all([sub?.close(), host?.close(), stranger?.close()]);
  });

  test("the Embed panel writes a sandboxed, lazy iframe of the scenario and the resize script", async () => {
    const a = await snippetFor(STORY_A);
    const b = await snippetFor(STORY_B);
    for (const [name, s] of [["A", a], ["B", b]]) {
      assert.match(s.code, /^<iframe [^>]*><\/iframe>\n<script async src="[^"]*" integrity="sha384-[^"]+" crossorigin="anonymous"><\/script>$/, `snippet ${name}`);
      assert.equal(s.src.origin, app.server.origin, `snippet ${name}: the iframe points at the calculator`);
      assert.equal(s.src.pathname, "/");
      assert.equal(s.src.searchParams.get("embed"), "1");
      assert.match(s.id, /^kwhich-[0-9a-f]{8}$/);
      assert.equal(s.src.hash, `#${s.id}`, `snippet ${name}: the fragment is the id`);
      assert.match(s.iframe.height, /^[1-9][0-9]*$/, `snippet ${name}: a height in px`);
      assert.equal(s.iframe.width, "100%");
      assert.equal(s.iframe.loading, "lazy");
      assert.equal(s.iframe.sandbox, SANDBOX);
      assert.ok(s.iframe.title?.startsWith("kWhich"), `snippet ${name}: a title for screen readers`);
      assert.match(s.script.src, new RegExp(`^${app.server.origin}/kwhich-embed-[0-9a-f]{16}\\.js$`), `snippet ${name}: the hashed script`);
      assert.equal(s.script.integrity, sriOf(new URL(s.script.src).pathname.slice(1)), `snippet ${name}: the script's integrity`);
      assert.equal(s.script.crossorigin, "anonymous");
      // Same numbers as the journalist's page: the embed's scenario keys mean the same thing.
      const scenarioOnly = "?" + new URLSearchParams(scenarioKeys(s.src)).toString();
      const story = name === "A" ? STORY_A : STORY_B;
      assert.deepEqual(evaluate(scenarioOnly).metrics, evaluate(story.query).metrics, `snippet ${name}: scenario changed`);
    }
    assert.notEqual(a.id, b.id, "two scenarios, two ids");
    // Defaults write no display key but embed=1; B's choices are all in its link.
    assert.equal(a.src.searchParams.get("show"), null);
    assert.equal(a.src.searchParams.get("edit"), null);
    assert.equal(a.src.searchParams.get("theme"), null);
    assert.equal(b.src.searchParams.get("show"), "compare,btc,inputs");
    assert.equal(b.src.searchParams.get("edit"), "0");
    assert.equal(b.src.searchParams.get("theme"), "dark");
  });

  test("two embeds load in their sandbox, show their own figures and fit their content", async () => {
    const a = await snippetFor(STORY_A);
    const b = await snippetFor(STORY_B);
    await withPage(app.browser, "embed two stories", async ({ page }) => {
      await page.addInitScript(recordFrames);
      // Pasted as they come: the script tag twice, as two snippets bring it.
      await page.goto(host.put("/two-embeds.html", article("Who gets the megawatts?", [a.code, b.code])));
      const fitted = {};
      for (const [name, s, story] of [["A", a, STORY_A], ["B", b, STORY_B]]) {
        const { el, frame } = await embedFrame(page, s.id);
        assert.equal(new URL(frame.url()).origin, app.server.origin, `${name}: the frame is the calculator's`);
        assert.equal(await el.getAttribute("sandbox"), SANDBOX, `${name}: sandboxed as the snippet says`);
        assert.equal(await frame.evaluate(() => window.origin), app.server.origin, `${name}: allow-same-origin keeps its origin`);
        assert.equal(await frame.locator("[data-layout=embed]").count(), 1, `${name}: embed layout`);
        assert.equal(await frame.locator("[data-layout=full]").count(), 0, `${name}: no full layout`);
        assert.deepEqual(await sectionsOf(frame), story.sections, `${name}: sections`);
        await assertFigures(frame, story.query, `embed ${name}`);
        assert.equal(await el.getAttribute("height"), s.iframe.height, `${name}: height attribute`);
        fitted[name] = await waitFitted(el, frame, `embed ${name}`);
      }
      // Before the script resized them, both were at the fallback height.
      const log = await page.evaluate(() => window.__frameLog);
      for (const [name, s] of [["A", a], ["B", b]]) {
        const inserted = log.find((e) => e.id === s.id && e.type === "inserted");
        assert.ok(inserted, `${name}: iframe insertion not seen`);
        assert.equal(inserted.rendered, Number(s.iframe.height), `${name}: rendered height before any resize`);
        assert.ok(log.some((e) => e.id === s.id && e.type === "attr:style"), `${name}: the script never resized it`);
        assert.ok(log.filter((e) => e.id === s.id).every((e) => e.heightAttr === s.iframe.height), `${name}: height attribute changed`);
      }
      assert.ok(
        Math.abs(fitted.A.rendered - fitted.B.rendered) > 50,
        `different sections, different heights: A ${fitted.A.rendered}px, B ${fitted.B.rendered}px`,
      );
      // B: inputs read-only (edit=0), dark theme; A: default theme.
      const { frame: fa } = await embedFrame(page, a.id);
      const { frame: fb } = await embedFrame(page, b.id);
      assert.equal(await fb.evaluate(() => document.documentElement.getAttribute("data-theme")), "dark");
      assert.equal(await fa.evaluate(() => document.documentElement.getAttribute("data-theme")), "auto");
      const controls = await fb.$$eval("[data-section=inputs] input, [data-section=inputs] select", (els) =>
        // A choice (select, radio, slider) is locked by `disabled`; a text field by `readOnly`.
        els.map((e) => ({ name: e.name || e.id, tag: e.tagName, locked: e.readOnly || e.disabled })),
      );
      assert.ok(controls.length >= 20, `B shows its inputs (${controls.length})`);
      assert.deepEqual(controls.filter((c) => !c.locked), [], "edit=0: inputs a reader can still change");
    });
  });

  test("a reader edits an embed's inputs inside the sandbox: figures, link and height follow", async () => {
    const s = await snippetFor(EDITABLE);
    await withPage(app.browser, "embed editing", async ({ page }) => {
      await page.goto(host.put("/editing.html", article("Edit the price of power", [s.code])));
      const { el, frame } = await embedFrame(page, s.id);
      assert.deepEqual(await sectionsOf(frame), EDITABLE.sections);
      const kwh = frame.locator("input[name=kwh]");
      assert.equal(await kwh.evaluate((e) => e.readOnly), false, "edit=1: kwh is editable");
      await waitFitted(el, frame, "before editing");

      await kwh.fill("0.06");
      // Enter settles the value: the link takes it (see tests/browser/settle.test.mjs).
      await kwh.press("Enter");
      const edited = EDITABLE.query.replace("kwh=0.03", "kwh=0.06");
      await waitFigures(frame, edited, "the figures of kwh=0.06");
      const href = await frame.getAttribute("[data-open-full]", "href");
      assert.equal(new URL(href).searchParams.get("kwh"), "0.06", `"Open in kWhich" follows the edit: ${href}`);

      // An invalid value shows its error under the field and changes the figures: the content
      // changes height and the iframe follows.
      const first = await waitFitted(el, frame, "after kwh=0.06");
      await kwh.fill("abc");
      await frame.waitForSelector('input[name=kwh][aria-invalid="true"]', { state: "attached" });
      assert.ok((await frame.locator("#kwh-error").innerText()).trim().length > 0, "the error is shown");
      await until(async () => {
        const h = await heights(el, frame);
        return h.content !== first.content && Math.abs(h.rendered - h.content) <= FIT_TOLERANCE_PX;
      }, `the iframe to follow its content after the error (content was ${first.content}px)`);
    });
  });

  test("forged or malformed messages resize nothing", async () => {
    const a = await snippetFor(STORY_A);
    const b = await snippetFor(STORY_B);
    const strangerUrl = stranger.put("/ad.html", `<!doctype html><meta charset="utf-8"><link rel="icon" href="data:,"><title>ad</title><p>An advert.</p>`);
    const ad = `<iframe id="ad" src="${strangerUrl}" width="300" height="100" style="border:0"></iframe>`;
    await withPage(app.browser, "embed forged messages", async ({ page }) => {
      await page.addInitScript(recordFrames);
      await page.goto(host.put("/forged.html", article("Forged messages", [a.code, ad, b.code])));
      const A = await embedFrame(page, a.id);
      const B = await embedFrame(page, b.id);
      const fitA = await waitFitted(A.el, A.frame, "A");
      const fitB = await waitFitted(B.el, B.frame, "B");
      const adFrame = await (await page.$("iframe#ad")).contentFrame();
      await adFrame.waitForLoadState("load");
      assert.equal(new URL(adFrame.url()).origin, stranger.origin);

      // A listener added now runs after the resize script's for every message: when it sees
      // a probe, the script has just dealt with it, and the iframes' styles tell how.
      await page.evaluate(() => {
        window.__probes = [];
        window.addEventListener("message", (e) => {
          if (!e.data || typeof e.data !== "object" || !("probe" in e.data)) return;
          const styles = {};
          for (const f of document.querySelectorAll("iframe[data-kwhich-id]")) styles[f.getAttribute("data-kwhich-id")] = f.style.height;
          window.__probes.push({ probe: e.data.probe, origin: e.origin, styles });
        });
      });
      const logBefore = (await page.evaluate(() => window.__frameLog)).length;
      let probes = 0;
      const post = async (frame, data, what) => {
        probes += 1;
        await frame.evaluate(({ data }) => (window === window.top ? window : window.parent).postMessage(data, "*"), {
          data: { ...data, probe: `${probes} ${what}` },
        });
      };
      const h = (height) => ({ id: a.id, height });
      // The article itself (its own origin), a well-formed message.
      await post(page.mainFrame(), h(50), "article, valid height");
      await post(page.mainFrame(), h(1e9), "article, huge height");
      // Another origin, valid and bogus heights.
      await post(adFrame, h(50), "stranger, valid height");
      await post(adFrame, h(-10), "stranger, negative height");
      await post(adFrame, h("9999"), "stranger, string height");
      // The calculator's origin but the wrong window: embed B naming embed A.
      await post(B.frame, h(60), "embed B with A's id");
      // The right window and origin, a height that is not a usable number.
      const bad = ["50", "50px", null, true, [50], { valueOf: 50 }, Number.NaN, Number.POSITIVE_INFINITY, -50, 0, 1e9];
      for (const height of bad) await post(A.frame, h(height), `embed A, height ${String(height)}`);
      await post(A.frame, { id: 7, height: 70 }, "embed A, id not a string");
      await post(A.frame, { id: "kwhich-00000000", height: 70 }, "embed A, unknown id");
      await post(A.frame, { height: 70 }, "embed A, no id");
      // The right window with the wrong origin: embed B's iframe navigated elsewhere.
      await B.frame.goto(strangerUrl);
      assert.equal(new URL(B.frame.url()).origin, stranger.origin);
      await post(B.frame, { id: b.id, height: 55 }, "another origin inside B's iframe");

      await page.waitForFunction((n) => window.__probes.length >= n, probes);
      const fittedStyles = { [a.id]: fitA.style, [b.id]: fitB.style };
      const seen = await page.evaluate(() => window.__probes);
      assert.equal(seen.length, probes, "every probe arrived");
      for (const p of seen) assert.deepEqual(p.styles, fittedStyles, `after "${p.probe}" (from ${p.origin})`);
      const after = await page.evaluate(() => window.__frameLog);
      assert.deepEqual(after.slice(logBefore), [], "an iframe's style or height changed after forged messages");
      assert.deepEqual(await heights(A.el, A.frame), fitA, "A's height changed");
      const nowB = await heights(B.el, B.frame); // B now holds the stranger's page
      assert.deepEqual([nowB.rendered, nowB.style], [fitB.rendered, fitB.style], "B's height changed");

      // The control: the same channel with a good message does resize, so the refusals
      // above were the script's checks and not a deaf listener.
      await post(A.frame, h(333), "embed A, valid height");
      await page.waitForFunction((n) => window.__probes.length >= n, probes);
      const control = (await page.evaluate(() => window.__probes)).at(-1);
      assert.deepEqual(control.styles, { [a.id]: "333px", [b.id]: fitB.style }, "a valid message from the embed resizes it, and only it");
    });
  });

  test("without the script the embed works at its fixed height", async () => {
    const s = await snippetFor(STORY_A);
    await withPage(app.browser, "embed without script", async ({ page }) => {
      await page.addInitScript(recordFrames);
      const code = withoutScript(s.code);
      assert.ok(!code.includes("<script"), code);
      await page.goto(host.put("/no-script.html", article("No scripts allowed", [code])));
      const { el, frame } = await embedFrame(page, s.id);
      assert.equal(await frame.locator("[data-layout=embed]").count(), 1);
      await assertFigures(frame, STORY_A.query, "embed without the script");
      // The embed reports its height (nobody listens): the iframe stays at the snippet's.
      const h = await until(async () => {
        const h = await heights(el, frame);
        const last = await page.evaluate((id) => window.__messages.filter((m) => m.data?.id === id).at(-1), s.id);
        return last && Math.abs(last.data.height - h.content) <= FIT_TOLERANCE_PX ? { ...h, origin: last.origin } : null;
      }, "the embed to report its content height");
      assert.equal(h.origin, app.server.origin);
      assert.equal(h.rendered, Number(s.iframe.height), "rendered height without the script");
      assert.equal(h.style, "", "nothing set the iframe's style");
      const log = await page.evaluate(() => window.__frameLog);
      assert.deepEqual(log.filter((e) => e.type !== "inserted"), [], "the iframe changed without the script");
    });
  });

  // An article on another site gets the embed in its own process: there the host can paint
  // between two height messages, so a first report of the half-built page shows as a jump.
  test(
    "the embed's first height report is its content's height, not the page's while it mounts",
    async () => {
      const s = await snippetFor(STORY_A);
      await withPage(app.browser, "embed first height", async ({ page }) => {
        await page.addInitScript(recordFrames);
        await page.goto(host.put("/first-height.html", article("First height", [s.code])));
        const { el, frame } = await embedFrame(page, s.id);
        const fitted = await waitFitted(el, frame, "embed");
        const reports = await page.evaluate((id) => window.__messages.filter((m) => m.data?.id === id).map((m) => m.data.height), s.id);
        assert.ok(reports.length > 0);
        assert.ok(Math.abs(reports[0] - fitted.content) <= FIT_TOLERANCE_PX, `heights reported: ${reports.join(", ")}; content ${fitted.content}px`);
        const styles = (await page.evaluate(() => window.__frameLog)).filter((e) => e.id === s.id && e.type === "attr:style").map((e) => e.style);
        assert.equal(styles.length, 1, `the iframe's heights: ${styles.join(" → ")}`);
      });
    },
  );

  // Consent managers and "delay JavaScript" optimisers run a page's third-party scripts
  // only later (after a click on "Accept", or on first interaction). By then the embed has
  // rendered and reported its height to nobody.
  test(
    "a resize script that starts after the embed has rendered still fits it",
    async () => {
      const s = await snippetFor(STORY_A);
      const held = s.code.replace(
        /<script async src="([^"]*)" integrity="([^"]*)" crossorigin="anonymous"><\/script>/,
        '<script type="text/plain" data-consent="analytics" data-src="$1" data-integrity="$2"></script>',
      );
      assert.notEqual(held, s.code);
      const cmp = `<button id="accept" type="button">Accept all</button>
<script>
document.getElementById("accept").addEventListener("click", function () {
  document.querySelectorAll('script[type="text/plain"][data-consent]').forEach(function (old) {
    var run = document.createElement("script");
    run.src = old.getAttribute("data-src");
    run.integrity = old.getAttribute("data-integrity");
    run.crossOrigin = "anonymous";
    old.replaceWith(run);
  });
});
</script>`;
      await withPage(app.browser, "embed late script", async ({ page }) => {
        await page.addInitScript(recordFrames);
        await page.goto(host.put("/late-script.html", article("Consent first", [cmp, held])));
        const { el, frame } = await embedFrame(page, s.id);
        await until(async () => {
          const h = await heights(el, frame);
          const last = await page.evaluate((id) => window.__messages.filter((m) => m.data?.id === id).at(-1), s.id);
          return last && Math.abs(last.data.height - h.content) <= FIT_TOLERANCE_PX;
        }, "the embed to report its content height");
        assert.equal((await heights(el, frame)).rendered, Number(s.iframe.height), "nothing resized it before consent");
        await page.click("#accept");
        await page.waitForFunction(() => document.querySelectorAll("script[src*='/kwhich-embed-']").length === 1);
        await waitFitted(el, frame, "after the script started late", { timeout: 3000 });
      });
    },
  );

  test('"Open in kWhich" leads to the full page with the same scenario and numbers', async () => {
    const b = await snippetFor(STORY_B);
    await withPage(app.browser, "embed open full", async ({ page, context }) => {
      await page.goto(host.put("/open-full.html", article("Open it", [b.code])));
      const { frame } = await embedFrame(page, b.id);
      const link = frame.locator("a[data-open-full]");
      assert.equal(await link.count(), 1);
      const href = await link.getAttribute("href");
      const url = new URL(href);
      assert.equal(url.origin + url.pathname, app.server.url, `href ${href}`);
      assert.equal(url.hash, "", "no embed id in the full page's link");
      for (const key of ["embed", "show", "edit"]) assert.equal(url.searchParams.has(key), false, `href keeps ${key}: ${href}`);
      assert.deepEqual(scenarioKeys(url), scenarioKeys(b.src), "the same scenario keys as the embed");
      assert.equal(await link.getAttribute("target"), "_blank");
      assert.match((await link.getAttribute("rel")) ?? "", /\bnoopener\b/);

      // Following it: a new page with the full calculator and every metric of the scenario.
      const full = await context.newPage();
      const errors = [];
      full.on("pageerror", (e) => errors.push(`page error: ${e.message}`));
      full.on("console", (m) => m.type() === "error" && errors.push(`console.error: ${m.text()}`));
      await openApp(full, href);
      assert.equal(await full.locator("[data-layout=full]").count(), 1);
      assert.equal(await full.locator("[data-layout=embed]").count(), 0);
      await assertFigures(full, STORY_B.query, "full page from the embed", { all: true });
      assert.deepEqual(errors, []);
      await full.close();

      // Clicking it in the sandboxed frame opens the same address in a working page.
      const [popup] = await Promise.all([context.waitForEvent("page"), link.click()]);
      await popup.waitForLoadState("load");
      assert.equal(popup.url(), href);
      await waitReady(popup);
      assert.equal(await popup.locator("[data-layout=full]").count(), 1);
      assert.equal(await popup.evaluate(() => window.opener), null, "noopener");
      await popup.close();
    });
  });

  test("display keys: show picks and orders sections, edit=0 locks inputs, theme sets data-theme", async () => {
    const base = `${app.server.url}?v=1&kwh=0.04&embed=1`;
    const cases = [
      { name: "default", extra: "", sections: ["compare", "btc"], theme: "auto" },
      { name: "inputs-compare", extra: "&show=inputs,compare&theme=light", sections: ["compare", "inputs"], theme: "light", locked: false },
      { name: "all", extra: "&show=compare,btc,mw,network,inputs&edit=0&theme=dark", sections: ALL_SECTIONS, theme: "dark", locked: true },
      { name: "mw-network", extra: "&show=network,mw", sections: ["mw", "network"], theme: "auto" },
      { name: "none", extra: "&show=", sections: [], theme: "auto" },
    ];
    const frames = cases.map(
      (c) => `<iframe src="${base}${c.extra.replaceAll("&", "&amp;")}#display-${c.name}" data-kwhich-id="display-${c.name}" title="kWhich ${c.name}" width="100%" height="${FALLBACK_HEIGHT}" sandbox="${SANDBOX}"></iframe>`,
    );
    await withPage(app.browser, "embed display keys", async ({ page }) => {
      await page.goto(host.put("/display-keys.html", article("Display keys", frames)));
      for (const c of cases) {
        const { frame } = await embedFrame(page, `display-${c.name}`);
        assert.deepEqual(await sectionsOf(frame), c.sections, `${c.name}: sections`);
        assert.equal(await frame.evaluate(() => document.documentElement.getAttribute("data-theme")), c.theme, `${c.name}: theme`);
        assert.equal(await frame.locator("a[data-open-full]").count(), 1, `${c.name}: "Open in kWhich"`);
        if (c.sections.length) await assertFigures(frame, "?v=1&kwh=0.04", `embed ${c.name}`);
        if (c.locked !== undefined) {
          const states = await frame.$$eval("[data-section=inputs] input, [data-section=inputs] select", (els) =>
            // A choice (select, radio, checkbox, slider, file) is locked by `disabled`; a text field by `readOnly`.
            els.map((e) => (e.tagName === "SELECT" || ["radio", "checkbox", "range", "file"].includes(e.type) ? e.disabled : e.readOnly)),
          );
          assert.ok(states.length > 0);
          assert.deepEqual([...new Set(states)], [c.locked], `${c.name}: inputs locked = ${c.locked}`);
        }
      }
    });
  });

  test("the embed asks no third party, sets no cookie and stores nothing", async () => {
    const a = await snippetFor(STORY_A);
    const e = await snippetFor(EDITABLE);
    await withPage(app.browser, "embed privacy", async ({ page, context }) => {
      const urls = [];
      context.on("request", (r) => urls.push(r.url()));
      await page.goto(host.put("/privacy.html", article("Privacy", [a.code, e.code])));
      const frames = [];
      for (const s of [a, e]) {
        const { el, frame } = await embedFrame(page, s.id);
        await waitFitted(el, frame, s.id);
        frames.push(frame);
      }
      // A reader's edit too: nothing is saved or sent anywhere.
      await frames[1].locator("input[name=kwh]").fill("0.07");
      await waitFigures(frames[1], EDITABLE.query.replace("kwh=0.03", "kwh=0.07"), "the figures of kwh=0.07");
      await page.waitForLoadState("networkidle");

      const allowed = new Set([app.server.origin, host.origin]);
      const network = urls.filter((u) => !u.startsWith("data:"));
      const foreign = network.filter((u) => !allowed.has(new URL(u).origin));
      assert.deepEqual(foreign, [], "requests outside the calculator's and the article's servers");
      assert.ok(network.some((u) => u.endsWith(".wasm")), "the Wasm request was recorded");

      for (const frame of [page.mainFrame(), ...frames]) {
        const store = await frame.evaluate(async () => ({
          cookie: document.cookie,
          local: localStorage.length,
          session: sessionStorage.length,
          idb: indexedDB.databases ? (await indexedDB.databases()).map((d) => d.name) : [],
          caches: self.caches ? await caches.keys() : [],
          workers: navigator.serviceWorker ? (await navigator.serviceWorker.getRegistrations()).length : 0,
        }));
        assert.deepEqual(store, { cookie: "", local: 0, session: 0, idb: [], caches: [], workers: 0 }, `storage of ${frame.url()}`);
      }
      assert.deepEqual(await context.cookies(), [], "cookies in the browser context");
    });
  });

  test("served under a sub-path (/kwhich/), the snippet and the embed stay under it", async () => {
    const s = await snippetFor(SUBPATH, sub);
    assert.equal(s.src.origin + s.src.pathname, sub.url, `iframe src ${s.src}`);
    assert.ok(s.script.src.startsWith(sub.url) && HASHED_SCRIPT.test(s.script.src), `script src ${s.script.src}`);
    const firstRequest = sub.requests.length;
    await withPage(app.browser, "embed sub-path", async ({ page }) => {
      await page.goto(host.put("/sub-path.html", article("Under a sub-path", [s.code])));
      const { el, frame } = await embedFrame(page, s.id);
      assert.equal(await frame.locator("[data-layout=embed]").count(), 1);
      assert.deepEqual(await sectionsOf(frame), SUBPATH.sections);
      await assertFigures(frame, SUBPATH.query, "embed under /kwhich/");
      await waitFitted(el, frame, "embed under /kwhich/");
      const href = await frame.getAttribute("a[data-open-full]", "href");
      assert.ok(href.startsWith(`${sub.url}?`), `"Open in kWhich" stays under /kwhich/: ${href}`);
      const outside = sub.requests.slice(firstRequest).filter((p) => !p.startsWith("/kwhich/"));
      assert.deepEqual(outside, [], "requests outside /kwhich/");

      const full = await page.context().newPage();
      await openApp(full, href);
      assert.equal(await full.locator("[data-layout=full]").count(), 1);
      await assertFigures(full, SUBPATH.query, "full page under /kwhich/", { all: true });
      await full.close();
    });
  });
  // A CMS that strips scripts keeps the iframe at the snippet's height for good: that height
  // is the chosen sections' in the article's language at an article's column (640 px).
  test("without the script, the snippet's height is about its sections' height in a 640 px column", async () => {
    const stories = [
      { name: "en default", query: STORY_A.query, options: {} },
      { name: "ar four sections", query: STORY_A.query, options: { sections: ["compare", "btc", "mw", "inputs"], lang: "ar" } },
      { name: "vi four sections", query: STORY_A.query, options: { sections: ["compare", "btc", "mw", "inputs"], lang: "vi" } },
    ];
    for (const story of stories) {
      const s = await snippetFor(story);
      const written = Number(s.iframe.height);
      const column = `<div style="width:640px">${withoutScript(s.code)}</div>`;
      await withPage(app.browser, `embed estimate ${story.name}`, async ({ page }) => {
        await page.goto(host.put(`/estimate-${story.options.lang ?? "en"}.html`, article("Column", [column])));
        const { el, frame } = await embedFrame(page, s.id);
        await waitReady(frame);
        const h = await heights(el, frame);
        assert.equal(h.rendered, written, `${story.name}: the iframe keeps the written height`);
        const off = Math.abs(written - h.content) / h.content;
        assert.ok(off <= 0.12, `${story.name}: written ${written}px, content ${h.content}px (${(off * 100).toFixed(1)} % off)`);
      });
    }
  });

  test("a download in an embed works inside the snippet's sandbox", async () => {
    const s = await snippetFor({ query: STORY_A.query, options: { sections: ["time"] } });
    assert.match(s.iframe.sandbox, /\ballow-downloads\b/);
    await withPage(app.browser, "embed download", async ({ page }) => {
      await page.goto(host.put("/download.html", article("Download the figures", [s.code])));
      const { frame } = await embedFrame(page, s.id);
      const button = frame.getByRole("button", { name: "Figures (CSV)" });
      await button.waitFor({ state: "visible" });
      const [download] = await Promise.all([page.waitForEvent("download", { timeout: 5000 }), button.click()]);
      assert.match(download.suggestedFilename(), /-figures\.csv$/);
      const text = readFileSync(await download.path(), "utf8");
      assert.ok(text.length > 100, `the file has the figures: ${text.slice(0, 80)}`);
    });
  });

  // Chromium does not render a cross-origin frame that is off-screen, nor run its
  // ResizeObserver: the second embed must still report its height as its content grows.
  test("two embeds, the second far below the fold: both fit their content without scrolling", async () => {
    // The first about 1,000 px tall: the second is below the fold but within the distance
    // at which Chromium starts loading a lazy iframe (a taller first one would hold it back).
    const a = await snippetFor(STORY_A);
    const b = await snippetFor(EDITABLE);
    const spacer = `<div style="height:400px" aria-hidden="true"></div>`;
    await withPage(app.browser, "embed below the fold", async ({ page }) => {
      await page.goto(host.put("/below-fold.html", article("Two embeds, far apart", [a.code, spacer, b.code])));
      for (const [name, s] of [["first", a], ["below the fold", b]]) {
        const el = await page.waitForSelector(`iframe[data-kwhich-id="${s.id}"]`, { state: "attached" });
        const frame = await until(async () => {
          const f = await el.contentFrame();
          if (!f || !f.url().includes("embed=1")) return null;
          return (await f.evaluate(() => !!document.querySelector("[data-layout=embed]")).catch(() => false)) ? f : null;
        }, `the ${name} embed to mount`, 20_000);
        const fitted = await waitFitted(el, frame, `the ${name} embed`);
        assert.ok(fitted.content > 900, `the ${name} embed's content: ${fitted.content}px`);
      }
      const { top, y } = await page.evaluate((id) => ({ top: document.querySelector(`iframe[data-kwhich-id="${id}"]`).getBoundingClientRect().top, y: scrollY }), b.id);
      assert.equal(y, 0, "the article was scrolled");
      assert.ok(top > 900, `the second embed is below the fold (top ${top}px)`);
    });
  });

  test("the hashed resize script is the same file as kwhich-embed.js, which stays for old snippets", async () => {
    const s = await snippetFor(STORY_A);
    const hashed = await (await fetch(s.script.src)).text();
    const plain = await fetch(`${app.server.url}kwhich-embed.js`);
    assert.equal(plain.status, 200);
    assert.equal(await plain.text(), hashed);
    assert.equal(sriOf("kwhich-embed.js"), s.script.integrity);
  });

  test("the embed code reads left to right on the Arabic page", async () => {
    await withPage(app.browser, "embed code ltr", async ({ page }) => {
      await openApp(page, app.server.url, "?v=1&lang=ar&kwh=0.04");
      assert.equal(await page.evaluate(() => document.documentElement.dir), "rtl");
      await page.locator('[aria-controls="embed-panel"]').click();
      const code = page.locator("textarea#embed-code");
      await code.waitFor({ state: "visible" });
      assert.equal(await code.getAttribute("dir"), "ltr");
      assert.equal(await code.evaluate((e) => getComputedStyle(e).direction), "ltr");
      assert.match(await code.inputValue(), /^<iframe /);
    });
  });
});
