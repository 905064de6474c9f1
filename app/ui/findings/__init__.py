"""The findings panel: the rules' findings as rows, selecting, accepting and re-opening them."""
