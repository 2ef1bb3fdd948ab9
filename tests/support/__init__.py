"""Helpers shared by the tests: site builds, submission trees, HTML blocks, the browser."""
