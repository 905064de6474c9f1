"""Suggestions: Plan > Suggest a plan… searched in a child process, shown as ghost cards and a
panel of the score before and after, applied (all of it, or the moves ticked) as one undo
command; and File > Compare with…, the same ghosts and a panel for another plan."""
