"""Lost in Starlight: Signal Delay - a branching visual novel, its engine and its tools."""

__version__ = "0.1.0"
