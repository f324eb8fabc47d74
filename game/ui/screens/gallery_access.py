"""The endings gallery, an ending's viewer, the music room and the event pictures as the accessible tree
describes them.

The gallery says how many endings were reached, then each ending's card in the
story's order ("Ending 1: Dawn Watch"; one not reached is "Ending 2: not reached
yet", unavailable), then the music room's button; pressing a reached card shows
it.  The viewer says the ending's title (again as left / right go through the
reached ones) and offers "replay the final scene".  The music room says how many
tracks were heard and each track by its title (one not heard yet by its number),
"Now playing" on the one playing; pressing a track plays or stops it.  The event pictures are said by
their number and, once seen, their file's name made readable ("Picture 2: Dawn beam": a story gives them no
title); pressing a seen one shows it, and the picture shown is said as left / right go through them.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..access.tree import Node, screen
from ..strings import tr

if TYPE_CHECKING:
    from .gallery import EndingViewer, GalleryScreen
    from .music_room import MusicRoomScreen
    from .picture_room import PictureRoomScreen, PictureViewer


def gallery_tree(gallery: GalleryScreen) -> Node:
    """The tree of the endings gallery: the count, a button per ending, the music room, back."""
    lang = gallery.ctx.language
    seen = sum(1 for ending in gallery.ids if gallery.seen(ending))
    cards = []
    for i, ending in enumerate(gallery.ids):
        reached = gallery.seen(ending)
        cards.append(Node("button", tr("ax_ending_n", lang).format(n=i + 1), key=f"ending.{ending}",
                          value=gallery.title(ending) if reached else tr("ax_not_reached", lang),
                          focused=i == gallery.focus, disabled=not reached, position=(i + 1, len(gallery.ids)),
                          activate=lambda i=i: gallery.open(i)))  # type: ignore[misc]
    nodes = [Node("text", tr("ax_endings_count", lang).format(seen=seen, total=len(gallery.ids)), key="count",
                  live=True)]
    if not gallery.ids:
        nodes.append(Node("notice", tr("no_story", lang), key="empty", live=True))
    nodes += [Node("group", tr("endings", lang), key="endings", children=cards),
              Node("button", tr("picture_room", lang), key="picture_room",
                   focused=gallery.focus == len(gallery.ids) + 1, activate=gallery.picture_room),
              Node("button", tr("music_room", lang), key="music_room", focused=gallery.focus == len(gallery.ids),
                   activate=gallery.music_room),
              Node("button", tr("back", lang), key="back", activate=gallery.back)]
    return screen(tr("endings", lang), "gallery", lang, nodes)


def viewer_tree(viewer: EndingViewer) -> Node:
    """The tree of an ending shown full screen: its title (live: said as the ending changes), replay, back."""
    lang = viewer.ctx.language
    ending = viewer.gallery.ids[viewer.index]
    nodes = [Node("text", viewer.gallery.title(ending), key=f"title.{ending}", live=True)]
    if viewer.gallery.game is not None:
        ready = viewer.finale() is not None
        nodes.append(Node("button", tr("replay_finale", lang), key="replay", focused=True, disabled=not ready,
                          value="" if ready else tr("no_finale", lang), activate=viewer.replay))
    nodes.append(Node("button", tr("back", lang), key="back", focused=viewer.gallery.game is None,
                      activate=viewer.ctx.nav.pop))
    return screen(tr("the_end", lang), f"ending.{id(viewer)}", lang, nodes)


def music_room_tree(room: MusicRoomScreen) -> Node:
    """The tree of the music room: the count, a button per track, back."""
    lang = room.ctx.language
    heard = sum(1 for track in room.tracks if room.heard(track))
    tracks = []
    for i, track in enumerate(room.tracks):
        known = room.heard(track)
        tracks.append(Node("button", room.title(track) if known else tr("ax_track_n", lang).format(n=i + 1),
                           key=f"track.{track}",
                           value=tr("now_playing", lang) if track == room.playing
                           else "" if known else tr("track_locked", lang),
                           focused=i == room.focus, disabled=not known, position=(i + 1, len(room.tracks)),
                           activate=lambda i=i: room.play(i)))  # type: ignore[misc]
    nodes = [Node("text", tr("ax_music_count", lang).format(heard=heard, total=len(room.tracks)), key="count",
                  live=True),
             Node("group", tr("music_room", lang), key="tracks", children=tracks),
             Node("button", tr("back", lang), key="back", activate=room.back)]
    return screen(tr("music_room", lang), "music_room", lang, nodes)


def picture_name(picture: str) -> str:
    """A picture's file name made readable: "cg/dawn_beam" -> "Dawn beam"."""
    return picture.rsplit("/", 1)[-1].replace("_", " ").capitalize()


def picture_room_tree(room: PictureRoomScreen) -> Node:
    """The tree of the event pictures: the count, a button per picture (a seen one named), back."""
    lang = room.ctx.language
    pictures = []
    for i, picture in enumerate(room.pictures):
        seen = room.seen(picture)
        pictures.append(Node("button", tr("ax_picture_n", lang).format(n=i + 1), key=f"picture.{picture}",
                             value=picture_name(picture) if seen else tr("ax_not_seen", lang),
                             focused=i == room.focus, disabled=not seen, position=(i + 1, len(room.pictures)),
                             activate=lambda i=i: room.open(i)))  # type: ignore[misc]
    nodes = [Node("text", tr("ax_pictures_count", lang).format(seen=room.seen_count(), total=len(room.pictures)),
                  key="count", live=True)]
    if not room.pictures:
        nodes.append(Node("notice", tr("no_pictures", lang), key="empty", live=True))
    nodes += [Node("group", tr("picture_room", lang), key="pictures", children=pictures),
              Node("button", tr("back", lang), key="back", activate=room.back)]
    return screen(tr("picture_room", lang), "picture_room", lang, nodes)


def picture_viewer_tree(viewer: PictureViewer) -> Node:
    """A seen picture full screen: which it is (live: said as left / right change it), and back."""
    lang = viewer.ctx.language
    shown = tr("ax_picture_n", lang).format(n=viewer.index + 1) + ": " + picture_name(viewer.picture)
    nodes = [Node("text", shown, key=f"shown.{viewer.picture}", live=True),
             Node("button", tr("back", lang), key="back", focused=True, activate=viewer.ctx.nav.pop)]
    return screen(tr("picture_room", lang), f"picture.{id(viewer)}", lang, nodes)
