"""The game's sound effects: short mono OGG files, synthesised (numpy only), seeded per effect.

One-shots start and end in silence (short fades); the ambience loops (record_crackle, tape_hiss,
radio_static, storm_wind, rain_loop) are generated circularly, so their last sample flows into
their first. Levels: interface sounds peak well below full scale; ambiences are set by RMS.
"""

from __future__ import annotations

from pathlib import Path

import numpy as np

from . import audio as A
from .common import Made, rng

SCRIPT = "scripts/assetgen/sfx.py"
SR = A.SR


def _n(seconds: float) -> int:
    return int(round(seconds * SR))


def _place(out: np.ndarray, sig: np.ndarray, t: float, gain: float = 1.0) -> None:
    i = int(round(t * SR))
    sig = sig[: max(0, out.size - i)]
    out[i : i + sig.size] += sig * np.float32(gain)


def _room(x: np.ndarray, name: str, rt60: float, wet: float, seconds: float = 1.2) -> np.ndarray:
    """A touch of small-room reverb on a one-shot (mono in, mono out, tail kept within the length)."""
    ir = A.room_ir(name, seconds, rt60, 0.008, 0.6)
    y = A.convolve(x, ir)[:, : x.size].mean(axis=0)
    return x + y * np.float32(wet)


def _rms_to(x: np.ndarray, db: float) -> np.ndarray:
    return x * np.float32(10 ** ((db - A.rms_db(x)) / 20))


# --------------------------------------------------------------------------------------------
# interface


def ui_move() -> np.ndarray:
    """A soft tick: a tiny damped click with a faint woody tone."""
    gen = rng("sfx:ui_move")
    n = _n(0.09)
    click = A.spectral(A.white(gen, n), A.bandpass(1800, 6000, 2), circular=False, pad=0.02) * A.decay(n, 0.003)
    tone = A.sine(1950.0, n) * A.decay(n, 0.012) * np.float32(0.6)
    body = A.sine(820.0, n) * A.decay(n, 0.02) * np.float32(0.35)
    x = (click * np.float32(0.5) + tone + body) * A.ramp_in(n, 0.0008)
    return A.normalise_peak(A.fade(x, 0.0, 0.02), -14.0)


def ui_select() -> np.ndarray:
    """A gentle glassy chime: A5 and E6 (an open fifth), lightly strummed, with a little room."""
    n = _n(1.4)
    x = np.zeros(n, dtype=np.float32)
    _place(x, A.bell(A.note("A5"), 0.9, 1.3, bright=0.75), 0.0)
    _place(x, A.bell(A.note("E6"), 0.7, 1.2, bright=0.75), 0.028)
    _place(x, A.bell(A.note("A6"), 0.25, 0.8, bright=0.4), 0.05)
    x = _room(x, "sfx-small", 0.8, 0.35)
    return A.normalise_peak(A.fade(x, 0.001, 0.25), -9.0)


def ui_back() -> np.ndarray:
    """A lower, soft tone that falls a fourth (D5 to A4), rounded and short."""
    n = _n(0.45)
    t = np.arange(n) / SR
    f = A.hz(A.note("A4")) + (A.hz(A.note("D5")) - A.hz(A.note("A4"))) * np.exp(-t / 0.04)
    c = A.sweep_cycles(f)
    x = np.sin(A.TWO_PI * c) + np.float32(0.18) * np.sin(2 * A.TWO_PI * c)
    x = x * A.decay(n, 0.11) * A.ramp_in(n, 0.004)
    x = _room(x.astype(np.float32), "sfx-small", 0.6, 0.25)
    return A.normalise_peak(A.fade(x, 0.001, 0.08), -12.0)


def ui_error() -> np.ndarray:
    """A muted double bump: two low, rounded thumps, the second a little lower."""
    gen = rng("sfx:ui_error")
    n = _n(0.42)
    x = np.zeros(n, dtype=np.float32)
    for i, (t0, f) in enumerate(((0.0, 174.0), (0.13, 155.0))):
        m = _n(0.16)
        tt = np.arange(m) / SR
        ff = f * (1 + 0.25 * np.exp(-tt / 0.01))
        c = A.sweep_cycles(ff)
        bump = (np.sin(A.TWO_PI * c) + np.float32(0.3) * np.sin(2 * A.TWO_PI * c)) * A.decay(m, 0.035)
        thud = A.spectral(A.white(gen, m), A.lowpass(500, 2), circular=False, pad=0.02) * A.decay(m, 0.01)
        _place(x, (bump + thud * np.float32(0.15)) * A.ramp_in(m, 0.003), t0, 1.0 if i == 0 else 0.85)
    x = A.spectral(x, A.lowpass(1200, 2), circular=False, pad=0.05)
    return A.normalise_peak(A.fade(x, 0.001, 0.05), -8.0)


