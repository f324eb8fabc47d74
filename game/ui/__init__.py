"""Everything pygame: the app loop, screens, text layout, audio."""
