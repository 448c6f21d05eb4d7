"""Each rule on the cases users write: what it reports, where, and what it must leave alone."""

from __future__ import annotations

import pytest
from conftest import codes, lint, only, span_text, where

CREATE = "ngc cf fn create --name app --inference-url /infer"


# ---- images ---------------------------------------------------------------------------------------

@pytest.mark.parametrize("image,code", [
    ("vllm/vllm-openai:latest", "NV101"),
    ("nginx:1.27", "NV101"),
    ("nginx", "NV101"),
    ("docker.io/nginx:1.27", "NV103"),
    ("ghcr.io/acme/app:1", "NV105"),
    ("quay.io/acme/app:1", "NV105"),
    ("localhost:5000/app:1", "NV105"),
    ("nvcr.io/acme/app", "NV106"),
])
def test_image_rules_fire(image, code):
    assert codes(f"{CREATE} --container-image {image}\n") == [code]


@pytest.mark.parametrize("image", [
    "docker.io/vllm/vllm-openai:latest",
    "docker.io/library/nginx:1.27",
    "nvcr.io/acme/app:1.0",
    "nvcr.io/acme/team/app:1.0",
    "nvcr.io/acme/app@sha256:" + "a" * 64,
    "123456789012.dkr.ecr.us-east-1.amazonaws.com/app:1",
    "public.ecr.aws/acme/app:1",
    "myregistry.azurecr.io/app:1",
    "acme.cr.volces.com/app/x:1",
    "'$IMAGE'",  # single-quoted: literal text `$IMAGE`, which is no image reference we can judge
    '"$IMAGE"',
    '"${REGISTRY}/app:1"',
    '"$ORG/app:1"',
    '"nvcr.io/acme/app:$TAG"',
    '"nvcr.io/acme/app$SUFFIX"',
])
def test_image_rules_stay_silent(image):
    assert [c for c in codes(f"{CREATE} --container-image {image}\n") if c.startswith("NV1")] == []


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
    src = ("ngc cf task create --name t --gpu-specification L40:gl40_1.br20_2xlarge --result-handling-strategy NONE "
           "--container-image vllm/vllm-openai:latest\n")
    assert codes(src) == ["NV101"]


def test_images_outside_nvcf_commands_are_not_deployed():
    assert codes("docker run vllm/vllm-openai:latest\ndocker pull nginx\n") == []


# ---- push before reference -----------------------------------------------------------------------

def test_build_create_push_reports_the_late_push():
    src = ("docker build -t nvcr.io/acme/app:1 .\n"
           f"{CREATE} --container-image nvcr.io/acme/app:1\n"
           "docker push nvcr.io/acme/app:1\n")
    (d,) = only(src, "NV201")
    assert where(d)[:2] == (2, 70)
    assert "(line 1)" in d.message and "(line 3)" in d.message


@pytest.mark.parametrize("script", [
    "docker build -t nvcr.io/acme/app:1 .\ndocker push nvcr.io/acme/app:1\n",
    "docker buildx build --push -t nvcr.io/acme/app:1 .\n",
    "docker buildx build -t nvcr.io/acme/app:1 --output type=registry .\n",
    "podman build -t nvcr.io/acme/app:1 . && podman push nvcr.io/acme/app:1\n",
    "docker build -t app:1 .\ndocker tag app:1 nvcr.io/acme/app:1\ndocker push nvcr.io/acme/app:1\n",
    "docker build -t nvcr.io/acme/app:1 .\nngc registry image push acme/app:1\n",
    "docker build -t nvcr.io/acme/app:1 .\nskopeo copy docker-daemon:nvcr.io/acme/app:1 docker://nvcr.io/acme/app:1\n",
    "docker build -t nvcr.io/acme/app:1 .\ndocker push \"$1\"\n",  # an unknown push may be this one
    "docker build -t nvcr.io/acme/app:1 .\ndocker compose push\n",
    "docker push nvcr.io/acme/app:1\n",  # not built here: nothing to say
    "",
])
def test_pushed_or_unknown_images_are_fine(script):
    assert "NV201" not in codes(script + f"{CREATE} --container-image nvcr.io/acme/app:1\n")


def test_same_variable_is_the_same_image_even_when_unknown():
    src = ('IMAGE="nvcr.io/acme/app:$TAG"\n'
           'docker build -t "$IMAGE" .\n'
           f'{CREATE} --container-image "$IMAGE"\n')
    (d,) = only(src, "NV201")
    assert span_text(src, d) == '"$IMAGE"'
    assert "NV201" not in codes(src.replace("docker build", "docker buildx build --push"))


