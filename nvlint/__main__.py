from nvlint.cli import run

run()
