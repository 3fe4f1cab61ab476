"""Reusable check builders that return typed outcomes.

Numeric evaluation (the one lambdify cache), the PyTorch oracle (one probe, one
thread guard), proofs by cases at kinks, grid and finite-difference checks,
sums written out, statistical acceptance. They know no claim of the report.
"""
