from __future__ import annotations

from collections.abc import Iterator, Sequence

from nvlint.diagnostics import Diagnostic, Edit
from nvlint.model.events import CommandRun, CredentialText, Login
from nvlint.model.words import VARIABLE, Unknown, Word
from nvlint.rules._logins import OAUTHTOKEN
from nvlint.rules.base import Context, Rule

EXPANDED_OAUTHTOKEN = Unknown(VARIABLE, "oauthtoken")  # what `$oauthtoken` is where the script never set it

RULE: Rule[CommandRun | CredentialText | Login] = Rule(
    code="NV302",
    name="oauthtoken-expanded",
    severity="error",
    summary=(
        '`$oauthtoken` written where the shell expands it to an empty string (`-u "$oauthtoken"`, `-u '
        "$oauthtoken`), in a credential."
    ),
    what=(
        "Reports `$oauthtoken` or `${oauthtoken}` unquoted or inside double quotes, where the shell expands "
        "it as a variable, when the text reaches a credential: the username of any login (`docker login -u`, "
        "`helm repo add --username`, `skopeo --creds`, `crictl pull --creds`, `ctr images pull --user`, "
        "`kubectl ... --docker-username`, the user of an enroot `docker://$oauthtoken@nvcr.io#IMAGE` URI), "
        "the user part of a "
        "`user:password` string (`curl -u`, a value piped to `base64` for an `auth` field), a Docker config "
        "written by `echo`, `printf` or a here-document, `SINGULARITY_DOCKER_USERNAME` or `CRICTL_CREDS`; "
        "also through a "
        'variable (`U="$oauthtoken"; docker login -u "$U"`) and in scripts passed to `bash -c`, '
        "`sudo sh -c` and `ssh`. In a Makefile recipe, make expands `$o` first, so even `'$oauthtoken'` "
        "is wrong there: write `'$$oauthtoken'`. Text no program reads as a credential is not reported: "
        "the answer to an interactive prompt in a doc (`Username: $oauthtoken` after `docker login nvcr.io`), "
        "JSON or YAML pasted into a shell block, or a message printed to the terminal."
    ),
    why=(
        "The NGC username is the literal text `$oauthtoken`. Unquoted or in double quotes the shell replaces "
        "it with the value of an unset variable, so docker sends an empty or wrong username and the login "
        "fails (or, with `--password-stdin`, prompts and hangs a CI job)."
    ),
    bad='echo "$NGC_API_KEY" | docker login nvcr.io -u "$oauthtoken" --password-stdin\n',
    good="echo \"$NGC_API_KEY\" | docker login nvcr.io -u '$oauthtoken' --password-stdin\n",
    fix="Single-quotes the word (`'$oauthtoken'`), or escapes the dollar (`\\$oauthtoken`) inside a larger word.",
    fix_applicability="safe",
    reads_words=lambda word: bool(word.expansions) and any(e.name == "oauthtoken" for e in word.expansions),
    alternatives=True,
    reads=(CommandRun, CredentialText, Login),
)


def credential_starts(flow) -> set[int]:
    """File offsets where `$oauthtoken` starts inside text a program reads as a credential: expanded
    there, reaching it through a variable, or written literally (which make still expands as `$o`)."""
    starts: set[int] = set()

    def add(word: Word) -> None:
        starts.update(e.start for e in word.expansions if e.name == "oauthtoken")
        for part in word.value.parts:
            if part.unknown == EXPANDED_OAUTHTOKEN:  # `U="$oauthtoken"` earlier, `-u "$U"` here
                starts.add(part.start)
        template = word.value.template()
        at = template.find(OAUTHTOKEN)
        while at != -1:
            offset = word.value.offset_of(at)
            if offset is not None:
                starts.add(offset)
            at = template.find(OAUTHTOKEN, at + 1)

    for event in flow:
        if isinstance(event, Login) and event.username is not None:
            add(event.username)
        elif isinstance(event, CredentialText):
            add(event.word)
    return starts


@RULE.checker
def check(flow: Sequence[CommandRun | CredentialText | Login], ctx: Context) -> Iterator[Diagnostic]:
    credentials = credential_starts(flow)
    if not credentials:
        return
    seen = set()
    for event in flow:
        if not isinstance(event, CommandRun):
            continue
        for word in event.words:
            for expansion in word.expansions:
                if expansion.name != "oauthtoken" or expansion.assigned or expansion.start not in credentials:
                    continue
                if (expansion.start, expansion.end) in seen:
                    continue
                seen.add((expansion.start, expansion.end))
                dollar = event.dollar_escape
                if expansion.by_make:
                    # make turns `$oauthtoken` into `$o` + "authtoken": double the dollar for make
                    edit = Edit(expansion.start, expansion.start, "$")
                    message = (
                        "'$oauthtoken' in a Makefile recipe: make expands '$o' before the shell runs, "
                        "so the username becomes 'authtoken'; write '$$oauthtoken' (in single quotes: "
                        "'$$oauthtoken')"
                    )
                    yield RULE.at((expansion.start, expansion.end), message, RULE.fix_with("Write $$oauthtoken", edit))
                    continue
                whole = word.raw in ("$oauthtoken", '"$oauthtoken"', "${oauthtoken}", '"${oauthtoken}"')
                if whole:
                    edit = Edit(word.start, word.end, f"'{dollar}oauthtoken'")
                else:
                    edit = Edit(expansion.start, expansion.end, f"\\{dollar}oauthtoken")
                where = "inside double quotes" if expansion.in_double_quotes else "unquoted"
                message = (
                    f"'$oauthtoken' is expanded by the shell ({where}) to an empty string; the NGC "
                    f"username is the literal text: write '{dollar}oauthtoken' in single quotes"
                )
                fix = None if word.foreign else RULE.fix_with(f"Write {edit.content}", edit)
                yield RULE.at((expansion.start, expansion.end), message, fix)
