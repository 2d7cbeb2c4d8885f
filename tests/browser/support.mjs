// Shared helpers for the browser tests: a static server for dist/, the system Chromium,
// the page contract (data-ready, data-metric, data-warning) and the command-line evaluator.
//
// Every test file imports from here, so that a new one (typing, share links, embed) only
// writes its own assertions.

import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { readFile, stat } from "node:fs/promises";
import http from "node:http";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { chromium } from "playwright-core";

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
// KWHICH_DIST, when given, is relative to the repository root (as in scripts/test).
export const DIST = path.resolve(ROOT, process.env.KWHICH_DIST ?? "dist");
export const ARTIFACTS = path.join(ROOT, "tests/browser/artifacts");

// ---------------------------------------------------------------------------------------
// Static server

export const MIME_TYPES = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".mjs": "text/javascript; charset=utf-8",
  ".wasm": "application/wasm",
  ".css": "text/css; charset=utf-8",
  ".json": "application/json",
  ".webmanifest": "application/manifest+json",
  ".svg": "image/svg+xml",
  ".png": "image/png",
  ".ico": "image/x-icon",
  ".webp": "image/webp",
  ".jpg": "image/jpeg",
  ".jpeg": "image/jpeg",
  ".woff2": "font/woff2",
  ".txt": "text/plain; charset=utf-8",
  ".xml": "application/xml",
};

/**
 * Serves `root` on 127.0.0.1 at a random port, under `prefix` (say "/kwhich/"), the way a
 * static host would: a directory gives its index.html, a path outside `prefix` or `root`
 * is a 404, `prefix` without its trailing slash redirects to it. `intercept(url)`, if given,
 * runs first for each request: it may wait, and may return `{ status, body }` to answer
 * with instead (a host in trouble).
 *
 * Returns `{ origin, url, port, requests, close }`; `url` is origin + prefix.
 */
export async function startServer({ root = DIST, prefix = "/", intercept = null } = {}) {
  if (!prefix.startsWith("/") || !prefix.endsWith("/")) {
    throw new Error(`prefix must start and end with "/": ${prefix}`);
  }
  const rootDir = path.resolve(root);
  const requests = [];
  // Links of a few hundred kilobytes (24,000 keys) are read like any other: Node's own
  // limit on a request's head (16 KB) would answer 431 first.
  const server = http.createServer({ maxHeaderSize: 1 << 20 }, async (req, res) => {
    const send = (status, body, headers = {}) => {
      res.writeHead(status, { "cache-control": "no-store", ...headers });
      res.end(req.method === "HEAD" ? undefined : body);
    };
    try {
      const url = new URL(req.url, "http://127.0.0.1");
      requests.push(url.pathname + url.search);
      const instead = await intercept?.(url);
      if (instead) return send(instead.status, instead.body ?? "");
      if (req.method !== "GET" && req.method !== "HEAD") {
        return send(405, "method not allowed\n", { allow: "GET, HEAD" });
      }
      if (url.pathname + "/" === prefix) {
        return send(301, "", { location: prefix + url.search });
      }
      if (!url.pathname.startsWith(prefix)) return send(404, "not found\n");
      let rel;
      try {
        rel = decodeURIComponent(url.pathname.slice(prefix.length));
      } catch {
        return send(400, "bad path\n");
      }
      let file = path.resolve(rootDir, "." + path.posix.normalize("/" + rel));
      if (file !== rootDir && !file.startsWith(rootDir + path.sep)) return send(404, "not found\n");
      let info = await stat(file).catch(() => null);
      if (info?.isDirectory()) {
        file = path.join(file, "index.html");
        info = await stat(file).catch(() => null);
      }
      if (!info?.isFile()) return send(404, "not found\n");
      const type = MIME_TYPES[path.extname(file).toLowerCase()] ?? "application/octet-stream";
      // As GitHub Pages does: a host page may fetch the embed's resize script in CORS mode
      // (the snippet's integrity needs it).
      send(200, await readFile(file), { "content-type": type, "content-length": info.size, "access-control-allow-origin": "*" });
    } catch (err) {
      send(500, String(err));
    }
  });
  await new Promise((resolve, reject) => {
    server.once("error", reject);
    server.listen(0, "127.0.0.1", resolve);
  });
  const { port } = server.address();
  const origin = `http://127.0.0.1:${port}`;
  return {
    origin,
    url: origin + prefix,
    port,
    requests,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections?.();
        server.close(() => resolve());
      }),
  };
}

