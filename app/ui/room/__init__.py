"""Room voting in the app: the heads vote on their phones, the wall shows the dots arrive.

`install_room(window, votes)` adds Plan > Room voting… and its dock (the QR code, the address,
who has joined, Print voting cards, Stop). The server is `app.room`'s; every phone vote comes
back through a queued signal and is recorded by voting mode as the same undoable command as a
click.
"""
