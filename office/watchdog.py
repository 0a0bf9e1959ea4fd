"""A per-call watchdog for a running CalcOffice: one UNO call (a formula set, a recalculation)
that takes longer than its limit kills the office, so the call raises instead of hanging the
script; the caller then records the hang and restarts the office (office.stop(); office.start()).

    with CallWatchdog(office, 30) as dog:
        cell.setFormula(text)
        err = cell.getError()
    if dog.fired:
        ...                                  # the office is gone: restart it

CalcOffice's own watchdog limits a whole run; this one limits a single call (tests/calc/
test_sweep.py, issue 19's sweep of hostile calls).
"""
import threading

from .soffice import kill_group


class CallWatchdog:
    """Kills office's process group when the block runs longer than seconds; .fired tells."""

    def __init__(self, office, seconds):
        self.office = office
        self.seconds = seconds
        self.fired = False
        self._timer = None

    def _fire(self):
        self.fired = True
        if self.office.proc is not None:
            kill_group(self.office.proc.pid)

    def __enter__(self):
        self.fired = False
        self._timer = threading.Timer(self.seconds, self._fire)
        self._timer.daemon = True
        self._timer.start()
        return self

    def __exit__(self, *exc):
        self._timer.cancel()
        # An exception raised because the watchdog killed the office is the hang it reports.
        return self.fired
