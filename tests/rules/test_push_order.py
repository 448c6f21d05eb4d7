"""NV201, NV202: an image, chart, model or resource is pushed or uploaded before a create names it."""

from __future__ import annotations

from conftest import codes, only, span_text, where

CREATE = "ngc cf fn create --name app --inference-url /infer"


# ---- push before reference -----------------------------------------------------------------------


def test_build_create_push_reports_the_late_push():
    src = (
        "docker build -t nvcr.io/acme/app:1 .\n"
        f"{CREATE} --container-image nvcr.io/acme/app:1\n"
        "docker push nvcr.io/acme/app:1\n"
    )
    (d,) = only(src, "NV201")
    assert where(d)[:2] == (2, 70)
    assert "(line 1)" in d.message and "(line 3)" in d.message


def test_same_variable_is_the_same_image_even_when_unknown():
    src = f'IMAGE="nvcr.io/acme/app:$TAG"\ndocker build -t "$IMAGE" .\n{CREATE} --container-image "$IMAGE"\n'
    (d,) = only(src, "NV201")
    assert span_text(src, d) == '"$IMAGE"'
    assert "NV201" not in codes(src.replace("docker build", "docker buildx build --push"))


def test_a_reassigned_variable_is_not_the_same_image():
    src = f'docker build -t "nvcr.io/acme/app:$TAG" .\nTAG=2\n{CREATE} --container-image "nvcr.io/acme/app:$TAG"\n'
    assert "NV201" not in codes(src)


def test_functions_run_where_they_are_called():
    src = (
        'build() { docker build -t "$1" .; }\n'
        'push() { docker push "$1"; }\n'
        "deploy() { " + CREATE + ' --container-image "$1"; }\n'
        "build nvcr.io/acme/app:1\n"
        "deploy nvcr.io/acme/app:1\n"
        "push nvcr.io/acme/app:1\n"
    )
    (d,) = only(src, "NV201")
    assert d.line == 3 and "in push() called on line 6" in d.message
    fixed = src.replace(
        "deploy nvcr.io/acme/app:1\npush nvcr.io/acme/app:1\n", "push nvcr.io/acme/app:1\ndeploy nvcr.io/acme/app:1\n"
    )
    assert "NV201" not in codes(fixed)


def test_chart_packaged_but_not_pushed():
    src = f"helm package charts/llm --version 1.0.0\n{CREATE} --helm-chart acme/llm:1.0.0 --helm-chart-service api\n"
    (d,) = only(src, "NV202")
    assert span_text(src, d) == "acme/llm:1.0.0"
    pushed = src.replace("\nngc", "\nngc registry chart push acme/llm:1.0.0 --source llm-1.0.0.tgz\nngc", 1)
    assert "NV202" not in codes(pushed)
    assert "NV202" not in codes(src.replace("\nngc", "\nhelm push llm-1.0.0.tgz oci://registry.example.com/c\nngc"))


def test_model_override_name_is_matched_by_model():
    src = (
        "ngc registry model create acme/llama --application OTHER --framework PyTorch --format x "
        "--precision FP16 --short-desc d\n"
        f"{CREATE} --container-image nvcr.io/acme/s:1 --model weights:acme/llama:1.0\n"
    )
    assert codes(src) == ["NV202"]
    uploaded = src.replace("\nngc cf", "\nngc registry model upload-version acme/llama:1.0 --source .\nngc cf")
    assert codes(uploaded) == []


def test_resource_created_other_version_uploaded():
    src = (
        "ngc registry resource create acme/data --application OTHER --framework x --format x --precision x "
        "--short-desc d\n"
        "ngc registry resource upload-version acme/data:0.9 --source .\n"
        f"{CREATE} --container-image nvcr.io/acme/s:1 --resource acme/data:1.0\n"
    )
    assert codes(src) == ["NV202"]
