"""dossier_check: check a folder of scanned documents before it goes to the CPAM."""

__version__ = "0.1.0"
