"""The tables bench/load.py prints and writes into bench/README.md: each page type's figures at one size on one
engine, and the targets of the large size against demo size."""

# ruff: noqa: S603, S607, T201  (asks this machine's own tools for their versions)

import os
import shutil
import subprocess
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


# --- Tables --------------------------------------------------------------------------------------------


def format_row(name, row):
    u, c = row["uncached"], row["cached"]
    return (
        f"| {name} | `{row['path']}` | {u['rps']:.0f} | {u['p50']:.0f} | {u['p95']:.0f} | {row['single_p95']:.0f} |"
        f" {c['rps']:.0f} | {c['p95']:.1f} | {row['errors']} |"
    )


def page_table(title, rows):
    lines = [
        f"**{title}**, {rows['commitments']:,} published commitments ({rows['at']}; load average"
        f" {rows['load_before']} before, {rows['load_after']} after)",
        "",
        "| page | URL | uncached req/s | p50 ms | p95 ms | single-client p95 ms | cached req/s | cached p95 ms"
        " | errors or non-2xx |",
        "| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |",
    ]
    for name, row in rows.items():
        if isinstance(row, dict) and "uncached" in row:
            lines.append(format_row(name, row))
    static = rows["static file"]
    lines.append(
        f"| static file (physical limit) | `{static['path']}` | | | | | {static['cached']['rps']:.0f} |"
        f" {static['cached']['p95']:.1f} | {static['cached']['errors']} |"
    )
    return "\n".join(lines)


def targets_table(engine, results):
    """The issue's targets at 100k on one engine, page by page."""
    demo, big = results.get((engine, "demo")), results.get((engine, "100k"))
    if not demo or not big:
        return ""
    static = big["static file"]["cached"]["rps"]
    lines = [
        f"**Targets, {engine}**, at {big['commitments']:,} commitments against {demo['commitments']:,}: single-client"
        f" p95 <= 50 ms uncached; req/s at the large size >= half of demo size; cached req/s >= half of the"
        f" static file's ({static:.0f} req/s)",
        "",
        "| page | single-client p95 ms | req/s demo | req/s large | large/demo | cached req/s | cached/static"
        " | misses |",
        "| --- | ---: | ---: | ---: | ---: | ---: | ---: | --- |",
    ]
    for name, row in big.items():
        if not (isinstance(row, dict) and "uncached" in row and name in demo):
            continue
        ratio = row["uncached"]["rps"] / max(demo[name]["uncached"]["rps"], 0.1)
        cached_ratio = row["cached"]["rps"] / max(static, 0.1)
        misses = []
        if row["single_p95"] > 50:  # noqa: PLR2004
            misses.append(f"p95 +{row['single_p95'] - 50:.0f} ms")
        if ratio < 0.5:  # noqa: PLR2004
            misses.append(f"req/s {ratio:.2f}x of demo")
        if cached_ratio < 0.5:  # noqa: PLR2004
            misses.append(f"cached {cached_ratio:.2f}x of static")
        lines.append(
            f"| {name} | {row['single_p95']:.0f} | {demo[name]['uncached']['rps']:.0f} | {row['uncached']['rps']:.0f}"
            f" | {ratio:.2f} | {row['cached']['rps']:.0f} | {cached_ratio:.2f} | {', '.join(misses) or 'none'} |"
        )
    return "\n".join(lines)


README_BEGIN = "<!-- bench/load.py: begin -->"
README_END = "<!-- bench/load.py: end -->"


def write_readme(text):
    readme = ROOT / "bench" / "README.md"
    content = readme.read_text()
    begin, end = content.index(README_BEGIN) + len(README_BEGIN), content.index(README_END)
    readme.write_text(content[:begin] + "\n" + text + "\n" + content[end:])


def machine_facts():
    cpus = os.cpu_count()
    versions = []
    for command in (["psql", "--version"], ["varnishd", "-V"], ["wrk", "-v"]):
        if shutil.which(command[0]) or Path("/usr/sbin", command[0]).exists():
            run = subprocess.run(command, capture_output=True, text=True)
            versions += (run.stdout + run.stderr).strip().splitlines()[:1]
    return f"{cpus} CPUs; " + "; ".join(versions)
