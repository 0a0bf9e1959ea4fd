"""CalcOffice: a throwaway headless LibreOffice on a private profile, with an extension (alvh.oxt)
installed as a user installs it.

    with CalcOffice(oxt_path) as office:    # or CalcOffice(oxt_path, locale="de-DE")
        doc = office.new_calc()             # or office.load(path)
        ...

What it does, in order (every step has a timeout; see the constants below):
  1. Makes a private run directory (profile, HOME, TMPDIR, logs) under $TMPDIR; never touches
     the user's own profile.
  2. Creates the profile first (soffice --terminate_after_init): an office started on a fresh
     profile deletes the extension registry that `unopkg add` wrote before it.
  3. Installs the .oxt into that profile as a user installs it: with `unopkg add` (never with
     --shared). As root, where unopkg refuses a user installation, through the running office's
     ExtensionManager instead (what unopkg and Tools > Extension Manager call): the office then
     runs as root, on the private profile, and reads and writes what root can (a checkout under
     /root included). Sets the profile's locale when one is given (Tools > Options > Languages >
     Locale setting).
  4. Starts soffice --headless in its own process group (working directory: the run directory),
     accepting a private pipe, and connects.
  5. On exit (also on failure or timeout): terminates the office, kills its process group if it
     lingers, and deletes the run directory.
"""
import os
import shutil
import signal
import subprocess
import sys
import tempfile
import threading
import time
import uuid

from .calc import file_url, prop

LO_PROGRAM = os.environ.get("ALVH_LO_PROGRAM", "/usr/lib/libreoffice/program")
SOFFICE = os.path.join(LO_PROGRAM, "soffice")
UNOPKG = os.path.join(LO_PROGRAM, "unopkg")
PROFILE_TIMEOUT = 180   # seconds: first start of a fresh profile
UNOPKG_TIMEOUT = 180
CONNECT_TIMEOUT = 120
STOP_TIMEOUT = 30


class OfficeError(RuntimeError):
    pass


def kill_group(pgid):
    """SIGKILL to every process of the process group pgid (gone already: nothing)."""
    try:
        os.killpg(pgid, signal.SIGKILL)
    except (ProcessLookupError, PermissionError):
        pass


