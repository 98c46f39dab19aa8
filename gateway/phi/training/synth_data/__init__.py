"""Data for the synthetic PHI corpus generator (`gateway.phi.training.synth`).

`lexicon` holds word lists (names, places, organizations, clinical vocabulary and
hard negatives); `clinical` a large bank of unlabelled clinical phrases (ICU / nursing
charting, patients' own words); `templates` holds the document templates, grouped into
styles and template families, each family assigned to the train or the test split. Everything
here is hand-written or derived from Faker's bundled provider lists: no real patient
data.
"""