/** Fails early, with the command to run, when dist/ has not been built. */
export function requireDist() {
  if (!existsSync(path.join(DIST, "index.html"))) {
    throw new Error(`${DIST}/index.html is missing: run \`trunk build --release\` (scripts/test does) first`);
  }
}

/** The Content-Security-Policy that a build wrote into its index.html (scripts/post-build.mjs). */
export function cspOf(dist = DIST) {
  const html = readFileSync(path.join(dist, "index.html"), "utf8");
  return /<meta http-equiv="Content-Security-Policy" content="([^"]*)">/.exec(html)?.[1] ?? null;
}

/** The API a build asks for today's network (`<meta name="kwhich-api">`, scripts/post-build.mjs). */
export function apiBaseOf(dist = DIST) {
  const html = readFileSync(path.join(dist, "index.html"), "utf8");
  return /<meta name="kwhich-api" content="([^"]*)">/.exec(html)?.[1] ?? null;
}

// ---------------------------------------------------------------------------------------
// Browser

export const CHROMIUM = process.env.CHROMIUM ?? "/usr/bin/chromium";

// As root Chromium needs --no-sandbox; the rest keep it off the (closed) network.
export const CHROMIUM_ARGS = [
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
];

/** The system Chromium, headless. Never a browser that Playwright downloads. */
export async function launchBrowser() {
  return chromium.launch({
    executablePath: CHROMIUM,
    headless: process.env.HEADED ? false : true,
    args: CHROMIUM_ARGS,
  });
}

/**
 * A fresh page (its own context: no shared storage) that records console errors, page
 * errors, failed requests and Content-Security-Policy violations (in any frame) in
 * `errors`. Call `assertNoErrors()` at the end of a test. `expectErrors` (RegExps) names
 * errors a test provokes on purpose (an API answering 500): those are not counted.
 */
export async function newPage(
  browser,
  { viewport = { width: 1280, height: 900 }, locale = "en-US", colorScheme, expectErrors = [] } = {},
) {
  const context = await browser.newContext({ viewport, locale, ...(colorScheme ? { colorScheme } : {}) });
  const errors = [];
  const record = errors.push.bind(errors);
  errors.push = (...items) => record(...items.filter((e) => !expectErrors.some((re) => re.test(e))));
  // Every frame of every page reports its violations, before any of its own scripts run.
  await context.exposeBinding("__kwhichCspViolation", (_source, v) => errors.push(`CSP violation: ${v}`));
  await context.addInitScript(() => {
    document.addEventListener("securitypolicyviolation", (e) =>
      window.__kwhichCspViolation(`${e.effectiveDirective} blocked ${e.blockedURI || "inline"} in ${e.documentURI} (${e.sourceFile}:${e.lineNumber})`),
    );
  });
  const page = await context.newPage();
  page.on("console", (msg) => {
    if (msg.type() === "error") {
      const loc = msg.location();
      errors.push(`console.error: ${msg.text()}${loc?.url ? ` (${loc.url}:${loc.lineNumber})` : ""}`);
    }
  });
  page.on("pageerror", (err) => errors.push(`page error: ${err.stack || err.message || err}`));
  page.on("requestfailed", (req) => errors.push(`request failed: ${req.url()} (${req.failure()?.errorText})`));
  page.on("response", (res) => {
    if (res.status() >= 400) errors.push(`HTTP ${res.status()}: ${res.url()}`);
  });
  return {
    page,
    context,
    errors,
    assertNoErrors() {
      if (errors.length) {
        throw new Error(`the page reported ${errors.length} error(s):\n  ${errors.join("\n  ")}`);
      }
    },
    close: () => context.close(),
  };
}