# --------------------------------------------------------------------------------------------
# Jay's shop


def door_bell() -> np.ndarray:
    """A small brass shop bell on a spring: struck as the door opens, then a few rebounds."""
    gen = rng("sfx:door_bell")
    n = _n(2.6)
    x = np.zeros(n, dtype=np.float32)
    modes = [(1.0, 1.0, 1.1), (2.32, 0.55, 0.6), (4.25, 0.35, 0.35), (6.63, 0.18, 0.2)]

    def strike(f0: float, vel: float) -> np.ndarray:
        m = _n(1.8)
        y = np.zeros(m, dtype=np.float32)
        for ratio, amp, tau in modes:
            f = f0 * ratio
            if f > 16000:
                continue
            for det in (-0.0012, 0.0012):  # a bell is never perfectly round: each mode is a close pair
                y += np.float32(amp * 0.5) * A.sine(f * (1 + det), m, gen.uniform()) * A.decay(m, tau)
        tick = A.spectral(A.white(gen, m), A.bandpass(3000, 9000, 2), circular=False, pad=0.01) * A.decay(m, 0.002)
        return (y + tick * np.float32(0.3)) * A.ramp_in(m, 0.0005) * np.float32(vel)

    hits = [(0.0, 1.0), (0.11, 0.55), (0.2, 0.4), (0.33, 0.3), (0.52, 0.18), (0.8, 0.1)]
    for i, (t0, v) in enumerate(hits):
        f0 = 1568.0 if i % 2 == 0 else 1571.0
        _place(x, strike(f0 * (1 + gen.normal(0, 0.0005)), v * gen.uniform(0.85, 1.0)), t0 + gen.normal(0, 0.006))
    x = _room(x, "sfx-shop", 0.9, 0.3, 1.5)
    return A.normalise_peak(A.fade(x, 0.0, 0.4), -6.0)


def record_crackle() -> np.ndarray:
    """Four seconds of vinyl surface noise: crackle, a few pops, faint hiss and rumble (loops)."""
    gen = rng("sfx:record_crackle")
    n = _n(4.0)
    fine = A.clicks(gen, n, rate=45, length=0.0015, tone=0.35, amp_spread=0.1)
    pops = A.clicks(gen, n, rate=1.5, length=0.004, tone=0.55, amp_spread=0.3)
    hiss = A.spectral(A.white(gen, n), A.bandpass(1500, 9000, 1.5)) * np.float32(0.008)
    rpm = 33.333 / 60.0
    cycles = max(1, round(rpm * n / SR))
    rumble = A.spectral(A.coloured(gen, n, -6.0), A.bandpass(20, 90, 2)) * np.float32(0.012)
    wobble = 1 + 0.3 * np.sin(2 * np.pi * cycles * np.arange(n) / n)
    x = fine + pops + hiss * wobble.astype(np.float32) + rumble
    x = A.spectral(x, A.lowpass(9000, 2))
    x = _rms_to(x, -33.0)
    return A.limit(x, 10 ** (-6 / 20))[0]


def needle_drop() -> np.ndarray:
    """The stylus lands: a soft low thump, a scrape, then the groove's crackle fading in and out."""
    gen = rng("sfx:needle_drop")
    n = _n(2.4)
    x = np.zeros(n, dtype=np.float32)
    m = _n(0.3)
    tt = np.arange(m) / SR
    thump = np.sin(A.TWO_PI * A.sweep_cycles(70 + 50 * np.exp(-tt / 0.02))) * A.decay(m, 0.06)
    contact = A.spectral(A.white(gen, m), A.bandpass(600, 5000, 2), circular=False, pad=0.02) * A.decay(m, 0.008)
    _place(x, (thump * np.float32(0.9) + contact * np.float32(0.5)) * A.ramp_in(m, 0.002), 0.05)
    _place(x, (A.spectral(A.white(gen, m), A.bandpass(300, 3000, 2), circular=False, pad=0.02)
               * A.decay(m, 0.02) * np.float32(0.25)), 0.085)
    groove_n = n - _n(0.1)
    groove = A.clicks(gen, groove_n, rate=40, length=0.0015, tone=0.35, amp_spread=0.12, circular=False)
    surface = A.spectral(A.white(gen, groove_n), A.bandpass(1500, 8000, 1.5), circular=False, pad=0.02)
    groove += surface * np.float32(0.01)
    t = np.arange(groove_n) / SR
    rot = (1 + 0.4 * np.sin(2 * np.pi * 0.5556 * t)).astype(np.float32)
    env = (np.minimum(1.0, t / 0.15) * np.exp(-np.maximum(t - 1.2, 0) / 0.35)).astype(np.float32)
    _place(x, groove * rot * env, 0.1)
    x = A.spectral(x, A.lowpass(10000, 2), circular=False, pad=0.1)
    return A.normalise_peak(A.fade(x, 0.002, 0.2), -6.0)


