"""Benchmarks: speed and memory at several corpus sizes, the vector and lexical side at up to
10^6 chunks, and throughput over loopback HTTP. Figures are printed and written as JSON, never
asserted; only the CLI's `bench` command imports it.
"""
from .report import bench_lines, merge_reports, write_report
from .run import run_bench

__all__ = ["run_bench", "bench_lines", "merge_reports", "write_report"]