/**
 * Runs `fn(handle)` on a fresh page; on failure saves a screenshot and the DOM to
 * tests/browser/artifacts/NAME.{png,html} (not when NAME is null), and the page's errors
 * join the message. Fails
 * when the page logged any console or page error, even if `fn` passed.
 */
export async function withPage(browser, name, fn, options) {
  const handle = await newPage(browser, options);
  try {
    await fn(handle);
    handle.assertNoErrors();
  } catch (err) {
    if (name !== null) await saveArtifacts(handle.page, name).catch(() => {});
    if (handle.errors.length && !String(err.message).includes("the page reported")) {
      err.message += `\n\nthe page also reported:\n  ${handle.errors.join("\n  ")}`;
    }
    throw err;
  } finally {
    await handle.close();
  }
}

export async function saveArtifacts(page, name) {
  mkdirSync(ARTIFACTS, { recursive: true });
  const base = path.join(ARTIFACTS, name.replace(/[^A-Za-z0-9._-]+/g, "_").slice(0, 100));
  await page.screenshot({ path: `${base}.png`, fullPage: true, timeout: 5000 });
  writeFileSync(`${base}.html`, await page.content());
}

/**
 * The app has mounted (`data-ready`) and every section it shows is there: the sections
 * below the first screen come in Wasm chunks loaded after it (src/ui/lazy.rs), and `#app`
 * carries `data-loading` until the last one has rendered. The figures over time, the map
 * and the tornado follow an edit a frame later (src/ui/hooks/use_settled.rs): `data-settling`
 * until they have.
 */
export const READY = "#app[data-ready]:not([data-loading]):not([data-settling])";

/** Waits until the app has mounted with every section ([`READY`]), with a useful message if not. */
export async function waitReady(page, { timeout = 20_000 } = {}) {
  try {
    await page.waitForSelector(READY, { state: "attached", timeout });
  } catch (err) {
    const app = await page
      .$eval("#app", (el) => el.innerText.slice(0, 300))
      .catch(() => "(no #app element)");
    throw new Error(`#app never got data-ready (with no section loading) within ${timeout} ms; #app shows: ${JSON.stringify(app)}\n${err.message}`);
  }
}

/** Opens `baseUrl` with `query` ("?kwh=0.03", "" or "?") and waits for the app. */
export async function openApp(page, baseUrl, query = "") {
  const url = baseUrl + (query && !query.startsWith("?") ? "?" + query : query);
  await page.goto(url, { waitUntil: "load" });
  await waitReady(page);
  return url;
}

// ---------------------------------------------------------------------------------------
// Page contract

/**
 * Every `[data-metric]` element: `{ key, value, reason }` (value and reason as attributes),
 * once the page has settled after the last edit ([`READY`]).
 */
export async function readMetrics(page) {
  await page.waitForSelector(READY, { state: "attached" });
  return page.$$eval("[data-metric]", (els) =>
    els.map((el) => ({
      key: el.getAttribute("data-metric"),
      value: el.getAttribute("data-value"),
      reason: el.getAttribute("data-reason"),
    })),
  );
}

/**
 * A downloaded CSV file's records, as RFC 4180 reads them (quoted fields may hold commas,
 * doubled quotes and line breaks). Fails unless the file starts with the UTF-8 byte order
 * mark and ends its lines with CRLF.
 */
export function parseCsv(text) {
  if (!text.startsWith("\uFEFF")) throw new Error(`no byte order mark: ${JSON.stringify(text.slice(0, 20))}`);
  if (!text.endsWith("\r\n")) throw new Error("the last line does not end with CRLF");
  const records = [];
  let record = [];
  let field = "";
  let quoted = false;
  for (let i = 1; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') (field += '"'), i++;
      else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ",") record.push(field), (field = "");
    else if (c === "\r" && text[i + 1] === "\n") record.push(field), records.push(record), (record = []), (field = ""), i++;
    else field += c;
  }
  return records;
}

/** The keys of the warnings shown (`[data-warning]` values), in page order. */
export function readWarnings(page) {
  return page.$$eval("[data-warning]", (els) => els.map((el) => el.getAttribute("data-warning")));
}

