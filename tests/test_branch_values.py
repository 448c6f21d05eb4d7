"""Values set in branches (issue 25, point 1): a variable an if/case leaves different holds one of a few
values; the rules about credentials, usernames and images report what one branch does and say when;
the rules that need the one value (ordering, attachments) read only what surely runs."""

from __future__ import annotations

import pytest
from conftest import lint

LOGIN = "docker login nvcr.io -u '$oauthtoken' $auth\n"


def messages(text: str, code: str) -> list[str]:
    return [d.message for d in lint("#!/bin/bash\n" + text) if d.code == code]


@pytest.mark.parametrize(
    ("condition", "when"),
    [
        ('[ -n "$NGC_API_KEY" ]', "when NGC_API_KEY is set"),
        ('[[ -n "${NGC_API_KEY:-}" ]]', "when NGC_API_KEY is set"),
        ('[ "$NGC_API_KEY" ]', "when NGC_API_KEY is set"),
        ("test -n $NGC_API_KEY", "when NGC_API_KEY is set"),
        ('[ -z "$NGC_API_KEY" ]', "when NGC_API_KEY is empty"),
        ('[ -f "$HOME/.ngc/config" ]', 'when `[ -f "$HOME/.ngc/config" ]`'),
        ("command -v ngc >/dev/null", "when `command -v ngc >/dev/null`"),
    ],
)
def test_the_message_says_when_the_branch_is_taken(condition, when):
    text = f'auth=""\nif {condition}; then\n  auth="-p $NGC_API_KEY"\nfi\n{LOGIN}'
    assert messages(text, "NV303") == [
        "the NGC API key is passed with -p: it shows in the process list, shell history and CI logs; "
        f"pipe it to --password-stdin ({when})"
    ]


def test_the_else_branch_is_named_by_the_condition_it_fails():
    text = 'if [ -z "$NGC_API_KEY" ]; then auth=""; else auth="-p $NGC_API_KEY"; fi\n' + LOGIN
    assert messages(text, "NV303")[0].endswith("(when NGC_API_KEY is set)")
    text = 'if [ -f key ]; then auth=""; else auth="-p $NGC_API_KEY"; fi\n' + LOGIN
    assert messages(text, "NV303")[0].endswith("(unless `[ -f key ]`)")


def test_a_case_item_is_named_by_its_pattern_and_elif_chains_by_their_own_condition():
    text = 'case "$ENV" in\n  ci|prod) auth="-p $NGC_API_KEY" ;;\n  *) auth="" ;;\nesac\n' + LOGIN
    assert messages(text, "NV303")[0].endswith('(when "$ENV" is ci|prod)')
    text = 'if [ -n "$A" ]; then auth=""; elif [ -n "$B" ]; then auth="-p $B"; fi\n' + LOGIN
    assert messages(text, "NV303")[0].endswith("(when B is set)")


def test_a_finding_every_branch_gives_names_no_condition():
    text = 'if [ -n "$CI" ]; then auth="-p $NGC_API_KEY"; else auth="--password $NGC_API_KEY"; fi\n' + LOGIN
    assert messages(text, "NV303") == [
        "the NGC API key is passed with -p: it shows in the process list, shell history and CI logs; "
        "pipe it to --password-stdin"
    ]


def test_a_branch_that_leaves_the_variable_unset_reads_it_as_unknown():
    """`auth` never set before the if: outside the branch it is the environment's, so the branch that sets
    it is the one to name."""
    text = 'if [ -n "$NGC_API_KEY" ]; then auth="-p $NGC_API_KEY"; fi\n' + LOGIN
    assert messages(text, "NV303")[0].endswith("(when NGC_API_KEY is set)")


def test_an_array_built_in_a_branch_and_its_set_u_safe_expansion():
    text = (
        "args=()\n"
        'if [ -n "$NGC_API_KEY" ]; then args+=(--password "$NGC_API_KEY"); fi\n'
        "docker login nvcr.io -u '$oauthtoken' \"${args[@]}\"\n"
        "docker login nvcr.io -u '$oauthtoken' ${args[@]+\"${args[@]}\"}\n"
    )
    script = "#!/bin/bash\n" + text
    found = sorted((d.start, d.end, d.message) for d in lint(script) if d.code == "NV303")
    assert [script[start:end] for start, end, _ in found] == ['"${args[@]}"', '${args[@]+"${args[@]}"}']
    assert all(message.endswith("(when NGC_API_KEY is set)") for _, _, message in found)


