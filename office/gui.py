"""A visible Calc under a virtual X display (Xvfb), for what only a real window shows: the
templates' first screen (sheets/screenshots.py) and typing as a user types (tests/gui/).

    with XDisplay(1366, 768) as display, GuiCalcOffice(oxt, display) as office:
        doc = office.open(path)                # a window filling the screen
        office.select(doc, "Condor", "B8")     # the cell cursor there, the window focused
        display.type_text("0.15\\n")           # xdotool, key by key
        display.screenshot("first.png")        # ImageMagick's import, the whole screen

Needs the test-only packages xvfb, xdotool and imagemagick (scripts/install-deps.sh --gui).
Everything runs as the calling user: the X server, the office, xdotool. Every process started
here is stopped on exit, also on failure.
"""
import os
import shutil
import subprocess
import time

from .calc import file_url, prop
from .soffice import CalcOffice, OfficeError, kill_group

XVFB_TIMEOUT = 30  # seconds for the X server to announce its display


class XDisplay:
    """An Xvfb screen of width x height pixels (24-bit, 96 dpi) on a free display number."""

    def __init__(self, width=1366, height=768):
        self.width, self.height = width, height
        self.proc = None
        self.name = None

    def __enter__(self):
        missing = [p for p in ("Xvfb", "xdotool", "import") if not shutil.which(p)]
        if missing:
            raise OfficeError(f"missing {', '.join(missing)}: scripts/install-deps.sh --gui "
                              "installs xvfb, xdotool and imagemagick")
        r, w = os.pipe()
        self.proc = subprocess.Popen(
            ["Xvfb", "-displayfd", str(w), "-screen", "0", f"{self.width}x{self.height}x24",
             "-dpi", "96", "-nolisten", "tcp", "-noreset"],
            pass_fds=(w,), stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL, start_new_session=True)
        os.close(w)
        t0 = time.monotonic()
        number = b""
        try:
            while not number.endswith(b"\n"):
                if time.monotonic() - t0 > XVFB_TIMEOUT or self.proc.poll() is not None:
                    raise OfficeError("Xvfb did not start")
                chunk = os.read(r, 16)
                if not chunk:
                    raise OfficeError("Xvfb did not announce its display")
                number += chunk
        except BaseException:
            self.close()
            raise
        finally:
            os.close(r)
        self.name = ":" + number.decode().strip()
        return self

    def __exit__(self, *exc):
        self.close()

    def close(self):
        if self.proc is not None:
            self.proc.terminate()
            try:
                self.proc.wait(timeout=10)
            except subprocess.TimeoutExpired:
                kill_group(self.proc.pid)
                self.proc.wait()
            self.proc = None

    def env(self):
        return dict(os.environ, DISPLAY=self.name)

    def xdotool(self, *args):
        return subprocess.run(["xdotool", *args], env=self.env(), check=True, timeout=60,
                              capture_output=True, text=True).stdout

    def type_text(self, text, delay_ms=40):
        """Types text key by key into the focused window; "\\n" is the Return key."""
        for k, part in enumerate(text.split("\n")):
            if k:
                self.key("Return")
            if part:
                self.xdotool("type", "--delay", str(delay_ms), part)

    def key(self, *keys):
        self.xdotool("key", "--delay", "60", *keys)

    def windows(self, title):
        """Ids of the windows whose title matches the regular expression title (none: [])."""
        r = subprocess.run(["xdotool", "search", "--name", title], env=self.env(), timeout=60,
                           capture_output=True, text=True)
        return r.stdout.split()

    def wait_window(self, title, seconds=10.0):
        """The id of a window titled title once it shows, or None after seconds."""
        t0 = time.monotonic()
        while time.monotonic() - t0 < seconds:
            found = self.windows(title)
            if found:
                return found[-1]
            time.sleep(0.2)
        return None

    def answer(self, window, key="Return"):
        """Gives a dialog the keyboard (there is no window manager to do it) and presses key."""
        self.xdotool("windowfocus", "--sync", window)
        self.xdotool("key", "--window", window, key)

    def screenshot(self, path):
        """The whole screen as a PNG."""
        subprocess.run(["import", "-window", "root", path], env=self.env(), check=True,
                       timeout=60)


class GuiCalcOffice(CalcOffice):
    """CalcOffice with a window: the same private profile and installed add-in, on display
    (CalcOffice's start() without --headless/--invisible, with DISPLAY set)."""

    DISPLAY_SWITCHES = ()
    PIPE_PREFIX = "alvhgui"

    def __init__(self, oxt, display, locale=None, label="alvh-gui", **kw):
        super().__init__(oxt, label=label, locale=locale, **kw)
        self.display = display

    def _env(self):
        env = super()._env()
        env.update(DISPLAY=self.display.name, SAL_USE_VCLPLUGIN="gen")
        return env

    def open(self, path, as_template=False):
        """Opens path in a window that fills the screen (as_template: as File > New from a
        template does, an untitled copy); waits until the window is drawn."""
        doc = self.desktop.loadComponentFromURL(
            file_url(path), "_blank", 0, (prop("AsTemplate", bool(as_template)),))
        if doc is None:
            raise OfficeError(f"the office did not open {path}")
        window = doc.CurrentController.Frame.ContainerWindow
        window.setPosSize(0, 0, self.display.width, self.display.height, 15)
        window.setVisible(True)
        self.settle(doc)
        return doc

    def select(self, doc, sheet, a1):
        """Puts the cell cursor on sheet!a1 and gives the document's window the keyboard focus."""
        ctl = doc.CurrentController
        sh = doc.Sheets.getByName(sheet)
        ctl.setActiveSheet(sh)
        ctl.select(sh.getCellRangeByName(a1))
        frame = ctl.Frame
        frame.ContainerWindow.toFront()
        frame.ComponentWindow.setFocus()
        self.settle(doc)

    def settle(self, doc, seconds=0.6):
        """Lets the office draw: waits seconds, then until the office answers a call."""
        time.sleep(seconds)
        doc.CurrentController.Frame.ContainerWindow.getPosSize()
