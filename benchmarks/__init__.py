"""Benchmarks of speed and memory, each measured against a floor taken in the same run."""
