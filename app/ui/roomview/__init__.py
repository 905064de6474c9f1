"""The room view: the whole plan on the projector, readable from the back of the room."""
