"""Ansible playbooks and roles (nvlint/sources/ansible.py): what is read, both ways."""

from __future__ import annotations

import pytest
from conftest import codes, events, lint, span_text

from nvlint.model.events import Login

PLAY = "- hosts: all\n  tasks:\n"


def task(body: str) -> str:
    return PLAY + "".join(f"    {line}\n" for line in body.strip("\n").split("\n"))


@pytest.mark.parametrize(
    "module", ["shell", "ansible.builtin.shell", "ansible.legacy.shell", "raw", "ansible.builtin.raw"]
)
def test_shell_modules_run_a_shell(module):
    text = task(f'- {module}: docker login nvcr.io -u "$oauthtoken" --password-stdin < key')
    (d,) = lint(text, kind="yaml")
    assert (d.code, span_text(text, d)) == ("NV302", "$oauthtoken")


@pytest.mark.parametrize(
    "form",
    [
        "- command: docker login nvcr.io -u $oauthtoken -p {{ key }}",
        "- ansible.builtin.command:\n    cmd: docker login nvcr.io -u $oauthtoken -p {{ key }}",
        '- command:\n    argv: [docker, login, nvcr.io, -u, $oauthtoken, -p, "{{ key }}"]',
        '- ansible.builtin.command:\n  args:\n    argv: [docker, login, nvcr.io, -u, $oauthtoken, -p, "{{ key }}"]',
    ],
)
def test_the_command_module_splits_words_without_a_shell(form):
    """No shell: `$oauthtoken` is passed as written (no NV302); the key on the command line is NV303."""
    text = task(form)
    (d,) = lint(text, kind="yaml")
    assert (d.code, span_text(text, d)) == ("NV303", "{{ key }}")


def test_command_module_quotes_group_words():
    text = task("- command: ngc cf fn create --name 'my fn' --inference-url /v1 --container-image \"nginx:1\"")
    (d,) = lint(text, kind="yaml")
    assert (d.code, span_text(text, d)) == ("NV101", "nginx:1")


def test_vars_are_known_and_findings_point_where_the_value_is_written():
    text = (
        "- hosts: all\n  vars:\n    image: vllm/vllm-openai:v1\n  tasks:\n"
        "    - shell: ngc cf fn create --name f --inference-url /v1 --container-image {{ image }}\n"
    )
    (d,) = lint(text, kind="yaml")
    assert (d.code, d.line, span_text(text, d)) == ("NV101", 3, "vllm/vllm-openai:v1")


def test_task_vars_set_fact_and_environment():
    text = task("""
- set_fact:
    org: acme
- shell: docker build -t nvcr.io/{{ org }}/app:1 .
- shell: ngc cf fn create --name f --inference-url /v1 --container-image "$IMAGE"
  environment:
    IMAGE: "nvcr.io/{{ org }}/app:1"
- shell: docker push nvcr.io/{{ org }}/app:1
""")
    (d,) = lint(text, kind="yaml")
    assert d.code == "NV201" and "nvcr.io/acme/app:1" in d.message


def test_unknown_jinja_is_an_unknown_value():
    assert (
        codes(
            task("- shell: ngc cf fn create --name f --inference-url /v1 --container-image {{ img | lower }}"),
            kind="yaml",
        )
        == []
    )
    assert (
        codes(
            task("- shell: ngc cf fn create --name f --inference-url /v1 --container-image {{ from_inventory }}"),
            kind="yaml",
        )
        == []
    )


def test_a_loop_over_literal_items_is_one_command_per_item():
    text = task("""
- shell: ngc cf fn create --name f --inference-url /v1 --container-image {{ item.image }}
  loop:
    - {image: nvcr.io/acme/a:1}
    - {image: vllm/vllm-openai:v1}
""")
    (d,) = lint(text, kind="yaml")
    assert (d.code, span_text(text, d)) == ("NV101", "vllm/vllm-openai:v1")
    unknown = task(
        "- shell: ngc cf fn create --name f --inference-url /v1 --container-image {{ item }}\n"
        '  with_items: "{{ images }}"'
    )
    assert codes(unknown, kind="yaml") == []


