"""The shell front end: words, quoting, variables, control flow and nested scripts."""

from __future__ import annotations

from conftest import modules_imported_by

from nvlint.model.text import Snippet
from nvlint.model.words import VARIABLE, Unknown
from nvlint.shell.interp import Interpreter


def run(script: str, alternatives: bool = False):
    """The commands that run (with ``alternatives``: also each alternative of a command, see
    tests/test_branch_values.py)."""
    commands = []
    interpreter = Interpreter(commands.append)
    env = interpreter.run(Snippet(script))
    interpreter.finish(env)
    return [c for c in commands if alternatives or c.alternative is None]


def argv(script: str, name: str | None = None) -> list[list[str | None]]:
    return [[w.literal for w in c.argv] for c in run(script) if name is None or c.name == name]


def test_quoting_and_escapes():
    (words,) = argv("""echo a\\ b 'c d' "e\\"f\\$g" $'h\\ti' "x"'y'z\n""")
    assert words == ["echo", "a b", "c d", 'e"f$g', "h\ti", "xyz"]


def test_line_continuation_inside_a_word():
    (words,) = argv("echo nvcr.io/ac\\\nme/app\n")
    assert words == ["echo", "nvcr.io/acme/app"]


def test_assignments_defaults_and_unknowns():
    script = (
        'A=nvcr.io\nB="$A/acme"\nexport C=${B}/app\nlocal D=${UNSET:-fallback}\n'
        'echo "$C" "$D" "${A:+set}" "$E" "${E:-e}" "${#A}"\n'
    )
    (words,) = argv(script, "echo")
    assert words == ["echo", "nvcr.io/acme/app", "fallback", "set", None, "e", None]


def test_same_unknown_variable_compares_equal_until_reassigned():
    commands = run('echo "$TAG"\necho "$TAG"\nTAG=$(date)\necho "$TAG"\n')
    first, second, third = (c.argv[1].value for c in commands if c.name == "echo")
    assert first == second and first != third


def test_branches_make_disagreeing_variables_unknown():
    (words,) = argv('if x; then A=1; B=same; else A=2; B=same; fi\necho "$A" "$B"\n', "echo")
    assert words == ["echo", None, "same"]
    (words,) = argv('case "$1" in a) A=1;; esac\necho "$A"\n', "echo")
    assert words == ["echo", None]
    (words,) = argv('for i in 1 2; do A=$i; done\necho "$A" "$i"\n', "echo")
    assert words == ["echo", None, None]


def test_a_command_using_a_value_set_in_branches_is_also_read_with_each_value():
    script = 'if x; then A=1; elif y; then A=2; fi\necho "$A"\n'
    found = [
        ([w.literal for w in c.argv], c.alternative and c.alternative.when)
        for c in run(script, True)
        if c.name == "echo"
    ]
    assert found == [(["echo", None], None), (["echo", "1"], "when `x`"), (["echo", "2"], "when `y`")]


def test_word_splitting_of_unquoted_known_values():
    (words,) = argv('ARGS="--org acme  --team t"\nngc $ARGS "$ARGS"\n', "ngc")
    assert words == ["ngc", "--org", "acme", "--team", "t", "--org acme  --team t"]


def test_empty_unquoted_expansion_vanishes():
    (words,) = argv('E=""\necho $E x\n', "echo")
    assert words == ["echo", "x"]


def test_wrappers_are_unwrapped():
    for script in (
        "sudo -E -u root docker push x\n",
        "env A=b docker push x\n",
        "time docker push x\n",
        "nohup docker push x &\n",
        "timeout 30 docker push x\n",
        "command docker push x\n",
        "echo x | xargs -I{} docker push x\n",
        "exec docker push x\n",
    ):
        assert argv(script, "docker") == [["docker", "push", "x"]], script


def test_nested_scripts_with_positions_inside_the_string():
    script = "sudo sh -c 'docker push nvcr.io/a/b:1'\n"
    (inner,) = [c for c in run(script) if c.name == "docker"]
    assert [w.literal for w in inner.argv] == ["docker", "push", "nvcr.io/a/b:1"]
    assert script[inner.argv[2].start : inner.argv[2].end] == "nvcr.io/a/b:1"


