"""The board: backlog and phases as columns, departments as lanes, requests as cards."""
