enum _PlaceholderTerminologyStore {}
