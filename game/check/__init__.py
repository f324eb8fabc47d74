"""Headless analysis of a loaded story: exhaustive exploration, static checks, reports."""
