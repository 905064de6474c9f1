"""Sign-off: department heads sign the current plan, and the lanes show who has."""
