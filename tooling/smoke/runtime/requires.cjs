// Loads every package named on the command line with CommonJS `require()` (Node's
// require(esm)) and prints one JSON line: [{ name, ok, exports, error }].
const results = [];
for (const name of process.argv.slice(2)) {
  try {
    const mod = require(name);
    results.push({ name, ok: true, exports: Object.keys(mod).filter((k) => k !== '__esModule' && k !== 'module.exports').sort() });
  } catch (error) {
    results.push({ name, ok: false, exports: [], error: `${error && error.code ? error.code + ': ' : ''}${String(error && error.message || error).split('\n')[0]}` });
  }
}
console.log(JSON.stringify(results));