def tape_click() -> np.ndarray:
    """A cassette deck's play key: the key's click, the mechanism's clunk, the pinch roller, a motor."""
    gen = rng("sfx:tape_click")
    n = _n(0.7)
    x = np.zeros(n, dtype=np.float32)

    def click(t0: float, bright: float, level: float, tau: float) -> None:
        m = _n(0.06)
        c = A.spectral(A.white(gen, m), A.bandpass(bright * 0.4, bright * 2, 2), circular=False, pad=0.01)
        ring = A.sine(bright, m, gen.uniform()) * np.float32(0.5)
        _place(x, (c + ring) * A.decay(m, tau) * A.ramp_in(m, 0.0004), t0, level)

    def clunk(t0: float, f: float, level: float) -> None:
        m = _n(0.12)
        body = A.sine(f, m) * A.decay(m, 0.025)
        thud = A.spectral(A.white(gen, m), A.bandpass(120, 900, 2), circular=False, pad=0.02) * A.decay(m, 0.015)
        _place(x, (body + thud * np.float32(0.6)) * A.ramp_in(m, 0.001), t0, level)

    click(0.0, 3200.0, 0.5, 0.004)   # finger on the key
    clunk(0.055, 140.0, 0.9)         # the transport latches
    click(0.058, 2200.0, 0.6, 0.006)
    click(0.15, 4200.0, 0.25, 0.003)  # pinch roller meets the capstan
    clunk(0.152, 210.0, 0.3)
    m = _n(0.5)
    t = np.arange(m) / SR
    motor = (A.sine(100.0, m) * np.float32(0.25) + A.spectral(A.white(gen, m), A.bandpass(200, 1500, 2),
                                                              circular=False, pad=0.02) * np.float32(0.05))
    env = (np.minimum(1, t / 0.05) * np.exp(-t / 0.18)).astype(np.float32)
    _place(x, motor * env, 0.16, 0.35)
    return A.normalise_peak(A.fade(x, 0.0005, 0.1), -6.0)


def tape_hiss() -> np.ndarray:
    """Four seconds of cassette hiss: soft, slightly bright noise with a faint mains hum (loops)."""
    gen = rng("sfx:tape_hiss")
    n = _n(4.0)
    hiss = A.spectral(A.white(gen, n), A.chain(A.highpass(400, 1.0), A.lowpass(8000, 2), A.peak(4000, 0.7, 3)))
    hum = (A.sine(50.0, n) + np.float32(0.3) * A.sine(150.0, n)) * np.float32(0.02)  # 200 whole cycles
    cycles = max(1, round(1.3 * n / SR))
    flutter = (1 + 0.06 * np.sin(2 * np.pi * cycles * np.arange(n) / n)).astype(np.float32)
    x = hiss * flutter / np.float32(np.sqrt(np.mean(hiss**2))) + hum
    return _rms_to(x, -32.0)


# --------------------------------------------------------------------------------------------
# Mars and the signal


def radio_beep() -> np.ndarray:
    """Spacecraft comms: two short quindar-like beeps (2525 Hz) over a breath of band-limited static."""
    gen = rng("sfx:radio_beep")
    n = _n(0.75)
    x = np.zeros(n, dtype=np.float32)
    for t0, d in ((0.03, 0.13), (0.24, 0.2)):
        m = _n(d)
        beep = A.sine(2525.0, m) + np.float32(0.08) * A.sine(5050.0, m)
        _place(x, A.fade(beep, 0.004, 0.01), t0, 0.6)
    static = A.white(gen, n) * np.float32(0.06)
    env = np.exp(-np.arange(n) / SR / 0.3).astype(np.float32) * A.ramp_in(n, 0.01)
    x = A.spectral(x + static * env, A.bandpass(300, 3400, 3), circular=False, pad=0.05)
    return A.normalise_peak(A.fade(x, 0.002, 0.1), -8.0)