def test_blocks_rescue_and_always_are_read_in_order():
    text = task("""
- block:
    - command: docker build -t nvcr.io/acme/a:1 .
  rescue:
    - command: ngc cf fn create --name f --inference-url /v1 --container-image nvcr.io/acme/a:1
  always:
    - command: docker push nvcr.io/acme/a:1
""")
    assert codes(text, kind="yaml") == ["NV201"]


def test_docker_login_module_is_a_login_where_a_literal_oauthtoken_is_right():
    right = task(
        "- community.docker.docker_login:\n    registry_url: nvcr.io\n    username: $oauthtoken\n"
        '    password: "{{ key }}"'
    )
    assert codes(right, kind="yaml") == []
    (login,) = [e for e in events(right, kind="yaml", path="play.yml") if isinstance(e, Login)]
    assert login.username_value.literal == "$oauthtoken" and login.host_value.literal == "nvcr.io"
    wrong = right.replace("$oauthtoken", "oauthtoken")
    assert codes(wrong, kind="yaml") == ["NV301"]
    no_host = task('- docker_login:\n    username: $oauthtoken\n    password: "{{ key }}"')
    (d,) = lint(no_host, kind="yaml")
    assert d.code == "NV304" and "registry_url: nvcr.io" in d.message


def test_helm_repository_module_is_a_helm_login():
    text = task(
        "- kubernetes.core.helm_repository:\n    name: ngc\n    repo_url: https://helm.ngc.nvidia.com/acme\n"
        '    repo_username: admin\n    repo_password: "{{ key }}"'
    )
    (d,) = lint(text, kind="yaml")
    assert (d.code, span_text(text, d)) == ("NV301", "admin")
    assert codes(text.replace("admin", "$oauthtoken"), kind="yaml") == []
    assert codes(text.replace("kubernetes.core.", "community.kubernetes.").replace("admin", "x"), kind="yaml") == [
        "NV301"
    ]


def test_role_task_files_use_the_roles_defaults_and_vars(tmp_path):
    from conftest import lint_bytes

    from nvlint.rules import select_rules
    from nvlint.settings import Settings

    role = tmp_path / "roles" / "app"
    (role / "tasks").mkdir(parents=True)
    (role / "defaults").mkdir()
    (role / "vars").mkdir()
    (role / "defaults" / "main.yml").write_text("image: nvcr.io/acme/app:1\nlayout: /mount/models/m/1\n")
    (role / "vars" / "main.yml").write_text("image: vllm/vllm-openai:v1\n")  # vars win over defaults
    tasks = role / "tasks" / "main.yml"
    text = "- shell: ngc cf fn create --name f --inference-url /v1 --container-image {{ image }}\n"
    tasks.write_text(text)
    (d,) = lint_bytes(text.encode(), str(tasks), "yaml", Settings(), select_rules())
    assert (d.code, span_text(text, d), d.fix) == ("NV101", "{{ image }}", None)  # written in another file


@pytest.mark.parametrize(
    "text",
    [
        "- name: ansible\n  value: 1\n- name: x\n  value: 2\n",  # a list of mappings that says ansible
        "- image: nginx\n  command: [sh, -c, 'docker login nvcr.io -u \"$oauthtoken\"']\n",  # not a task: no module
        'hosts: all\ntasks:\n  - shell: docker login nvcr.io -u "$oauthtoken"\n',  # a mapping, not a list of plays
    ],
)
def test_files_are_ansible_by_their_shape_not_by_a_word(text):
    from nvlint.sources.ansible import looks_like_ansible
    from nvlint.yamltree.nodes import compose_all

    (root,) = compose_all(text)
    assert not looks_like_ansible(root)
    assert lint(text, kind="yaml") == []


def test_a_roles_task_file_is_claimed_by_its_path():
    from nvlint.sources import ANSIBLE as KIND

    assert KIND.claims("roles/web/tasks/main.yml") and KIND.claims("x/roles/web/handlers/restart.yaml")
    assert not KIND.claims("roles/web/defaults/main.yml") and not KIND.claims("tasks/main.yml")
