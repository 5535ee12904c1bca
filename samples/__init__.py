"""Synthetic specimen documents and sample dossiers for dossier_check.

Everything here is invented: people, issuers, numbers. See README.md.
"""
