"""How online messages name what the NVCF account has: a short list, and the nearest spelling."""

from __future__ import annotations

SHOWN = 8


def listing(names: list[str]) -> str:
    """`A10G, L40G and T10`; `none` for an empty list; the first SHOWN and how many more."""
    names = list(dict.fromkeys(names))
    if not names:
        return "none"
    if len(names) > SHOWN:
        return ", ".join(names[:SHOWN]) + f" and {len(names) - SHOWN} more"
    return names[0] if len(names) == 1 else ", ".join(names[:-1]) + " and " + names[-1]


def did_you_mean(text: str, names: list[str]) -> str:
    """`; did you mean 'L40G'?` when one name is close to the text (case-insensitive)."""
    import difflib  # only online messages need it: not at start-up

    lowered = {n.lower(): n for n in names}
    if len(lowered) < 2:
        return ""  # the listing names the only one
    match = difflib.get_close_matches(text.lower(), list(lowered), n=1, cutoff=0.6)
    return f"; did you mean '{lowered[match[0]]}'?" if match else ""
