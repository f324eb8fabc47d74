"""``starlight strings``: translations as gettext PO files, written back into the scene files byte for byte.

``po`` makes and reads the PO files, ``sources`` finds each text in the files it
came from, ``edits`` changes one translation there without touching anything
else, and ``languages`` adds a language to a story.
"""
