"""NV101-NV106: the image a function or task deploys (`--container-image`, `containerImage`)."""

from __future__ import annotations

from conftest import codes, only, span_text, where

CREATE = "ngc cf fn create --name app --inference-url /infer"


# ---- images ---------------------------------------------------------------------------------------


def test_short_form_points_at_the_image_with_an_unsafe_fix():
    src = f"{CREATE} \\\n    --container-image=vllm/vllm-openai:latest\n"
    (d,) = only(src, "NV101")
    assert where(d) == (2, 23, 2, 46)
    assert span_text(src, d) == "vllm/vllm-openai:latest"
    assert d.fix.applicability == "unsafe"
    (edit,) = d.fix.edits
    assert (edit.line, edit.column, edit.content) == (2, 23, "docker.io/")


def test_single_name_fix_adds_library():
    (d,) = only(f"{CREATE} --container-image nginx:1.27\n", "NV101")
    assert d.fix.edits[0].content == "docker.io/library/"


def test_short_form_through_a_variable_points_where_the_name_is_written():
    src = f'IMAGE="vllm/vllm-openai:latest"\n{CREATE} --container-image "$IMAGE"\n'
    (d,) = only(src, "NV101")
    assert where(d) == (1, 8, 1, 31)


def test_short_form_in_a_default_value():
    src = f'{CREATE} --container-image "${{IMAGE:-vllm/vllm-openai:v1}}"\n'
    (d,) = only(src, "NV101")
    assert span_text(src, d) == "vllm/vllm-openai:v1"


def test_known_org_makes_it_implicit_ngc():
    assert codes(f"{CREATE} --container-image acme/app:1 --org acme\n") == ["NV102"]
    assert codes(f"docker push nvcr.io/acme/app:1\n{CREATE} --container-image acme/app:1\n") == ["NV102"]
    assert codes(f"{CREATE} --container-image acme/app:1\n", ngc_orgs={"acme"}) == ["NV102"]


def test_ngc_cli_org_from_environment(monkeypatch):
    monkeypatch.setenv("NGC_CLI_ORG", "acme")
    assert codes(f"{CREATE} --container-image acme/app:1\n") == ["NV102"]


def test_implicit_ngc_without_tag_is_also_missing_tag():
    assert sorted(codes(f"{CREATE} --container-image acme/app --org acme\n")) == ["NV102", "NV106"]


def test_missing_tag_with_unknown_org():
    assert codes(f'{CREATE} --container-image "nvcr.io/$ORG/app"\n') == ["NV106"]


def test_allowed_registries_setting():
    src = f"{CREATE} --container-image registry.example.com/app:1\n"
    assert codes(src) == ["NV105"]
    assert codes(src, allowed_registries={"registry.example.com"}) == []


def test_task_images_are_checked():
    src = (
        "ngc cf task create --name t --gpu-specification L40:gl40_1.br20_2xlarge --result-handling-strategy NONE "
        "--container-image vllm/vllm-openai:latest\n"
    )
    assert codes(src) == ["NV101"]


def test_images_outside_nvcf_commands_are_not_deployed():
    assert codes("docker run vllm/vllm-openai:latest\ndocker pull nginx\n") == []
