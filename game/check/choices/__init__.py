"""``starlight choices``: do the story's choices matter?  Seeded playthroughs through the real runtime.

``analyse_choices(story)`` plays the story under two policies (``uniform`` and
``devoted``), flips every decision of every playthrough, and reports the ending
distribution, inert counter choices, decisive and cosmetic decisions, and the
variables the player never sees (``analyse``); ``report`` renders the result as
text, JSON or an HTML section.  Modules: ``facts`` (static reading of the
story), ``simulate`` (playthroughs and flips), ``visibility`` (variables),
``analyse`` (the rest), ``report``.
"""

from .analyse import DEFAULT_RUNS, ChoiceAnalysis, analyse_choices

__all__ = ["DEFAULT_RUNS", "ChoiceAnalysis", "analyse_choices"]