def test_a_reassigned_variable_is_not_the_same_image():
    src = ('docker build -t "nvcr.io/acme/app:$TAG" .\n'
           'TAG=2\n'
           f'{CREATE} --container-image "nvcr.io/acme/app:$TAG"\n')
    assert "NV201" not in codes(src)


def test_functions_run_where_they_are_called():
    src = ("build() { docker build -t \"$1\" .; }\n"
           "push() { docker push \"$1\"; }\n"
           "deploy() { " + CREATE + " --container-image \"$1\"; }\n"
           "build nvcr.io/acme/app:1\n"
           "deploy nvcr.io/acme/app:1\n"
           "push nvcr.io/acme/app:1\n")
    (d,) = only(src, "NV201")
    assert d.line == 3 and "in push() called on line 6" in d.message
    fixed = src.replace("deploy nvcr.io/acme/app:1\npush nvcr.io/acme/app:1\n",
                        "push nvcr.io/acme/app:1\ndeploy nvcr.io/acme/app:1\n")
    assert "NV201" not in codes(fixed)


def test_chart_packaged_but_not_pushed():
    src = ("helm package charts/llm --version 1.0.0\n"
           f"{CREATE} --helm-chart acme/llm:1.0.0 --helm-chart-service api\n")
    (d,) = only(src, "NV202")
    assert span_text(src, d) == "acme/llm:1.0.0"
    pushed = src.replace("\nngc", "\nngc registry chart push acme/llm:1.0.0 --source llm-1.0.0.tgz\nngc", 1)
    assert "NV202" not in codes(pushed)
    assert "NV202" not in codes(src.replace("\nngc", "\nhelm push llm-1.0.0.tgz oci://registry.example.com/c\nngc"))


def test_model_override_name_is_matched_by_model():
    src = ("ngc registry model create acme/llama --application OTHER --framework PyTorch --format x "
           "--precision FP16 --short-desc d\n"
           f"{CREATE} --container-image nvcr.io/acme/s:1 --model weights:acme/llama:1.0\n")
    assert codes(src) == ["NV202"]
    uploaded = src.replace("\nngc cf", "\nngc registry model upload-version acme/llama:1.0 --source .\nngc cf")
    assert codes(uploaded) == []


def test_resource_created_other_version_uploaded():
    src = ("ngc registry resource create acme/data --application OTHER --framework x --format x --precision x "
           "--short-desc d\n"
           "ngc registry resource upload-version acme/data:0.9 --source .\n"
           f"{CREATE} --container-image nvcr.io/acme/s:1 --resource acme/data:1.0\n")
    assert codes(src) == ["NV202"]


# ---- logins --------------------------------------------------------------------------------------

@pytest.mark.parametrize("script", [
    "echo \"$NGC_API_KEY\" | docker login nvcr.io -u '$oauthtoken' --password-stdin\n",
    "docker login nvcr.io -u \\$oauthtoken --password-stdin <<< \"$NGC_API_KEY\"\n",
    "docker login nvcr.io --username=\"\\$oauthtoken\" --password-stdin < key\n",
    "docker login nvcr.io --username '$oauthtoken'\n",
    "docker login -u \"$DOCKER_USER\" -p \"$DOCKER_PASSWORD\"\n",
    "docker login ghcr.io -u octocat -p \"$GITHUB_TOKEN\"\n",
    "oauthtoken='$oauthtoken'\ndocker login nvcr.io -u \"$oauthtoken\" --password-stdin < key\n",
    "helm repo add ngc https://helm.ngc.nvidia.com/acme --username='$oauthtoken' --password-stdin < key\n",
    "echo 'use $oauthtoken as the username'\n",
    "cat <<'EOF' > login.txt\ndocker login nvcr.io -u $oauthtoken\nEOF\n",
])
def test_correct_logins_are_silent(script):
    assert codes(script) == []


