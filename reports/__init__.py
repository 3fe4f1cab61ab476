"""convproof's reports: the LaTeX/PDF audit of the report, and the ``convproof`` command."""
