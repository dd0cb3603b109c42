"""End-to-end tests of the built site in Debian's chromium (marked `browser`)."""
