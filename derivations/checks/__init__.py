"""derivations/checks."""