@pytest.mark.parametrize("script,expected", [
    ("docker login nvcr.io -u oauthtoken --password-stdin < key\n", ["NV301"]),
    ("docker login nvcr.io -u myuser --password-stdin < key\n", ["NV301"]),
    ("podman login -u admin nvcr.io\n", ["NV301"]),
    ("kubectl create secret docker-registry ngc --docker-server=nvcr.io --docker-username=oauthtoken "
     "--docker-password-file=x\n", ["NV301"]),
    ("docker login nvcr.io -u $oauthtoken --password-stdin < key\n", ["NV302"]),
    ("docker login nvcr.io -u \"${oauthtoken}\" --password-stdin < key\n", ["NV302"]),
    ("helm repo add ngc https://helm.ngc.nvidia.com/acme --username=$oauthtoken --password-stdin < key\n",
     ["NV302"]),
    ("cat <<EOF > login.sh\ndocker login nvcr.io -u '$oauthtoken'\nEOF\n", ["NV302"]),
    ("cat <<'EOF' > login.sh\ndocker login nvcr.io -u $oauthtoken\nEOF\n", ["NV302"]),
    ("docker login nvcr.io -u '$oauthtoken' -p \"$NGC_API_KEY\"\n", ["NV303"]),
    ("docker login -u '$oauthtoken' --password=\"$KEY\" nvcr.io\n", ["NV303"]),
    ("helm repo add ngc https://helm.ngc.nvidia.com/acme --username='$oauthtoken' --password=$NGC_API_KEY\n",
     ["NV303"]),
    ("kubectl create secret docker-registry ngc --docker-server=nvcr.io --docker-username='$oauthtoken' "
     "--docker-password=$NGC_API_KEY\n", []),
    ("skopeo copy --dest-creds '$oauthtoken':$NGC_API_KEY docker-archive:a.tar docker://nvcr.io/acme/app:1\n",
     ["NV303"]),
    ("echo \"$NGC_API_KEY\" | docker login -u '$oauthtoken' --password-stdin\n", ["NV304"]),
    ("echo \"$NGC_API_KEY\" | docker login -u someone --password-stdin\n", ["NV304"]),
    ("docker login -u x --password-stdin <<< \"${NVCRIO_TOKEN}\"\n", ["NV304"]),
    ("printf '%s' \"$NGC_CLI_API_KEY\" | sudo docker login --username '$oauthtoken' --password-stdin\n",
     ["NV304"]),
])
def test_login_mistakes(script, expected):
    assert codes(script) == expected


def test_oauthtoken_fix_single_quotes_the_word():
    src = "docker login nvcr.io -u \"$oauthtoken\" --password-stdin < key\n"
    (d,) = only(src, "NV302")
    assert span_text(src, d) == "$oauthtoken"
    (edit,) = d.fix.edits
    assert (edit.column, edit.end_column, edit.content) == (25, 38, "'$oauthtoken'")


def test_oauthtoken_fix_escapes_inside_a_larger_word():
    src = "docker login nvcr.io \"--username=$oauthtoken\" --password-stdin < key\n"
    (d,) = only(src, "NV302")
    assert d.fix.edits[0].content == "\\$oauthtoken"
    assert span_text(src, d) == "$oauthtoken"


def test_inner_shell_expands_oauthtoken_at_the_inner_position():
    src = "sudo bash -c 'echo \"$KEY\" | docker login nvcr.io -u \"$oauthtoken\" --password-stdin'\n"
    (d,) = only(src, "NV302")
    assert span_text(src, d) == "$oauthtoken"
    assert where(d) == (1, 54, 1, 65)


def test_outer_double_quotes_expand_before_the_inner_shell():
    src = "ssh deploy@host \"docker login nvcr.io -u '$oauthtoken' --password-stdin < key\"\n"
    (d,) = only(src, "NV302")
    assert "double quotes" in d.message
    assert codes("ssh deploy@host \"docker login nvcr.io -u '\\$oauthtoken' --password-stdin < key\"\n") == []


def test_nvcr_login_username_fix():
    src = "docker login nvcr.io -u oauthtoken --password-stdin < key\n"
    (d,) = only(src, "NV301")
    assert span_text(src, d) == "oauthtoken"
    assert d.fix.edits[0].content == "'$oauthtoken'"
    assert only("docker login nvcr.io -u admin --password-stdin < key\n", "NV301")[0].fix is None


def test_password_message_never_contains_the_key():
    src = f"docker login nvcr.io -u '$oauthtoken' -p {KEY}\n"
    found = lint(src)
    assert sorted(d.code for d in found) == ["NV303", "NV305"]
    for d in found:
        assert KEY[6:] not in d.message


# ---- API keys ------------------------------------------------------------------------------------

KEY = "nvapi-" + "LRnwmRdsya_X1yy3FnAh0pF3iZpgdI1UlBmcKk_h5r8RM121_ZV1I0ElG-Hml0T_"


