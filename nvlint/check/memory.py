"""What an editor's document keeps of its last reading, so that the next one after an edit does only
what the edit can change: the shell walk's checkpoints (nvlint.shell.resume) and each rule's findings
(nvlint.rules.reuse). The command line reads each file once and keeps none of this."""

from __future__ import annotations


class DocumentMemory:
    __slots__ = ("script", "findings")

    def __init__(self) -> None:
        from nvlint.rules.reuse import RuleFindings
        from nvlint.shell.resume import ScriptMemory

        self.script = ScriptMemory()
        self.findings = RuleFindings()
