"""Training data and tooling for medgate's PHI detector.

`gateway.phi.training.synth` generates deterministic, synthetic clinical text with
labelled PHI spans (kinds from `gateway.phi.kinds`) for training the compact NER
model, for the detector's "unseen realistic clinical text" benchmark, and for tests:

    from gateway.phi.training.synth import generate
    docs = list(generate(2000, seed=7, split="test"))

    python -m gateway.phi.training.synth --split test --n 2000 --seed 7 --out test.jsonl
"""
