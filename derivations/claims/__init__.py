"""The homework's claims as the vendored report states them, a module or package per topic.

A claim id's prefix is its topic module's ``TOPIC``; :mod:`.registry` lists the
topics and builds every claim on first use; :mod:`.catalogue` accounts for every
formula of the report; :mod:`.vendored` holds the report itself.
"""
