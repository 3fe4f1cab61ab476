"""derivations/lib."""
