from pathlib import Path

import pytest
import yaml

from gateway.phi.recognizers import yamlfile

FILES = sorted((Path(__file__).resolve().parents[2] / "gateway" / "phi" / "recognizers").glob("*.yaml"))


@pytest.mark.parametrize("path", FILES, ids=[p.name for p in FILES])
def test_the_fast_loader_reads_each_file_as_pyyaml_does(path):
    with path.open(encoding="utf-8") as f:
        fast = yamlfile.load(f)
    with path.open(encoding="utf-8") as f:
        assert fast == yaml.safe_load(f)


def test_a_broken_file_is_a_yaml_error(tmp_path):
    bad = tmp_path / "bad.yaml"
    bad.write_text("recognizers:\n  - name: x\n   entity: [unclosed\n")
    with bad.open() as f, pytest.raises(yaml.YAMLError):
        yamlfile.load(f)