def test_key_in_a_comment():
    src = f"#!/bin/sh\n# old key: {KEY}\necho hi\n"
    (d,) = lint(src)
    assert (d.code, d.line, d.column, d.end_column) == ("NV305", 2, 12, 12 + len(KEY))
    assert "nvapi-****" in d.message and KEY[6:20] not in d.message


@pytest.mark.parametrize("placeholder", [
    "nvapi-xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx", "nvapi-YOUR_API_KEY_GOES_HERE_123", "nvapi-...",
    "nvapi-XXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXX", "nvapi-<your-key>",
])
def test_placeholders_are_not_keys(placeholder):
    assert codes(f"export NGC_API_KEY={placeholder}\n") == []


# ---- mount paths ---------------------------------------------------------------------------------

def nvcf(env: str, attach: str = "--model acme/llama:1.0") -> str:
    return f"{CREATE} --container-image nvcr.io/acme/s:1 {attach} --container-environment-variable {env}\n"


@pytest.mark.parametrize("path", [
    "/mount/model/llama/1.0", "/mount/Models/llama/1.0", "/mounts/models/llama/1.0", "/mount/resource/x/1",
    "/mount/modles/llama/1.0",
])
def test_misspelt_mount_paths_anywhere(path):
    (d,) = lint(f"MODEL_DIR={path}\npython serve.py --dir \"$MODEL_DIR\"\n")
    assert d.code == "NV401" and d.line == 1 and d.column == 11


@pytest.mark.parametrize("env", [
    "D:/mount/cache", "D:/config/model/llama", "D:/config/Resources/x",
])
def test_nvcf_values_are_judged_more_strictly(env):
    assert codes(nvcf(env)) == ["NV401"]


@pytest.mark.parametrize("script", [
    "cp -r /mount/data /tmp\n",  # not an NGC file: /mount/data is somebody's mount
    "ls /config/model\n",
    "ls /mnt/models/x\n",
    "ls /mount/models /mount/resources /mount/models/llama/1.0/config.json\n",
    nvcf("D:/mount/models/llama/1.0"),
    nvcf("D:/mount/models/llama/1.0/tokenizer"),
    nvcf("D:/config/models/llama"),
    nvcf("D:/config/models"),
    nvcf("D:/opt/config/model/x"),
])
def test_well_formed_or_unrelated_paths(script):
    assert codes(script) == []


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


@pytest.mark.parametrize("env,attach", [
    ("M:/mount/models/llama/2.0", "--model acme/llama:1.0"),
    ("M:/config/models/weights", "--model acme/llama:1.0"),
])
def test_not_attached_variants(env, attach):
    assert codes(nvcf(env, attach)) == ["NV402"]


@pytest.mark.parametrize("env,attach", [
    ("M:/config/models/weights", "--model weights:acme/llama:1.0"),
    ("M:/mount/models/llama/1.0", "--model acme/team/llama:1.0"),
    ("M:/mount/models/llama/1.0", "--model \"$MODEL\""),  # unknown attachment: cannot tell
    ("M:/mount/models/$NAME/1.0", "--model acme/llama:1.0"),
])
def test_attached_or_unknown(env, attach):
    assert codes(nvcf(env, attach)) == []


def test_kind_mismatch():
    src = nvcf("D:/mount/resources/llama/1.0")
    (d,) = lint(src)
    assert d.code == "NV403" and span_text(src, d) == "resources"


# ---- NGC CLI options -----------------------------------------------------------------------------

def test_helm_chart_needs_service_and_excludes_image():
    assert codes(f"{CREATE} --helm-chart acme/c:1.0.0\n") == ["NV501"]
    assert codes(f"{CREATE} --helm-chart acme/c:1.0.0 --helm-chart-service s "
                 "--container-image nvcr.io/acme/a:1\n") == ["NV502"]
    assert codes("ngc cf task create --name t --gpu-specification L40:x --result-handling-strategy NONE "
                 "--helm-chart acme/c:1.0.0\n") == []


@pytest.mark.parametrize("script,count", [
    ("ngc cf fn create --name x --container-image nvcr.io/a/b:1\n", 1),
    ("ngc cloud-function function create --name x --inference-url /i\n", 1),
    ("ngc cf fn create --name x\n", 1),
    ("ngc cf task create --name x --container-image nvcr.io/a/b:1\n", 1),
    ("ngc --org acme picasso fn create --name x --inference-url /i --model acme/m:1\n", 0),
    ("ngc cf fn create $NGC_ARGS --name x\n", 0),
    ("ngc cf fn create \"$@\"\n", 0),
    ("ngc cf fn create --help\n", 0),
    ("ngc cf fn create \"${ARGS[@]}\"\n", 0),
])
def test_missing_required_options(script, count):
    assert codes(script).count("NV503") == count


