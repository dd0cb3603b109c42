"""The bench's time limit: each measurement gets a share of the time left, and repeats its rounds
while the next one is likely to end within that share. A slow machine gets fewer rounds, never a failure.
"""

from __future__ import annotations

import time


class Budget:
    """`seconds` for the whole bench, shared out by `weights` among the measurements still to run."""

    def __init__(self, seconds: float, weights: dict[str, float]):
        self.deadline = time.monotonic() + seconds
        self.weights = dict(weights)

    def until(self, name: str) -> float:
        """The time (time.monotonic()) by which measurement `name`, starting now, should end its rounds."""
        weight = self.weights.pop(name, 0)
        left = max(0.0, self.deadline - time.monotonic())
        return time.monotonic() + left * weight / (weight + sum(self.weights.values()) or 1)


def rounds(runs: int, until: float, least: int = 1):
    """Rounds 0, 1, … up to `runs`: at least `least`, then more while the next would likely end by `until`."""
    started = time.monotonic()
    for done in range(runs):
        now = time.monotonic()
        if done >= least and now + (now - started) / done > until:
            return
        yield done
