// Imports every package named on the command line with ESM `import()` and prints one JSON
// line: [{ name, ok, exports, error }]. Runs unchanged under Node, Bun and Deno.
const names = globalThis.Deno ? globalThis.Deno.args : process.argv.slice(2);
const results = [];
for (const name of names) {
  try {
    const mod = await import(name);
    results.push({ name, ok: true, exports: Object.keys(mod).sort() });
  } catch (error) {
    results.push({ name, ok: false, exports: [], error: String(error?.stack ?? error).split('\n').slice(0, 3).join(' | ') });
  }
}
console.log(JSON.stringify(results));
