"""Claims: one per number that states something, with its unit, subject, hardware, modality and source."""