/**
 * Text a person or a screen reader could meet that shows a broken number: NaN, Infinity, or
 * a negative zero ("-0", "−0.00", "-0,0"). Scans text nodes (hidden ones too, not scripts
 * or styles) and the attributes that carry numbers or labels. Returns the offending
 * snippets with where they were found.
 */
export function findBrokenNumbers(page) {
  return page.evaluate(() => {
    const found = [];
    const check = (text, where) => {
      if (!text) return;
      for (const m of text.matchAll(/\bNaN\b|Infinity/g)) found.push(`${where}: ${JSON.stringify(snip(text, m.index))}`);
      // Latin and Eastern Arabic digits, with either language's marks (Arabic: ٫ and ٬).
      for (const m of text.matchAll(/(?<![\p{L}\p{N}_.,])[-\u2212]([\d\u0660-\u0669](?:[\d\u0660-\u0669.,\u066B\u066C]*[\d\u0660-\u0669])?)/gu)) {
        if (/^[0\u0660.,\u066B\u066C]+$/.test(m[1])) found.push(`${where}: negative zero ${JSON.stringify(snip(text, m.index))}`);
      }
    };
    const snip = (text, i) => text.slice(Math.max(0, i - 30), i + 30);
    const label = (el) => {
      if (!el) return "?";
      const attr = el.getAttribute("data-metric") ?? el.getAttribute("name") ?? el.id;
      return el.tagName.toLowerCase() + (attr ? `[${attr}]` : "");
    };
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      if (node.parentElement?.closest("script, style, noscript, template")) continue;
      check(node.nodeValue, `text in ${label(node.parentElement)}`);
    }
    const attrs = ["data-value", "value", "aria-label", "aria-valuenow", "aria-valuetext", "title", "placeholder", "data-reason"];
    for (const el of document.body.querySelectorAll("*")) {
      for (const a of attrs) check(el.getAttribute(a), `${a} of ${label(el)}`);
      if (el instanceof HTMLInputElement) check(el.value, `value of ${label(el)}`);
    }
    return found;
  });
}

// ---------------------------------------------------------------------------------------
// The command-line evaluator

let evaluatorBin = process.env.KWHICH_BIN;

/** Path to the release `kwhich` binary; builds it once per process unless KWHICH_BIN is set. */
export function evaluatorPath() {
  if (!evaluatorBin) {
    const build = spawnSync("cargo", ["build", "--release", "--quiet", "--bin", "kwhich"], {
      cwd: ROOT,
      encoding: "utf8",
      stdio: ["ignore", "inherit", "pipe"],
    });
    if (build.status !== 0) throw new Error(`cargo build --release --bin kwhich failed:\n${build.stderr}`);
    const target = process.env.CARGO_TARGET_DIR ? path.resolve(ROOT, process.env.CARGO_TARGET_DIR) : path.join(ROOT, "target");
    evaluatorBin = path.join(target, "release", "kwhich");
  }
  return evaluatorBin;
}

/** A JSON number kept as the text the evaluator printed, e.g. `new JsonNumber("0.050")`. */
export class JsonNumber {
  constructor(text) {
    this.text = text;
  }
  toString() {
    return this.text;
  }
}

/**
 * JSON.parse, except that every number becomes a JsonNumber holding its source text, so
 * that "0.0770990886995869298135080700" is compared digit for digit, never as a float.
 */
export function parseJsonKeepingNumbers(text) {
  const MARK = "\u0000num:";
  const marked = text.replace(/"(?:[^"\\]|\\.)*"|-?\d+(?:\.\d+)?(?:[eE][+-]?\d+)?/g, (tok) =>
    tok.startsWith('"') ? tok : JSON.stringify(MARK + tok),
  );
  return JSON.parse(marked, (_key, value) =>
    typeof value === "string" && value.startsWith(MARK) ? new JsonNumber(value.slice(MARK.length)) : value,
  );
}

/**
 * The key a warning is about: `kwh=abc ignored: …` → "kwh", `Unknown key "foo" ignored.` → "foo".
 */