def radio_static() -> np.ndarray:
    """Three seconds of radio static: band-limited noise that fades, flutters and crackles (loops)."""
    gen = rng("sfx:radio_static")
    n = _n(3.0)
    loop_s = n / SR
    comps = [(k, gen.uniform(0.3, 1.0), gen.uniform(0, 2 * np.pi)) for k in (2, 5, 9, 17, 31)]

    def shape(t, f):
        fl = sum(a * np.sin(2 * np.pi * k * t / loop_s + ph) for k, a, ph in comps) / sum(c[1] for c in comps)
        level = 0.55 + 0.45 * fl
        band = np.exp(-0.5 * (np.log2(np.maximum(f, 20) / 1300.0) / 1.0) ** 2)
        return level * band

    x = A.stft_noise(gen, n, shape)
    x = A.spectral(x, A.bandpass(300, 3400, 3))
    x = x * np.float32(0.8) + A.clicks(gen, n, rate=30, length=0.002, tone=0.4, amp_spread=0.6)
    # a faint heterodyne whistle, drifting; its frequency is scaled to whole cycles per loop
    t = np.arange(n) / SR
    f = 1180 + 25 * np.sin(2 * np.pi * t / loop_s)
    f = f * (np.round(f.sum() / SR) / (f.sum() / SR))
    whistle = np.sin(A.TWO_PI * A.sweep_cycles(f))
    x = x / np.float32(np.sqrt(np.mean(x**2))) + whistle * np.float32(0.05)
    x = A.spectral(x, A.chain(A.bandpass(250, 4000, 3)))
    x = _rms_to(x, -22.0)
    return A.limit(x, 10 ** (-4 / 20))[0]


def message_send() -> np.ndarray:
    """A rising digital swoosh: a sweeping band of noise, a gliding tone, then a small bright blip."""
    gen = rng("sfx:message_send")
    n = _n(0.9)
    dur = 0.5

    def shape(t, f):
        p = np.clip(t / dur, 0, 1)
        centre = 500 * 2 ** (3.3 * p)
        env = np.sin(np.pi * p) ** 1.5 * (t < dur)
        return env * np.exp(-0.5 * (np.log2(np.maximum(f, 20) / centre) / 0.5) ** 2)

    whoosh = A.stft_noise(gen, n, shape, nfft=1024, hop=256)
    t = np.arange(n) / SR
    p = np.clip(t / dur, 0, 1)
    f = 600 * 2 ** (1.6 * p)
    glide = np.sin(A.TWO_PI * A.sweep_cycles(f)) * (np.sin(np.pi * p) ** 2 * (t < dur)).astype(np.float32)
    x = whoosh * np.float32(0.12) + glide * np.float32(0.25)
    _place(x, A.bell(A.note("A6"), 0.5, 0.4, bright=0.6), dur - 0.03)
    x = _room(x, "sfx-small", 0.7, 0.25)
    return A.normalise_peak(A.fade(x, 0.002, 0.1), -8.0)


def message_arrive() -> np.ndarray:
    """Two soft pings a fourth apart (E6, then A6): Nan-young's rising interval, quietly."""
    n = _n(1.4)
    x = np.zeros(n, dtype=np.float32)
    _place(x, A.bell(A.note("E6"), 0.8, 1.0, bright=0.35), 0.0)
    _place(x, A.bell(A.note("A6"), 0.75, 1.2, bright=0.35), 0.16)
    x = _room(x, "sfx-small", 0.9, 0.35)
    return A.normalise_peak(A.fade(x, 0.001, 0.3), -9.0)


# --------------------------------------------------------------------------------------------
# weather and steps


def storm_wind() -> np.ndarray:
    """Six seconds of storm wind: a band of noise that rises and falls with the gusts (loops)."""
    gen = rng("sfx:storm_wind")
    n = _n(6.0)
    loop_s = n / SR
    comps = [(k, gen.uniform(0.4, 1.0) / k ** 0.5, gen.uniform(0, 2 * np.pi)) for k in (1, 2, 3, 5, 8)]
    norm = sum(c[1] for c in comps)

    def shape(t, f):
        g = 0.5 + 0.5 * sum(a * np.sin(2 * np.pi * k * t / loop_s + ph) for k, a, ph in comps) / norm
        centre = 280.0 * 2 ** (1.8 * g)
        band = np.exp(-0.5 * (np.log2(np.maximum(f, 20) / centre) / 1.0) ** 2)
        whistle = 0.3 * g**3 * np.exp(-0.5 * (np.log2(np.maximum(f, 20) / (centre * 2.5)) / 0.07) ** 2)
        sand = 0.06 * g**2 * np.exp(-0.5 * (np.log2(np.maximum(f, 20) / 5000) / 0.8) ** 2)
        low = 0.4 * np.exp(-0.5 * (np.log2(np.maximum(f, 20) / 70) / 1.0) ** 2)
        return (0.3 + 0.9 * g) * (band + whistle + sand + low)

    x = A.stft_noise(gen, n, shape)
    x = _rms_to(x, -20.0)
    return A.limit(x, 10 ** (-3 / 20))[0]


