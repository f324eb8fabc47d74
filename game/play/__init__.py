"""Playing a story by the rules, without pygame: the session, the play controller, saves, reload, recording.

The game's play screen (``game.ui.play``) turns input into calls to
``PlayController`` and draws what it answers; tests drive it headless.
"""
