from factcheck.cli import entry

entry()
