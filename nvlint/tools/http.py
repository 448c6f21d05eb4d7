"""curl, HTTPie and wget sending an NVCF payload inline, or from a file the script wrote (`cat > fn.json
<<EOF` then `curl -d @fn.json`): the JSON body is read as a payload; curl's
`-u user:password` is a credential; a URL naming an NVCF function by ID is a function reference."""

from __future__ import annotations

from nvlint.model.command import Command
from nvlint.model.events import CredentialText, Event
from nvlint.model.words import Word
from nvlint.shell.expand import file_key
from nvlint.tools.options import every, parse_options

V, F = True, False
CURL = {
    "-d": V,
    "--data": V,
    "--data-raw": V,
    "--data-binary": V,
    "--data-ascii": V,
    "--json": V,
    "-H": V,
    "--header": V,
    "-X": V,
    "--request": V,
    "-o": V,
    "--output": V,
    "-u": V,
    "--user": V,
    "-w": V,
    "--write-out": V,
    "--url": V,
    "-A": V,
    "--user-agent": V,
    "-b": V,
    "--cookie": V,
    "-m": V,
    "--max-time": V,
    "--connect-timeout": V,
    "--retry": V,
    "-T": V,
    "--upload-file": V,
    "-F": V,
    "--form": V,
}
WGET = {"--body-data": V, "--post-data": V, "--header": V, "--method": V, "-O": V, "--output-document": V}


def recognise(command: Command) -> list[Event]:
    from nvlint.tools.nvcf_account import url_references
    from nvlint.tools.nvcf_api import body_events

    name = command.name
    bodies: list[Word] = []
    events: list[Event] = []
    urls: list[Word] = []
    if name == "curl":
        options, urls, _ = parse_options(command.argv[1:], CURL)
        urls = urls + [o.value_word for o in every(options, "--url") if o.value_word is not None]
        events.extend(
            CredentialText(command.start, command.end, o.value_word, "curl " + o.name)
            for o in every(options, "-u", "--user")
            if o.value_word is not None
        )
        for option in every(options, "-d", "--data", "--data-raw", "--data-binary", "--data-ascii", "--json"):
            if option.value_word is None:
                continue
            literal = (option.value.literal or "") if option.value is not None else ""
            written = file_key(literal[1:]) if literal.startswith("@") else None
            if literal in ("@-", "@/dev/stdin"):
                bodies.extend(command.stdin)
            elif written in command.files:
                bodies.append(command.files[written])  # the script wrote it above
            elif option.value_offset == 0:
                bodies.append(option.value_word)
    elif name == "wget":
        options, urls, _ = parse_options(command.argv[1:], WGET)
        bodies.extend(
            o.value_word
            for o in every(options, "--body-data", "--post-data")
            if o.value_word is not None and o.value_offset == 0
        )
    else:  # HTTPie and xh read a raw JSON body from standard input
        bodies.extend(command.stdin)
        urls = command.argv[1:]
    for body in bodies:
        if "{" in body.text:
            events.extend(body_events(body))
    for url in urls:
        events.extend(url_references(url, command.start, command.end))
    return events
