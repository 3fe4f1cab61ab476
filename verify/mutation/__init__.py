"""verify/mutation."""