def test_nested_script_sees_outer_unknowns_as_unknown():
    script = 'bash -c "docker push $IMAGE && echo done"\n'
    (inner,) = [c for c in run(script) if c.name == "docker"]
    assert inner.argv[2].literal is None
    assert inner.argv[2].value.key == (("?", Unknown(VARIABLE, "IMAGE")),)


def test_remote_and_container_shells():
    assert argv("ssh -i key user@host 'docker push x'\n", "docker") == [["docker", "push", "x"]]
    assert argv("docker exec -it c sh -c 'ngc --version'\n", "ngc") == [["ngc", "--version"]]
    assert argv("kubectl exec -n ns pod -- bash -lc 'ngc --version'\n", "ngc") == [["ngc", "--version"]]
    assert argv("su - deploy -c 'ngc --version'\n", "ngc") == [["ngc", "--version"]]
    assert argv('eval "ngc --version"\n', "ngc") == [["ngc", "--version"]]


def test_functions_bind_positional_arguments():
    script = 'push() { docker push "$1"; }\npush nvcr.io/a/b:1\npush nvcr.io/a/c:1\n'
    assert argv(script, "docker") == [["docker", "push", "nvcr.io/a/b:1"], ["docker", "push", "nvcr.io/a/c:1"]]


def test_functions_never_called_are_still_walked():
    assert argv("f() { ngc --version; }\n", "ngc") == [["ngc", "--version"]]


def test_recursive_functions_terminate():
    assert argv("f() { f; ngc x; }\nf\n", "ngc") == [["ngc", "x"]]


def test_commands_inside_substitutions_run():
    assert argv('X=$(ngc registry image info a/b:1)\necho "`ngc --version`"\n', "ngc") == [
        ["ngc", "registry", "image", "info", "a/b:1"],
        ["ngc", "--version"],
    ]


def test_pipeline_and_here_strings_feed_stdin():
    commands = run(
        'echo "$NGC_API_KEY" | docker login nvcr.io --password-stdin\n'
        'docker login --password-stdin <<< "$KEY"\n'
        "cat <<EOF | docker login --password-stdin\n$HEREDOC_KEY\nEOF\n"
    )
    logins = [c for c in commands if c.name == "docker"]
    names = [[p.unknown.variable for w in c.stdin for p in w.value.parts if not p.known] for c in logins]
    assert names == [["NGC_API_KEY"], ["KEY"], ["HEREDOC_KEY"]]


def test_parse_errors_do_not_hide_the_rest():
    commands = run("if then fi ((( \ndocker push x\n")
    assert ["docker", "push", "x"] in [[w.literal for w in c.argv] for c in commands]


def test_unicode_before_a_word_keeps_character_offsets():
    script = "echo 'héllo ✓' && docker push x\n"
    (docker,) = [c for c in run(script) if c.name == "docker"]
    assert script[docker.argv[2].start : docker.argv[2].end] == "x"


def test_declarations_propagate():
    script = "readonly A=1\ndeclare B=2\ntypeset C=3\nexport D=4 E\nlocal F=5\necho $A $B $C $D $F\n"
    assert argv(script, "echo") == [["echo", "1", "2", "3", "4", "5"]]
    assert argv('declare -a X=(a b)\necho "$X"\n', "echo") == [["echo", "a"]]  # the first element


def test_arrays():
    script = 'ARGS=(--name "a b" --org acme)\nARGS+=(--x)\nngc "${ARGS[@]}" ${ARGS[1]} "${ARGS[*]}" $ARGS\n'
    assert argv(script, "ngc") == [
        ["ngc", "--name", "a b", "--org", "acme", "--x", "a", "b", "--name a b --org acme --x", "--name"]
    ]
    assert argv('E=()\nngc "${E[@]}" x\n', "ngc") == [["ngc", "x"]]
    assert argv('A=($UNKNOWN)\nngc "${A[@]}" x\n', "ngc") == [["ngc", None, "x"]]
    assert argv('declare -a D=(1 2)\nngc "${D[@]}"\n', "ngc") == [["ngc", "1", "2"]]


