"""Journal entries, finding them, prompts and the mood chart's numbers."""
