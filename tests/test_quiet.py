"""What C libraries print at start-up is caught: ALSA's noise is dropped, anything else is passed on."""

from __future__ import annotations

import os

import pytest

from game.ui.quiet import library_noise_caught


def test_alsa_noise_is_dropped_and_other_lines_pass(capfd: pytest.CaptureFixture[str]) -> None:
    with library_noise_caught():
        os.write(2, b"ALSA lib confmisc.c:855:(parse_card) cannot find card '0'\n")
        os.write(2, b"ALSA lib pcm.c:2666:(snd_pcm_open_noupdate) Unknown PCM default\n")
        os.write(2, b"something else went wrong\n")
    err = capfd.readouterr().err
    assert "ALSA lib" not in err
    assert "something else went wrong" in err
