"""The app in the committee's language: the translator behind `self.tr()` and View > Language."""
