// kWhich from JavaScript: the ES module built beside the page (scripts/model-js.mjs, crate
// js/) imported in Node as a notebook would import it, and each of its functions checked
// against the evaluator: `evaluate(link)` is JSON.parse of what `kwhich eval LINK` prints,
// `compare` the comparison report, `projection` its "projection". No browser: the module
// is the same file a browser fetches.

import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { before, describe, test } from "node:test";
import { pathToFileURL } from "node:url";

import { DIST, ROOT, evaluatorPath, requireDist } from "./support.mjs";

/** `kwhich eval LINK` as JavaScript reads it. */
function evaluated(link) {
  const run = spawnSync(evaluatorPath(), ["eval", link], { cwd: ROOT, encoding: "utf8" });
  assert.equal(run.status, 0, run.stderr);
  return JSON.parse(run.stdout);
}

// Every 16th link of the corpus of published links (singles and comparisons, bad keys,
// presets, display keys), and a few written here.
const corpus = readFileSync(path.join(ROOT, "tests/fixtures/corpus/links.txt"), "utf8").split("\n");
const LINKS = [
  ...corpus.filter((_, i) => i % 16 === 0),
  "",
  "https://example.org/kwhich/?v=1&kwh=0.035&asic=s19jpro&b.kwh=0.05",
  "?cmp=1&mo=6",
  "?btc=abc&zz=1&kwh=0.03",
  "?bt=2019-05&btcap=30&life=3",
  "?lang=ar&title=%D9%85%D9%82%D8%A7%D8%B1%D9%86%D8%A9",
  "?kwh=0.04&b.kwh=0.03&c.asic=s19xp&d.cmp=1",
];

describe("kwhich-model.js", () => {
  let model;
  before(async () => {
    requireDist();
    const file = path.join(DIST, "kwhich-model.js");
    assert.ok(existsSync(file), `${file} is missing: the build writes it (scripts/model-js.mjs)`);
    assert.ok(existsSync(path.join(DIST, "kwhich-model_bg.wasm")), "its Wasm is beside it");
    model = await import(pathToFileURL(file).href);
  });

  test("exports evaluate, compare and projection, ready on import", () => {
    assert.deepEqual(Object.keys(model).filter((k) => typeof model[k] === "function").sort(), [
      "compare",
      "default",
      "evaluate",
      "initSync",
      "projection",
    ]);
  });

  test(`evaluate(link) equals kwhich eval for ${LINKS.length} links`, () => {
    let comparisons = 0;
    for (const link of LINKS) {
      const want = evaluated(link);
      const got = model.evaluate(link);
      assert.equal(Object.getPrototypeOf(got), Object.prototype, "a plain object");
      assert.deepStrictEqual(got, want, `evaluate(${JSON.stringify(link)})`);
      if ("differences" in want) comparisons += 1;
    }
    assert.ok(comparisons >= 3, `${comparisons} comparison links among them`);
  });

  test("compare(link) is the comparison report; a single scenario against itself", () => {
    const link = "?kwh=0.05&b.kwh=0.03&b.asic=s19jpro";
    assert.deepStrictEqual(model.compare(link), evaluated(link));
    const self = model.compare("?kwh=0.04");
    assert.deepStrictEqual(self, evaluated("?kwh=0.04&cmp=1"));
    assert.equal(self.differences.mining_margin_usd_per_kwh, 0);
    const four = "?kwh=0.05&b.kwh=0.03&c.kwh=0.04&d.asic=s19jpro";
    const report = model.compare(four);
    assert.deepStrictEqual(report, evaluated(four));
    assert.deepStrictEqual(Object.keys(report), [
      "a", "b", "c", "d", "differences", "differences_c", "differences_d", "warnings",
    ]);
  });

  test("projection(link) is the report's projection, each side's for a comparison", () => {
    const one = "?mo=24&dg=3";
    assert.deepStrictEqual(model.projection(one), evaluated(one).projection);
    assert.equal(model.projection(one).length, 25);
    const two = "?mo=12&b.mo=36";
    const both = evaluated(two);
    assert.deepStrictEqual(model.projection(two), { a: both.a.projection, b: both.b.projection });
    const three = "?mo=12&b.mo=36&c.mo=6";
    const all = evaluated(three);
    assert.deepStrictEqual(model.projection(three), {
      a: all.a.projection, b: all.b.projection, c: all.c.projection,
    });
  });
});
