// scripts/short-imports.mjs: the first module's imports of wasm-bindgen's glue get short
// names in the Wasm and the glue alike, and a glue of another shape stops the build. (No
// browser: a hand-made module; the built page itself is every other file's test.)

import assert from "node:assert/strict";
import { describe, test } from "node:test";

import { shortenImports } from "../../scripts/short-imports.mjs";

const GLUE = "./kwhich-app-0123456789abcdef_bg.js";
const SNIPPET = "./snippets/kwhich-0123/inline0.js";

const leb = (n) => {
  const out = [];
  do {
    let b = n & 0x7f;
    n >>>= 7;
    if (n) b |= 0x80;
    out.push(b);
  } while (n);
  return out;
};
const name = (s) => [...leb(Buffer.byteLength(s)), ...Buffer.from(s)];
const section = (id, body) => [id, ...leb(body.length), ...body];

/** A module importing `imports` ([module, name, kind]): functions of type () → (), a memory, a global. */
function wasm(imports) {
  const desc = { func: [0, 0], memory: [2, 0, 1], global: [3, 0x7f, 0] };
  const body = [...leb(imports.length), ...imports.flatMap(([m, n, kind]) => [...name(m), ...name(n), ...desc[kind]])];
  // The type section, the import section, then one function with an empty body (to check
  // that what follows the imports is kept).
  const types = section(1, [1, 0x60, 0, 0]);
  const funcs = section(3, [1, 0]);
  const code = section(10, [1, 2, 0, 0x0b]);
  return Uint8Array.from([0, 0x61, 0x73, 0x6d, 1, 0, 0, 0, ...types, ...section(2, body), ...funcs, ...code]);
}

const glue = (keys) => `function __wbg_get_imports() {
    const import0 = {
        __proto__: null,
${keys.map((k) => `        ${k}: function() {\n            return 1;\n        },`).join("\n")}
    };
    return {
        __proto__: null,
        "${GLUE}": import0,
        "${SNIPPET}": import1,
    };
}
`;

describe("short import names", () => {
  test("renames the glue's imports in both files, keeping every other import and section", async () => {
    const names = ["__wbg_fetch_0011223344556677", "__wbg_status_8899aabbccddeeff", "__wbindgen_init_externref_table"];
    const module = wasm([
      [GLUE, names[0], "func"],
      [SNIPPET, "now", "func"],
      [GLUE, names[1], "func"],
      [GLUE, "memory_import", "memory"],
      [GLUE, names[2], "global"],
    ]);
    const out = shortenImports(module, glue([...names, "memory_import"]));
    assert.equal(out.count, 4);
    const imports = WebAssembly.Module.imports(new WebAssembly.Module(out.wasm));
    assert.deepEqual(
      imports.map((i) => [i.module, i.name, i.kind]),
      [
        ["w", "a", "function"],
        [SNIPPET, "now", "function"],
        ["w", "b", "function"],
        ["w", "c", "memory"],
        ["w", "d", "global"],
      ],
    );
    assert.equal(WebAssembly.Module.exports(new WebAssembly.Module(out.wasm)).length, 0);
    for (const old of [...names, GLUE]) assert.ok(!out.js.includes(old), `${old} is left in the glue`);
    assert.match(out.js, /\n {8}a: function\(\)/);
    assert.match(out.js, /\n {8}d: function\(\)/);
    assert.match(out.js, /"w": import0,\n\s*"\.\/snippets\/kwhich-0123\/inline0\.js": import1/);
    assert.ok(out.wasm.length < module.length, "shorter");
  });

  test("names past the alphabet stay distinct identifiers", () => {
    const many = Array.from({ length: 200 }, (_, i) => `__wbg_f${i}_${i.toString(16).padStart(16, "0")}`);
    const out = shortenImports(wasm(many.map((n) => [GLUE, n, "func"])), glue(many));
    const short = WebAssembly.Module.imports(new WebAssembly.Module(out.wasm)).map((i) => i.name);
    assert.equal(new Set(short).size, 200);
    for (const n of short) assert.match(n, /^[A-Za-z$_][\w$]?$/);
    // Each key of the glue is the name the Wasm imports ("$" and "_" among them).
    const keys = [...out.js.matchAll(/\n {8}([\w$]+): function/g)].map((m) => m[1]);
    assert.deepEqual(keys, short);
    const imports = new Function(`const import1 = {};\n${out.js}\nreturn __wbg_get_imports();`)();
    assert.deepEqual(Object.keys(imports.w), short);
  });

  test("a glue of another shape stops the build", () => {
    const module = wasm([[GLUE, "__wbg_fetch_0011223344556677", "func"]]);
    // Used beyond its key: renaming the key alone would break the page.
    const twice = glue(["__wbg_fetch_0011223344556677"]) + "__wbg_fetch_0011223344556677();\n";
    assert.throws(() => shortenImports(module, twice), /not once a key/);
    assert.throws(() => shortenImports(module, glue(["__wbg_other_0011223344556677"])), /not once a key/);
    assert.throws(() => shortenImports(Uint8Array.from([1, 2, 3, 4]), ""), /not a Wasm module/);
    assert.throws(() => shortenImports(wasm([[SNIPPET, "now", "func"]]), glue([])), /no import of wasm-bindgen's glue/);
  });
});