class CalcOffice:
    """A headless office on a private profile with an extension installed (None: no add-in),
    in the office's default locale or in locale (a BCP 47 tag such as "de-DE")."""

    def __init__(self, oxt=None, keep=False, label="alvh-calc", watchdog_seconds=900,
                 locale=None):
        self.oxt = os.path.abspath(oxt) if oxt else None
        self.locale = locale
        self.keep = keep
        self.label = label
        self.watchdog_seconds = watchdog_seconds
        self.run_dir = None
        self.proc = None
        self.ctx = None
        self.desktop = None
        self.pipe = None
        self._watchdog = None
        self.start_seconds = None

    # ---- lifecycle ------------------------------------------------------------------------
    def __enter__(self):
        try:
            self.prepare()
            self.start()
        except BaseException:
            self.close()
            raise
        return self

    def __exit__(self, *exc):
        self.close()

    def prepare(self):
        """Run directory, profile, extension installed. Idempotent."""
        if self.run_dir:
            return
        self.run_dir = tempfile.mkdtemp(prefix=self.label + "-")
        for sub in ("home", "tmp"):
            os.mkdir(os.path.join(self.run_dir, sub))
        self.profile = os.path.join(self.run_dir, "profile")
        self._run([SOFFICE, "--headless", "--invisible", "--norestore", "--nologo",
                   "--terminate_after_init", self._profile_arg()], PROFILE_TIMEOUT, "init.log")
        if not os.path.isfile(os.path.join(self.profile, "user", "extensions", "buildid")):
            raise OfficeError("soffice did not create the profile; see " + self._log("init.log"))
        if self.oxt and os.getuid() == 0:
            self._install_as_root()
        elif self.oxt:
            self._run([UNOPKG, "add", "-s", self._profile_arg(), self.oxt], UNOPKG_TIMEOUT,
                      "unopkg.log")
            out = self._run([UNOPKG, "list", self._profile_arg()], UNOPKG_TIMEOUT,
                            "unopkg-list.log")
            if "is registered" not in out or "org.alvhcalc.addin" not in out:
                raise OfficeError("unopkg did not register the extension:\n" + out)
        if self.locale:
            self._set_locale(self.locale)

    def _install_as_root(self):
        """unopkg refuses root for a user installation; the ExtensionManager it calls does not.
        Installs the .oxt into the private profile through a short-lived office, which is then
        stopped so that start() begins on a profile that has the extension, as after unopkg."""
        from .install import add_extension
        self.start()
        try:
            add_extension(self.ctx, self.oxt)
        finally:
            self.stop()

    # How soffice shows itself (a subclass with a window drops these) and its pipes' prefix.
    DISPLAY_SWITCHES = ("--headless", "--invisible")
    PIPE_PREFIX = "alvhcalc"

    def start(self):
        """Start soffice on the prepared profile and connect (again, after stop())."""
        import uno
        from com.sun.star.connection import NoConnectException
        self.pipe = f"{self.PIPE_PREFIX}_{os.getpid()}_{uuid.uuid4().hex[:8]}"
        args = [SOFFICE, *self.DISPLAY_SWITCHES, "--norestore", "--nologo", "--nodefault",
                "--nofirststartwizard", "--nolockcheck", self._profile_arg(),
                f"--accept=pipe,name={self.pipe};urp;StarOffice.ComponentContext"]
        t0 = time.monotonic()
        log = open(self._log("soffice.log"), "ab")
        self.proc = subprocess.Popen(args, stdin=subprocess.DEVNULL, stdout=log,
                                     stderr=subprocess.STDOUT, env=self._env(),
                                     cwd=self.run_dir, start_new_session=True)
        log.close()
        self._start_watchdog()
        local = uno.getComponentContext()
        resolver = local.ServiceManager.createInstanceWithContext(
            "com.sun.star.bridge.UnoUrlResolver", local)
        url = f"uno:pipe,name={self.pipe};urp;StarOffice.ComponentContext"
        while True:
            try:
                self.ctx = resolver.resolve(url)
                break
            except NoConnectException:
                if self.proc.poll() is not None:
                    raise OfficeError(f"soffice exited with {self.proc.returncode}; see "
                                      + self._log("soffice.log"))
                if time.monotonic() - t0 > CONNECT_TIMEOUT:
                    raise OfficeError("timed out connecting to soffice")
                time.sleep(0.1)
        self.desktop = self.ctx.ServiceManager.createInstanceWithContext(
            "com.sun.star.frame.Desktop", self.ctx)
        self.start_seconds = time.monotonic() - t0
        return self

    def stop(self):
        """Terminate the office (politely, then by killing its process group)."""
        if self._watchdog:
            self._watchdog.cancel()
            self._watchdog = None
        if self.proc is None:
            return
        try:
            if self.desktop is not None:
                self.desktop.terminate()
        except Exception:
            pass  # the bridge is disposed as the office goes away
        try:
            self.proc.wait(timeout=STOP_TIMEOUT)
        except subprocess.TimeoutExpired:
            pass
        kill_group(self.proc.pid)  # soffice.bin is oosplash's child, in the same group
        try:
            self.proc.wait(timeout=STOP_TIMEOUT)
        except subprocess.TimeoutExpired:
            pass
        # A killed office leaves its pipe's socket file behind (/tmp/OSL_PIPE_<uid>_<name>).
        for d in {"/tmp", os.environ.get("TMPDIR", "/tmp")}:
            try:
                os.unlink(os.path.join(d, f"OSL_PIPE_{os.getuid()}_{self.pipe}"))
            except OSError:
                pass
        self.proc = self.ctx = self.desktop = None

    def close(self):
        self.stop()
        if self.run_dir and not self.keep:
            shutil.rmtree(self.run_dir, ignore_errors=True)
            self.run_dir = None

    def alive(self):
        """True when soffice still runs and answers over the bridge."""
        if self.proc is None or self.proc.poll() is not None:
            return False
        try:
            self.desktop.getComponents()
            return True
        except Exception:
            return False

    def rss_mib(self):
        """Resident memory of soffice.bin (the office process, child of oosplash), in MiB."""
        for pid in os.listdir("/proc"):
            if not pid.isdigit():
                continue
            try:
                with open(f"/proc/{pid}/cmdline", "rb") as f:
                    cmd = f.read()
                if b"soffice.bin" not in cmd or self.pipe.encode() not in cmd:
                    continue
                with open(f"/proc/{pid}/status") as f:
                    for line in f:
                        if line.startswith("VmRSS:"):
                            return int(line.split()[1]) / 1024.0
            except OSError:
                continue
        return None

    # ---- documents ------------------------------------------------------------------------
    def new_calc(self):
        return self.desktop.loadComponentFromURL("private:factory/scalc", "_blank", 0,
                                                 (prop("Hidden", True),))

    def load(self, path):
        return self.desktop.loadComponentFromURL(file_url(path), "_blank", 0,
                                                 (prop("Hidden", True),))

    def service(self, name):
        return self.ctx.ServiceManager.createInstanceWithContext(name, self.ctx)

    def temp_path(self, name):
        return os.path.join(self.run_dir, name)

    # ---- internals ------------------------------------------------------------------------
    def _profile_arg(self):
        return "-env:UserInstallation=" + file_url(self.profile)

    def _env(self):
        return dict(os.environ, HOME=os.path.join(self.run_dir, "home"),
                    TMPDIR=os.path.join(self.run_dir, "tmp"))

    def _log(self, name):
        return os.path.join(self.run_dir, name)

    def _run(self, cmd, timeout, logname):
        with open(self._log(logname), "wb") as log:
            p = subprocess.Popen(cmd, stdin=subprocess.DEVNULL, stdout=log,
                                 stderr=subprocess.STDOUT, env=self._env(),
                                 cwd=self.run_dir, start_new_session=True)
            try:
                code = p.wait(timeout=timeout)
            except subprocess.TimeoutExpired:
                kill_group(p.pid)
                p.wait()
                raise OfficeError(f"timed out after {timeout}s: {' '.join(cmd)}")
            kill_group(p.pid)  # e.g. a soffice.bin that outlived its oosplash
        with open(self._log(logname), encoding="utf-8", errors="replace") as f:
            out = f.read()
        if code != 0:
            raise OfficeError(f"exit status {code}: {' '.join(cmd)}\n{out}")
        return out

    def _set_locale(self, locale):
        """Writes the profile's locale setting before the office starts on it."""
        path = os.path.join(self.profile, "user", "registrymodifications.xcu")
        with open(path, encoding="utf-8") as f:
            text = f.read()
        item = ('<item oor:path="/org.openoffice.Setup/L10N"><prop oor:name="ooSetupSystemLocale" '
                f'oor:op="fuse"><value>{locale}</value></prop></item>\n')
        with open(path, "w", encoding="utf-8") as f:
            f.write(text.replace("</oor:items>", item + "</oor:items>"))

    def _start_watchdog(self):
        """Kills the office if the run takes longer than watchdog_seconds: a hung office then
        fails the test (calls over the bridge raise) instead of hanging it."""
        if not self.watchdog_seconds:
            return
        pid = self.proc.pid

        def fire():
            sys.stderr.write(f"office: watchdog: soffice still busy after "
                             f"{self.watchdog_seconds}s, killing it\n")
            kill_group(pid)
        self._watchdog = threading.Timer(self.watchdog_seconds, fire)
        self._watchdog.daemon = True
        self._watchdog.start()
