// The Content-Security-Policy that scripts/post-build.mjs writes into index.html: what it
// allows, that it matches the inline scripts of the build (and Trunk's integrity attributes
// still match their files), and that the browser enforces it. Every browser test also fails
// on any `securitypolicyviolation` (support.mjs), so the page, the embed and the sub-path
// build all run under it with zero violations.

import assert from "node:assert/strict";
import { createHash } from "node:crypto";
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { before, describe, test } from "node:test";

import { DIST, ROOT, cspOf, openApp, requireDist, useBrowser, withPage } from "./support.mjs";

const SUBPATH_DIST = process.env.KWHICH_SUBPATH_DIST ? path.resolve(ROOT, process.env.KWHICH_SUBPATH_DIST) : null;
const builds = [DIST, ...(SUBPATH_DIST && existsSync(path.join(SUBPATH_DIST, "index.html")) ? [SUBPATH_DIST] : [])];

const directives = (csp) => Object.fromEntries(csp.split(/\s*;\s*/).filter(Boolean).map((d) => [d.split(" ")[0], d.split(" ").slice(1)]));

describe("Content-Security-Policy of the build", () => {
  before(() => requireDist());

  for (const dist of builds) {
    const name = path.relative(ROOT, dist);
    test(`${name}: the policy holds the inline scripts' hashes and nothing looser`, () => {
      const html = readFileSync(path.join(dist, "index.html"), "utf8");
      const csp = cspOf(dist);
      assert.ok(csp, "a <meta http-equiv=Content-Security-Policy> in index.html");
      // Before any script or link: a policy governs only what follows it.
      assert.ok(html.indexOf("Content-Security-Policy") < html.search(/<script|<link/), "the policy comes first");
      const d = directives(csp);
      assert.deepEqual(d["default-src"], ["'self'"]);
      assert.deepEqual(d["img-src"], ["'self'", "data:"]);
      assert.deepEqual(d["base-uri"], ["'self'"]);
      assert.deepEqual(d["form-action"], ["'none'"]);
      assert.equal(d["connect-src"][0], "'self'");
      assert.equal(d["connect-src"].length, 2, "the page's origin and the API's");
      assert.doesNotMatch(csp, /'unsafe-inline'|'unsafe-eval'|\*/);
      const inline = [...html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/g)].filter(([, a]) => !/\bsrc=/.test(a));
      assert.ok(inline.length >= 2, "Trunk's loader and the error handler");
      const hashes = inline.map(([, , body]) => `'sha256-${createHash("sha256").update(body).digest("base64")}'`);
      assert.deepEqual(d["script-src"].sort(), ["'self'", "'wasm-unsafe-eval'", ...new Set(hashes)].sort());
    });

    test(`${name}: every integrity attribute matches its file`, () => {
      const html = readFileSync(path.join(dist, "index.html"), "utf8");
      const tags = [...html.matchAll(/<link\b[^>]*\bintegrity="([^"]+)"[^>]*>/g)];
      assert.ok(tags.length >= 2, "Trunk's preloads carry integrity");
      for (const [tag, integrity] of tags) {
        const href = /\bhref="([^"]+)"/.exec(tag)[1].replace(/^\/kwhich\//, "").replace(/^\.?\//, "");
        const [algo, digest] = integrity.split("-");
        const actual = createHash(algo).update(readFileSync(path.join(dist, href))).digest("base64");
        assert.equal(actual, digest, `${href}: ${integrity}`);
      }
    });
  }
});

describe("the browser enforces the policy", () => {
  const app = useBrowser();

  test("an injected inline script is refused, and support.mjs's listener reports it", async () => {
    await withPage(app.browser, "csp injected script", async ({ page, errors }) => {
      await openApp(page, app.server.url, "?kwh=0.03");
      const ran = await page.evaluate(async () => {
        const s = document.createElement("script");
        s.textContent = "window.__injected = true;";
        document.head.append(s);
        const holder = document.createElement("div");
        holder.innerHTML = '<img src="data:," onerror="window.__injected = true">';
        document.body.append(holder);
        await new Promise((r) => setTimeout(r, 300));
        return window.__injected === true;
      });
      assert.equal(ran, false, "the injected code did not run");
      const violations = () => errors.filter((e) => e.startsWith("CSP violation: "));
      for (let i = 0; i < 50 && violations().length < 2; i++) await page.waitForTimeout(100);
      const seen = violations().map((e) => e.split(" ")[2]).sort();
      assert.deepEqual(seen, ["script-src-attr", "script-src-elem"], errors.join("\n"));
      // Provoked on purpose (with the console's own "Refused to execute" lines): not this test's failure.
      assert.ok(errors.every((e) => /CSP violation|Content Security Policy/.test(e)), errors.join("\n"));
      errors.splice(0);
    });
  });

  test("a page that breaks no rule records no violation (the listener works)", async () => {
    await withPage(app.browser, "csp clean", async ({ page, errors }) => {
      await openApp(page, app.server.url, "?v=1&asic=s21xp");
      await page.getByRole("button", { name: "Embed" }).click();
      await page.locator("#embed-code").waitFor();
      assert.equal(errors.length, 0, errors.join("\n"));
    });
  });
});
