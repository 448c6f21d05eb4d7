from __future__ import annotations

from nvlint.diagnostics import Edit
from nvlint.events import CommandRun
from nvlint.rules.base import Rule

RULE = Rule(
    code="NV302",
    name="oauthtoken-expanded",
    severity="error",
    summary="`$oauthtoken` is written where the shell expands it to an empty string.",
    what=(
        "Reports `$oauthtoken` or `${oauthtoken}` unquoted or inside double quotes, where the shell expands "
        "it as a variable, in any command, including scripts passed to `bash -c`, `sudo sh -c` and `ssh`. "
        "In a Makefile recipe, make expands `$o` first, so even `'$oauthtoken'` is wrong there: "
        "write `'$$oauthtoken'`."
    ),
    why=(
        "The NGC username is the literal text `$oauthtoken`. Unquoted or in double quotes the shell replaces "
        "it with the value of an unset variable, so docker sends an empty or wrong username and the login "
        "fails (or, with `--password-stdin`, prompts and hangs a CI job)."
    ),
    bad="echo \"$NGC_API_KEY\" | docker login nvcr.io -u \"$oauthtoken\" --password-stdin\n",
    good="echo \"$NGC_API_KEY\" | docker login nvcr.io -u '$oauthtoken' --password-stdin\n",
    fix="Single-quotes the word (`'$oauthtoken'`), or escapes the dollar (`\\$oauthtoken`) inside a larger word.",
    fix_applicability="safe",
    reads_words=lambda word: any(e.name == "oauthtoken" for e in word.expansions),
)


@RULE.checker
def check(flow, ctx):
    seen = set()
    for event in flow:
        if not isinstance(event, CommandRun):
            continue
        for word in event.words:
            for expansion in word.expansions:
                if expansion.name != "oauthtoken" or expansion.assigned:
                    continue
                if (expansion.start, expansion.end) in seen:
                    continue
                seen.add((expansion.start, expansion.end))
                dollar = event.dollar_escape
                if expansion.by_make:
                    # make turns `$oauthtoken` into `$o` + "authtoken": double the dollar for make
                    edit = Edit(expansion.start, expansion.start, "$")
                    message = ("'$oauthtoken' in a Makefile recipe: make expands '$o' before the shell runs, "
                               "so the username becomes 'authtoken'; write '$$oauthtoken' (in single quotes: "
                               "'$$oauthtoken')")
                    yield RULE.at((expansion.start, expansion.end), message, RULE.fix_with("Write $$oauthtoken", edit))
                    continue
                whole = word.raw in ("$oauthtoken", '"$oauthtoken"', "${oauthtoken}", '"${oauthtoken}"')
                if whole:
                    edit = Edit(word.start, word.end, f"'{dollar}oauthtoken'")
                else:
                    edit = Edit(expansion.start, expansion.end, f"\\{dollar}oauthtoken")
                where = "inside double quotes" if expansion.in_double_quotes else "unquoted"
                message = (f"'$oauthtoken' is expanded by the shell ({where}) to an empty string; the NGC "
                           f"username is the literal text: write '{dollar}oauthtoken' in single quotes")
                fix = None if word.foreign else RULE.fix_with(f"Write {edit.content}", edit)
                yield RULE.at((expansion.start, expansion.end), message, fix)