def footstep() -> np.ndarray:
    """One soft step: a heel's muffled thud, then the sole rolling off with a little grit."""
    gen = rng("sfx:footstep")
    n = _n(0.35)
    x = np.zeros(n, dtype=np.float32)
    m = _n(0.12)
    heel = A.spectral(A.white(gen, m), A.bandpass(70, 450, 2), circular=False, pad=0.02) * A.decay(m, 0.02)
    heel += A.sine(95.0, m) * A.decay(m, 0.03) * np.float32(0.6)
    _place(x, heel * A.ramp_in(m, 0.002), 0.0)
    m2 = _n(0.1)
    scuff = A.spectral(A.white(gen, m2), A.bandpass(900, 5000, 2), circular=False, pad=0.02)
    grit = A.clicks(gen, m2, rate=250, length=0.001, tone=0.3, amp_spread=0.4, circular=False)
    env = np.sin(np.pi * np.arange(m2) / m2).astype(np.float32) ** 2
    _place(x, (scuff * np.float32(0.25) + grit) * env, 0.045, 0.5)
    x = A.spectral(x, A.lowpass(6000, 2), circular=False, pad=0.05)
    return A.normalise_peak(A.fade(x, 0.001, 0.05), -9.0)


def rain_loop() -> np.ndarray:
    """Six seconds of steady rain: a soft wash, many small drops, the odd heavier drip (loops)."""
    gen = rng("sfx:rain_loop")
    n = _n(6.0)
    wash = A.spectral(A.coloured(gen, n, -2.0), A.chain(A.bandpass(400, 8000, 1.5), A.peak(2500, 0.8, 3)))
    drops = A.spectral(A.clicks(gen, n, rate=1400, length=0.003, tone=0.3, amp_spread=0.1), A.highpass(1200, 1.5))
    drips = A.clicks(gen, n, rate=6, length=0.012, tone=0.6, amp_spread=0.3)
    drips = A.spectral(drips, A.bandpass(700, 4000, 2))
    rumble = A.spectral(A.coloured(gen, n, -6.0), A.lowpass(150, 2))
    x = wash * np.float32(0.06) + drops + drips + rumble * np.float32(0.02)
    x = A.spectral(x, A.lowpass(7000, 2))
    x = _rms_to(x, -24.0)
    return A.limit(x, 10 ** (-4 / 20))[0]


EFFECTS = {
    "ui_move": (ui_move, "interface: a soft tick"),
    "ui_select": (ui_select, "interface: a gentle glassy chime (A5 and E6)"),
    "ui_back": (ui_back, "interface: a lower soft tone falling a fourth"),
    "ui_error": (ui_error, "interface: a muted double bump"),
    "door_bell": (door_bell, "a small brass shop bell on a spring"),
    "record_crackle": (record_crackle, "vinyl crackle, 4 s loop"),
    "needle_drop": (needle_drop, "a record needle landing in the groove"),
    "tape_click": (tape_click, "a cassette deck's play key and mechanism"),
    "tape_hiss": (tape_hiss, "cassette hiss, 4 s loop"),
    "radio_beep": (radio_beep, "spacecraft comms beeps over static"),
    "radio_static": (radio_static, "radio static, 3 s loop"),
    "message_send": (message_send, "a rising digital swoosh"),
    "message_arrive": (message_arrive, "two soft pings a fourth apart"),
    "storm_wind": (storm_wind, "storm wind with gusts, 6 s loop"),
    "footstep": (footstep, "one soft footstep"),
    "rain_loop": (rain_loop, "steady rain, 6 s loop"),
}
LOOPS = {"record_crackle", "tape_hiss", "radio_static", "storm_wind", "rain_loop"}


def _path(assets: Path, name: str) -> Path:
    return assets / "audio" / "sfx" / f"{name}.ogg"


def render(name: str) -> np.ndarray:
    x = np.asarray(EFFECTS[name][0](), dtype=np.float32)
    if name in LOOPS:
        x = A.quiet_start(x, 0.005)
    return np.clip(x, -0.89, 0.89)


def generate(assets: Path) -> list[Made]:
    made = []
    for name, (_, what) in EFFECTS.items():
        path = A.write_ogg(_path(assets, name), render(name), SR, quality=0.6)
        made.append(Made(path, what, SCRIPT))
    return made


def listing(assets: Path) -> list[Made]:
    return [Made(_path(assets, name), what, SCRIPT) for name, (_, what) in EFFECTS.items()]