def test_an_array_left_the_same_by_every_branch_is_known_after_it():
    """Arrays were not merged at all: one assigned in a branch was lost after it."""
    text = 'if [ -n "$CI" ]; then args=(-p "$NGC_API_KEY"); else args=(-p "$NGC_API_KEY"); fi\n'
    text += "docker login nvcr.io -u '$oauthtoken' \"${args[@]}\"\n"
    assert messages(text, "NV303") == [
        "the NGC API key is passed with -p: it shows in the process list, shell history and CI logs; "
        "pipe it to --password-stdin"
    ]


def test_the_rules_that_need_the_one_value_read_only_what_surely_runs():
    """NV201 (push before create) must not take the image of one branch for the image created."""
    text = (
        'if [ -n "$DEV" ]; then IMAGE=nvcr.io/acme/app:dev; else IMAGE=nvcr.io/acme/app:1.0; fi\n'
        "docker build -t nvcr.io/acme/app:dev .\n"
        'ngc cf fn create --name app --inference-url /v1 --container-image "$IMAGE"\n'
    )
    assert [d.code for d in lint("#!/bin/bash\n" + text)] == []


def test_a_command_with_a_command_substitution_is_not_read_again():
    """Its commands would run once per alternative."""
    text = 'if [ -n "$K" ]; then auth="-p $K"; fi\n'
    text += "docker login nvcr.io -u '$oauthtoken' $auth --config \"$(mktemp -d)\"\n"
    assert messages(text, "NV303") == []


def test_and_and_or_lists_are_branches_too():
    text = '[ -n "$NGC_API_KEY" ] && auth="-p $NGC_API_KEY"\n' + LOGIN
    assert messages(text, "NV303")[0].endswith("(when NGC_API_KEY is set)")
    text = 'command -v ngc >/dev/null || U="$oauthtoken"\n'
    text += 'echo "$K" | docker login nvcr.io -u "$U" --password-stdin\n'
    assert messages(text, "NV302")[0].endswith("(unless `command -v ngc >/dev/null`)")


def test_a_list_keeps_the_folder_and_files_of_its_second_command():
    """`mkdir -p d && cd d`, `mkdir -p d && echo ... > d/fn.json`: as if it ran, as before lists were
    branches."""
    text = 'mkdir -p build && echo \'{"name": "a", "inferenceUrl": "/i", "inferencePort": 8080, '
    text += '"containerImage": "nvcr.io/acme/a:1"}\' > build/fn.json\n'
    text += "curl https://api.nvcf.nvidia.com/v2/nvcf/functions -d @build/fn.json\n"
    assert [d.code for d in lint("#!/bin/bash\n" + text)] == ["NV507"]
    text = 'mkdir -p build && cat > build/fn.json <<JSON\n{"name": "a", "inferenceUrl": "/i", '
    text += '"inferencePort": 8080, "containerImage": "nvcr.io/acme/a:1"}\nJSON\n'
    text += "curl https://api.nvcf.nvidia.com/v2/nvcf/functions -d @build/fn.json\n"
    assert [d.code for d in lint("#!/bin/bash\n" + text)] == ["NV507"]


def test_a_command_with_an_assigning_expansion_is_not_read_again():
    text = 'if [ -n "$K" ]; then auth="-p $K"; fi\n'
    text += "docker login \"${REGISTRY:=nvcr.io}\" -u '$oauthtoken' $auth\n"
    assert messages(text, "NV303") == []
    text = 'if [ -n "$K" ]; then auth="-p $K"; fi\n'  # an `=` elsewhere in the command is no assignment
    text += "docker login nvcr.io -u '$oauthtoken' --config=/tmp/c $auth\n"
    assert messages(text, "NV303")[0].endswith("(when K is set)")
