// Shortens the names by which the first module imports wasm-bindgen's JavaScript glue
// (called by scripts/split-wasm.mjs, release builds only).
//
// wasm-bindgen names each browser function the Wasm calls `__wbg_NAME_<16 hex digits>`, from
// the module "./kwhich-app-<hash>_bg.js", in the Wasm's import section and in the glue's
// import object alike. Every import stays in the first module even when only a chunk calls
// it, and the hex digits do not compress: each costs the first load about 60 bytes gzipped
// (today's network alone, in its chunk, made 29 of them). Here each such import becomes
// `a`, `b`, … `$a`, … from the module "w", in both files. Nothing else refers to these
// names: the chunks import from the first module's exports, never from the glue.

const SHORT_MODULE = "w";

/** Reads an unsigned LEB128 at `bytes[at]`: `[value, next offset]`. */
function leb(bytes, at) {
  let value = 0n;
  let shift = 0n;
  for (;;) {
    const b = bytes[at++];
    if (b === undefined) throw new Error("truncated LEB128 in the Wasm");
    value |= BigInt(b & 0x7f) << shift;
    shift += 7n;
    if ((b & 0x80) === 0) return [value, at];
  }
}

function encodeLeb(n) {
  const out = [];
  let v = BigInt(n);
  do {
    let b = Number(v & 0x7fn);
    v >>= 7n;
    if (v !== 0n) b |= 0x80;
    out.push(b);
  } while (v !== 0n);
  return out;
}

const utf8 = new TextEncoder();
const fromUtf8 = new TextDecoder("utf-8", { fatal: true });

function readName(bytes, at) {
  const [len, start] = leb(bytes, at);
  const end = start + Number(len);
  return [fromUtf8.decode(bytes.subarray(start, end)), end];
}

function encodeName(name) {
  const b = utf8.encode(name);
  return [...encodeLeb(b.length), ...b];
}

// A value or reference type: one byte, or 0x63/0x64 and a heap type (signed LEB128).
function skipType(bytes, at) {
  const t = bytes[at++];
  return t === 0x63 || t === 0x64 ? leb(bytes, at)[1] : at;
}

function skipLimits(bytes, at) {
  const flags = bytes[at++];
  at = leb(bytes, at)[1];
  return flags & 1 ? leb(bytes, at)[1] : at;
}

// The end of an import's description (function, table, memory, global or tag).
function skipImportDesc(bytes, at) {
  const kind = bytes[at++];
  switch (kind) {
    case 0:
      return leb(bytes, at)[1];
    case 1:
      return skipLimits(bytes, skipType(bytes, at));
    case 2:
      return skipLimits(bytes, at);
    case 3:
      return skipType(bytes, at) + 1;
    case 4:
      return leb(bytes, at + 1)[1];
    default:
      throw new Error(`unknown import kind ${kind} in the Wasm`);
  }
}

/** `a`, `b`, … `Z`, `$`, `_`, then two characters: JavaScript identifiers, never keywords. */
function shortName(i) {
  const first = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ$_";
  const rest = first + "0123456789";
  let name = first[i % first.length];
  for (let n = Math.floor(i / first.length); n > 0; n = Math.floor((n - 1) / rest.length)) {
    name += rest[(n - 1) % rest.length];
  }
  return name;
}

const escape = (s) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/**
 * Renames the glue's imports in `wasm` (bytes) and `js` (the glue's text): returns
 * `{ wasm, js, count }`. Throws when either file does not have the shape wasm-bindgen gives
 * it (a name found other than once as a key of the import object), changing nothing.
 */
export function shortenImports(wasm, js) {
  if (wasm[0] !== 0 || wasm[1] !== 0x61 || wasm[2] !== 0x73 || wasm[3] !== 0x6d) throw new Error("not a Wasm module");
  let at = 8;
  while (at < wasm.length) {
    const id = wasm[at];
    const [size, start] = leb(wasm, at + 1);
    const end = start + Number(size);
    if (id !== 2) {
      at = end;
      continue;
    }
    // The import section: rename the entries of the glue's module.
    const [count, first] = leb(wasm, start);
    const entries = [];
    const renamed = new Map();
    let glue;
    let p = first;
    for (let i = 0n; i < count; i++) {
      let module, name;
      [module, p] = readName(wasm, p);
      [name, p] = readName(wasm, p);
      const descStart = p;
      p = skipImportDesc(wasm, p);
      const desc = wasm.subarray(descStart, p);
      if (/^\.\/kwhich-app-[0-9a-f]+_bg\.js$/.test(module)) {
        if (glue !== undefined && glue !== module) throw new Error(`two glue modules: ${glue}, ${module}`);
        glue = module;
        if (!renamed.has(name)) renamed.set(name, shortName(renamed.size));
        entries.push([...encodeName(SHORT_MODULE), ...encodeName(renamed.get(name)), ...desc]);
      } else {
        entries.push([...encodeName(module), ...encodeName(name), ...desc]);
      }
    }
    if (p !== end) throw new Error("the Wasm's import section did not parse to its end");
    if (glue === undefined) throw new Error("no import of wasm-bindgen's glue in the Wasm");

    // The glue: `NAME: function…` keys of the import object, and the object's module key.
    let text = js;
    for (const [name, short] of renamed) {
      const uses = text.match(new RegExp(`\\b${escape(name)}\\b`, "g"))?.length ?? 0;
      const key = new RegExp(`(\\n\\s*)${escape(name)}(: )`);
      if (uses !== 1 || !key.test(text)) throw new Error(`${name} is not once a key of the glue's imports (${uses} uses)`);
      // A function, so that a `$` in the name is not read as a pattern.
      text = text.replace(key, (_, before, after) => `${before}${short}${after}`);
    }
    const moduleKey = `"${glue}": `;
    if (text.split(moduleKey).length !== 2) throw new Error(`the glue does not name ${glue} once`);
    text = text.replace(moduleKey, () => `"${SHORT_MODULE}": `);

    const body = [...encodeLeb(count), ...entries.flat()];
    const section = Uint8Array.from([2, ...encodeLeb(body.length), ...body]);
    const out = new Uint8Array(at + section.length + (wasm.length - end));
    out.set(wasm.subarray(0, at), 0);
    out.set(section, at);
    out.set(wasm.subarray(end), at + section.length);
    return { wasm: out, js: text, count: renamed.size };
  }
  throw new Error("the Wasm has no import section");
}
