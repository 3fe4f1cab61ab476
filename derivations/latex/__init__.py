"""The LaTeX front: formulas read into SymPy as written (rules -> normalise -> parser -> front).

Everything enters through :mod:`.front` (``parse``, ``parse_chain``, ``parse_shape``).
"""
