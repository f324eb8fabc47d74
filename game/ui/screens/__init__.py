"""The game's screens: title, play, menus, save / load, history, settings, gallery, endings."""