def test_the_grammar_loads_without_the_package_init_and_falls_back_to_it(monkeypatch):
    """The bash grammar is loaded from its compiled module alone (the package's __init__ costs start-up);
    when the package looks different, the documented import is used."""
    import sys

    from tree_sitter import Language, Parser

    from nvlint.shell import parse

    def parses(language) -> bool:
        tree = Parser(Language(language)).parse(b"docker push nvcr.io/acme/app:1\n")
        return tree.root_node.type == "program" and not tree.root_node.has_error

    _, imported = modules_imported_by("from nvlint.shell.parse import parse_bytes; parse_bytes(b'echo hi')")
    assert "tree_sitter._binding" in imported
    assert not imported & {"tree_sitter", "tree_sitter_bash", "importlib.resources", "typing"}
    assert parses(parse._bash_language())
    # where nvlint takes importlib.machinery's names from (importlib itself is not imported)
    monkeypatch.setattr(sys.modules["_frozen_importlib_external"], "EXTENSION_SUFFIXES", [".renamed.so"])
    monkeypatch.delitem(sys.modules, "tree_sitter_bash", raising=False)
    monkeypatch.delitem(sys.modules, "tree_sitter_bash._binding", raising=False)
    assert parses(parse._bash_language())
    assert "tree_sitter_bash" in sys.modules


def test_a_word_tree_sitter_splits_after_a_dollar_is_one_word():
    """tree-sitter-bash reads `a=$X,b=$Y,c=1` as `a=$X,b=$` and `Y,c=1`; bash reads one word with $Y in it."""
    from conftest import events

    from nvlint.model.events import NgcCommand

    source = "Y=nvcr.io/acme/app:1\nngc cf fn create --name a --inference-url /i --container-image a=$X,b=$Y,c=1\n"
    (command,) = [e for e in events(source) if isinstance(e, NgcCommand)]
    (image,) = command.all("--container-image")
    assert image.value.template() == "a=\x00,b=nvcr.io/acme/app:1,c=1"
    assert [p.unknown.variable for p in image.value.parts if p.unknown is not None] == ["X"]


def test_every_tool_wrapper_runs_its_tools():
    """Each entry of the wrapper table: the wrapped tool's words are read as that tool's command."""
    from nvlint.shell.unwrap import TOOL_WRAPPERS

    checked = 0
    for wrapper, tools in sorted(TOOL_WRAPPERS.items()):
        for tool in sorted(tools):
            separator = " --" if wrapper == "minikube" else ""
            script = f"{wrapper} {tool}{separator} push x\n"
            assert argv(script, tool) == [[tool, "push", "x"]], script
            checked += 1
    assert checked == sum(len(tools) for tools in TOOL_WRAPPERS.values())
    assert argv("/snap/bin/microk8s.kubectl apply -f x\n", "kubectl") == [["kubectl", "apply", "-f", "x"]]
    assert argv("microk8s status\n", "microk8s") == [["microk8s", "status"]]  # not a tool: the command itself


def test_kubectl_in_a_wrapper_is_a_login():
    from conftest import lint

    for wrapper in ("microk8s kubectl", "k3s kubectl", "minikube kubectl --", "oc"):
        secret = "create secret docker-registry ngc --docker-server=nvcr.io --docker-username=$oauthtoken"
        found = lint(f"{wrapper} {secret}\n")
        assert [d.code for d in found] == ["NV302"], wrapper


def test_a_for_over_literal_words_runs_its_body_for_each_word():
    """`for img in a b`: the body sees each word in turn (a finding about the value points at the word);
    items that are not all literal (`*.sh`, `$LIST`, `"$X"`) leave the variable unknown, as before."""
    from conftest import events

    from nvlint.model.events import ImagePushed

    text = 'for img in nvcr.io/acme/a:1 "nvcr.io/acme/b:1"; do\n  docker push "$img"\ndone\n'
    pushed = [e.image for e in events(text) if isinstance(e, ImagePushed)]
    assert [p.literal for p in pushed] == ["nvcr.io/acme/a:1", "nvcr.io/acme/b:1"]
    assert pushed[0].parts[0].start == text.index("nvcr.io/acme/a:1")
    for items in ("*.sh", "$LIST", '"$X" b', "$(ls)"):
        unknown = f'for img in {items}; do\n  docker push "$img"\ndone\n'
        assert all(e.image.literal is None for e in events(unknown) if isinstance(e, ImagePushed)), items
