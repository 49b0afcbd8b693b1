"""The command-line face of juryapp."""
