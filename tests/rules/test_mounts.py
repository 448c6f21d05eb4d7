"""NV401-NV403: the paths where NVCF mounts models and resources."""

from __future__ import annotations

import pytest
from conftest import codes, lint, span_text

CREATE = "ngc cf fn create --name app --inference-url /infer"


# ---- mount paths ---------------------------------------------------------------------------------


def nvcf(env: str, attach: str = "--model acme/llama:1.0") -> str:
    return f"{CREATE} --container-image nvcr.io/acme/s:1 {attach} --container-environment-variable {env}\n"


@pytest.mark.parametrize(
    "path",
    [
        "/mount/model/llama/1.0",
        "/mount/Models/llama/1.0",
        "/mounts/models/llama/1.0",
        "/mount/resource/x/1",
        "/mount/modles/llama/1.0",
    ],
)
def test_misspelt_mount_paths_anywhere(path):
    (d,) = lint(f'MODEL_DIR={path}\npython serve.py --dir "$MODEL_DIR"\n')
    assert d.code == "NV401" and d.line == 1 and d.column == 11


def test_mount_cache_in_an_ngc_file():
    assert codes("docker push nvcr.io/acme/app:1\nls /mount/cache\n") == ["NV401"]


def test_mount_layout_setting():
    assert codes(nvcf("D:/config/models/llama"), mount_layout="mount") == ["NV401"]
    assert codes(nvcf("D:/mount/models/llama/1.0"), mount_layout="config") == ["NV401"]
    assert codes(nvcf("D:/mount/models/llama"), mount_layout="mount") == ["NV401"]
    assert codes(nvcf("D:/mount/models/llama")) == []


def test_mount_path_not_attached_points_at_the_name():
    src = nvcf("MODEL:/mount/models/mistral/1.0")
    (d,) = lint(src)
    assert d.code == "NV402" and span_text(src, d) == "mistral"


def test_kind_mismatch():
    src = nvcf("D:/mount/resources/llama/1.0")
    (d,) = lint(src)
    assert d.code == "NV403" and span_text(src, d) == "resources"
