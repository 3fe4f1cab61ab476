"""Reusable mathematics: geometry, layer tables, activations, bounds, metrics, layers in NumPy.

Nothing here knows the report: no claim, no report text. The public helpers are
exported by ``convproof`` itself (``from convproof import layer_table``).
"""
