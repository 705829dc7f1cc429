"""One module per command-line verb; each has HELP, add_arguments() and run()."""
