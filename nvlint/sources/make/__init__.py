"""Reading Makefiles: parse (variables, rules, includes), expand (make's own expansion), flows."""
