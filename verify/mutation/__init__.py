"""Mutation testing of the verifier: plausible wrong references, which the checks must refute.

``python -m convproof.verify.mutation.run --only dilated`` runs it on one topic.
"""
