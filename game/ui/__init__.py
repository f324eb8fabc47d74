"""Everything pygame: the app loop, screens, text layout, audio."""

from game.lean_pygame import import_pygame

import_pygame()  # before any screen's `import pygame`: leaves out what the game never uses (see there)
