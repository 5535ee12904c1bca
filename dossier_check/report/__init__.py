"""Report formats. Each module turns reports into text; none of them prints."""
