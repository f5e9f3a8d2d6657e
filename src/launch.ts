// What bin/awg loads (built into dist/awg.mjs): the bundled CLI (dist/awg.cjs) compiled with V8's code cache
// (dist/awg.cjs.cache, made at build time by a run on the fixtures), so a run neither parses the 3.7 MB
// bundle nor compiles the functions that run already ran. Node 20 has no module compile cache; vm.Script
// takes one. A cache V8 refuses (another Node version, other V8 flags) or a missing one only costs the
// compiling it would have saved.
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import vm from 'node:vm';

const file = fileURLToPath(new URL('./awg.cjs', import.meta.url));
const cacheFile = `${file}.cache`;
let cachedData: Buffer | undefined;
try {
  cachedData = fs.readFileSync(cacheFile);
} catch {
  cachedData = undefined;
}
// The same wrapper Node puts around a CommonJS module.
const script = new vm.Script(`(function (exports, require, module, __filename, __dirname) {${fs.readFileSync(file, 'utf8')}\n})`, {
  filename: file,
  ...(cachedData ? { cachedData } : {}),
  importModuleDynamically: vm.constants.USE_MAIN_CONTEXT_DEFAULT_LOADER,
});
// The build's run on the fixtures writes the cache when it ends, with the functions it compiled.
const out = process.env.AWG_WRITE_CODE_CACHE;
if (out) process.once('exit', () => fs.writeFileSync(out, script.createCachedData()));
const module = { exports: {} };
(script.runInThisContext() as (...args: unknown[]) => void).call(module.exports, module.exports, createRequire(file), module, file, path.dirname(file));
