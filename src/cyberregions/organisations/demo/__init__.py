"""A deterministic, realistic demo cybersecurity ecosystem for the EU-27 (pure Python).

``generator.generate_ecosystem()`` yields ``OrganisationRecord`` objects; ``places`` holds the
cities, ``names`` the locale-appropriate name parts and legal forms, ``prose`` the text
templates. No Django import here: the Django loader consumes the records.
"""
