"""The play screen and what it is made of: the story on stage, the text box, choices, the quick menu."""
