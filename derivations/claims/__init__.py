"""derivations/claims."""