export function warningKey(warning) {
  const unknown = /^Unknown key "([^"]*)"/.exec(warning);
  if (unknown) return unknown[1];
  const keyed = /^([^=\s:]+)=/.exec(warning);
  if (keyed) return keyed[1];
  throw new Error(`cannot tell which key this evaluator warning is about: ${JSON.stringify(warning)}`);
}

/**
 * Runs `kwhich eval LINK` and returns `{ json, metrics, warnings, warningKeys, stdout }`:
 * `metrics` maps each metric to its printed text, or null.
 */
export function evaluate(link) {
  const run = spawnSync(evaluatorPath(), ["eval", link], { cwd: ROOT, encoding: "utf8" });
  if (run.error) throw run.error;
  if (run.status !== 0) throw new Error(`kwhich eval ${JSON.stringify(link)} exited ${run.status}: ${run.stderr}`);
  const json = parseJsonKeepingNumbers(run.stdout);
  const metrics = {};
  for (const [key, value] of Object.entries(json.metrics ?? {})) {
    if (value !== null && !(value instanceof JsonNumber)) {
      throw new Error(`evaluator metric ${key} is neither a number nor null: ${JSON.stringify(value)}`);
    }
    metrics[key] = value === null ? null : value.text;
  }
  const warnings = json.warnings ?? [];
  return { json, metrics, warnings, warningKeys: warnings.map(warningKey), stdout: run.stdout };
}

/** Differences between the page's metrics and the evaluator's, one line each. */
export function metricMismatches(pageMetrics, evaluated) {
  const problems = [];
  const byKey = new Map();
  for (const m of pageMetrics) byKey.set(m.key, [...(byKey.get(m.key) ?? []), m]);
  for (const [key, expected] of Object.entries(evaluated)) {
    const shown = byKey.get(key);
    if (!shown) {
      problems.push(`${key}: not on the page (evaluator: ${expected})`);
      continue;
    }
    for (const el of shown) {
      if (expected === null) {
        if (el.value !== "") problems.push(`${key}: data-value ${JSON.stringify(el.value)}, evaluator: null`);
        if (!el.reason?.trim()) problems.push(`${key}: null without a data-reason`);
      } else if (el.value !== expected) {
        problems.push(`${key}: data-value ${JSON.stringify(el.value)}, evaluator: ${expected}`);
      }
    }
  }
  for (const key of byKey.keys()) {
    if (!(key in evaluated)) problems.push(`${key}: on the page but not a metric of the evaluator`);
  }
  return problems;
}

// ---------------------------------------------------------------------------------------
// Accessibility

const AXE_SOURCE = path.join(ROOT, "tests/browser/node_modules/axe-core/axe.min.js");

/**
 * Runs axe-core over the page (or an iframe's frame) as it stands: WCAG 2.x A and AA and
 * axe's best practices. Returns one line per violation and element, empty when clean.
 */
export async function axeViolations(pageOrFrame) {
  const loaded = await pageOrFrame.evaluate(() => typeof window.axe === "object");
  // Evaluated through the driver, not as a <script>: the page's CSP refuses inline scripts.
  if (!loaded) await pageOrFrame.evaluate(`${readFileSync(AXE_SOURCE, "utf8")}\n;0`);
  const violations = await pageOrFrame.evaluate(async () => {
    const result = await window.axe.run(document, {
      runOnly: { type: "tag", values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"] },
      resultTypes: ["violations"],
    });
    return result.violations.map((v) => ({ id: v.id, help: v.help, nodes: v.nodes.map((n) => n.target.join(" ")) }));
  });
  return violations.flatMap((v) => v.nodes.map((n) => `${v.id} (${v.help}): ${n}`));
}

/**
 * Opens the input group holding the field `name` the way a person does (a click on its
 * summary), so that it can be typed into. Fields kept in view need nothing.
 */
export async function revealInput(pageOrFrame, name) {
  const details = pageOrFrame.locator(`details:has([name="${name}"])`).first();
  if ((await details.count()) && !(await details.evaluate((d) => d.open))) await details.locator("summary").click();
}
