"""The judge's screens: the queue of teams, the score sheet and the released results."""
