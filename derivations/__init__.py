"""The mathematics of convproof: the library, the LaTeX front, the checks and the report's claims.

Installed as ``convproof.derivations``. Its subpackages depend one way:
``claims`` -> ``checks`` -> ``lib`` -> (``latex``, ``claim``, ``errors``).
Users import the helpers from ``convproof`` itself.
"""
