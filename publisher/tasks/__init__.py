"""Command-line tasks that nox runs around Sphinx: the whole build, the benchmarks, Lighthouse."""
