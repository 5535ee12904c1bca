"""Golden reports: hand-built records of the sample dossiers and their expected renderings."""
