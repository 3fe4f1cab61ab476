"""derivations/latex."""