def test_arguments_from_a_known_variable_are_split():
    src = 'ARGS="--inference-url /infer --container-image nvcr.io/acme/a:1"\nngc cf fn create --name x $ARGS\n'
    assert codes(src) == []
    (d,) = lint(src.replace("$ARGS", '"$ARGS"'))
    assert d.code == "NV503" and "--inference-url" in d.message and "one of --container-image" in d.message


@pytest.mark.parametrize("option,value,ok", [
    ("--model", "acme/llama:1.0", True),
    ("--model", "acme/team/llama:1.0", True),
    ("--model", "weights:acme/llama:1.0", True),
    ("--model", "llama:1.0", False),
    ("--model", "acme/llama", False),
    ("--model", "a/b/c/d:1", False),
    ("--resource", "weights:acme/data:1", False),
    ("--resource", "acme/data:1", True),
    ("--model", '"acme/$MODEL"', True),
])
def test_malformed_artifacts(option, value, ok):
    found = codes(f"{CREATE} --container-image nvcr.io/acme/s:1 {option} {value}\n")
    assert found == ([] if ok else ["NV504"])


def test_helm_chart_oci_urls_are_passed_through():
    assert codes(f"{CREATE} --helm-chart oci://registry.example.com/charts/c --helm-chart-service s\n") == []


def test_key_value_separator_fix():
    src = f"{CREATE} --container-image nvcr.io/acme/s:1 --secret HF_TOKEN=$HF_TOKEN\n"
    (d,) = lint(src)
    assert d.code == "NV505"
    (edit,) = d.fix.edits
    assert edit.content == ":" and src.split("\n")[0][edit.column - 1] == "="
    assert codes(src.replace("HF_TOKEN=$", "HF_TOKEN:$")) == []
    assert codes(f"{CREATE} --container-image nvcr.io/acme/s:1 --container-environment-variable 'URL:a=b'\n") == []


def test_exclusive_branches_are_not_one_execution():
    src = ('IMAGE=nvcr.io/acme/app:1\n'
           'case "$1" in\n'
           '  build) docker build -t "$IMAGE" . ;;\n'
           f'  deploy) {CREATE} --container-image "$IMAGE" ;;\n'
           '  push) docker push "$IMAGE" ;;\n'
           'esac\n')
    assert codes(src) == []
    same_branch = ('if [ "$1" = all ]; then\n  docker build -t nvcr.io/acme/app:1 .\n'
                   f'  {CREATE} --container-image nvcr.io/acme/app:1\nfi\n')
    assert codes(same_branch) == ["NV201"]
    nested = ('if a; then docker build -t nvcr.io/acme/app:1 .; fi\n'
              f'if b; then {CREATE} --container-image nvcr.io/acme/app:1; fi\n')
    assert codes(nested) == ["NV201"]  # both conditions can hold in one run


@pytest.mark.parametrize("push", ["make push", "./scripts/push-image.sh", "just publish", "npm run release"])
def test_unknown_commands_that_may_push_silence_nv201(push):
    src = f"docker build -t nvcr.io/acme/app:1 .\n{push}\n{CREATE} --container-image nvcr.io/acme/app:1\n"
    assert codes(src) == []
    assert codes(src.replace(push, "echo 'push done'")) == ["NV201"]


def test_functions_never_called_are_separate_flows():
    library = ("build() { docker build -t nvcr.io/acme/app:1 .; }\n"
               f"deploy() {{ {CREATE} --container-image nvcr.io/acme/app:1; }}\n"
               "push() { docker push nvcr.io/acme/app:1; }\n")
    assert codes(library) == []
    one_function = ("release() {\n  docker build -t nvcr.io/acme/app:1 .\n"
                    f"  {CREATE} --container-image nvcr.io/acme/app:1\n}}\n")
    assert codes(one_function) == ["NV201"]


def test_arguments_from_an_array():
    src = ('ARGS=(--name app --inference-url /infer --container-image vllm/vllm-openai:latest)\n'
           'ngc cf fn create "${ARGS[@]}"\n')
    (d,) = lint(src)
    assert d.code == "NV101" and span_text(src, d) == "vllm/vllm-openai:latest"
    assert codes('ARGS=(--name app)\nngc cf fn create "${ARGS[@]}"\n') == ["NV503"]
