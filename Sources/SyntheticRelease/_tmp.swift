enum _PlaceholderSyntheticRelease {}
