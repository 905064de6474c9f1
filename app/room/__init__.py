"""Room voting: department heads spend their dots on their own phones, on the room's network.

Qt-free. `access` makes the meeting's keys (the token in every address, each department's
four-digit code and card token) and throttles wrong codes; `ballot` turns a workshop into what a
phone may see and judges a phone's vote by the app's own budget rule; `server` is the aiohttp
server, in a thread with its own event loop, that serves the phone page from `page/` and hands
every vote to a `BallotBox` (the app's window, or `LocalBallotBox` for a workshop in memory);
`qr` and `cards` draw the QR codes and the printable voting cards. The server never writes the
workshop file: saving stays the app's.
"""
