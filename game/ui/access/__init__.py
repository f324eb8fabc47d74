"""Playable by everyone: the accessible tree each screen describes, self-voicing, and a screen reader's view.

``tree`` is the one description of a screen; ``announcer`` decides what to say
of it; ``speech`` holds the engines (pyttsx3, a recording stand-in); the
``screen_reader`` bridge shows the same tree to the platform's accessibility
API through AccessKit; ``manager.Access`` runs them once a frame.
"""
