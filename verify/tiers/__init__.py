"""The tiers of checking, one module each: symbolic, sampled (with brute force), certified, oracle."""
