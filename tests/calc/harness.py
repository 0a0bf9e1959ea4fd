"""A throwaway headless LibreOffice with alvh.oxt installed, for the Calc tests and benchmark,
the template builder and the demo; and the small helpers they share (Checks, col_name,
range_a1, error_cells).

Run under the system python (/usr/bin/python3: `import uno` comes from python3-uno).

    run_unprivileged()                      # first: as root, re-runs the script as nobody
    with CalcOffice(oxt_path) as office:    # or CalcOffice(oxt_path, locale="de-DE")
        doc = office.new_calc()
        ...

What it does, in order (every step has a timeout; see the constants below):
  1. Makes a private run directory (profile, HOME, TMPDIR, logs) under $TMPDIR; never touches
     the user's own profile.
  2. Creates the profile first (soffice --terminate_after_init): an office started on a fresh
     profile deletes the extension registry that `unopkg add` wrote before it.
  3. Installs the .oxt with `unopkg add` exactly as a user would (never with --shared; unopkg
     refuses root without --shared, see run_unprivileged()), and sets the profile's locale when
     one is given (Tools > Options > Languages > Locale setting).
  4. Starts soffice --headless in its own process group, accepting a private pipe, and connects.
  5. On exit (also on failure or timeout): terminates the office, kills its process group if it
     lingers, and deletes the run directory.

Root: LibreOffice steps must not run as root (unopkg refuses, and the pipe name is per uid), so a
test script calls run_unprivileged() first: as root it re-executes itself as an unprivileged uid
(setpriv, default 65534 "nobody", or ALVH_CALC_UID) with its own HOME/TMPDIR, using copies of
the scripts and of the files named on its command line when that uid cannot read them (a build
tree under /root), and removes what that run left.
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

LO_PROGRAM = os.environ.get("ALVH_LO_PROGRAM", "/usr/lib/libreoffice/program")
SOFFICE = os.path.join(LO_PROGRAM, "soffice")
UNOPKG = os.path.join(LO_PROGRAM, "unopkg")
PROFILE_TIMEOUT = 180   # seconds: first start of a fresh profile
UNOPKG_TIMEOUT = 180
CONNECT_TIMEOUT = 120
STOP_TIMEOUT = 30
UNPRIVILEGED_UID = int(os.environ.get("ALVH_CALC_UID", "65534"))
_CHILD_MARK = "ALVH_CALC_UNPRIVILEGED_RUN"
_OUT_MARK = "ALVH_CALC_OUT"  # run_unprivileged_writing(): where the unprivileged run writes


def run_unprivileged():
    """As root: re-run this script as ALVH_CALC_UID (default nobody) and exit with its status.

    Otherwise returns immediately. The child gets a fresh HOME and TMPDIR in a directory this
    process owns and deletes afterwards, and every process left in the child's session is killed.
    """
    if os.getuid() != 0 or os.environ.get(_CHILD_MARK):
        return
    base = tempfile.mkdtemp(prefix="alvh-calc-root-")
    try:
        os.chmod(base, 0o755)
        for sub in ("home", "tmp"):
            os.mkdir(os.path.join(base, sub))
            os.chown(os.path.join(base, sub), UNPRIVILEGED_UID, UNPRIVILEGED_UID)
        # The unprivileged uid may not be able to read the build tree (a checkout under /root):
        # then it runs copies of this script and its modules, and of every file named on the
        # command line that it could not read.
        script = os.path.abspath(sys.argv[0])
        here = os.path.dirname(os.path.abspath(__file__))
        if not (_world_readable(script) and _world_readable(os.path.abspath(__file__))):
            scripts = os.path.join(base, "scripts")
            os.mkdir(scripts)
            for d in {here, os.path.dirname(script)}:
                for name in os.listdir(d):
                    if name.endswith(".py"):
                        shutil.copy(os.path.join(d, name), scripts)
            script = os.path.join(scripts, os.path.basename(script))
        args = []
        for k, a in enumerate(sys.argv[1:]):
            if os.path.isfile(a) and not _world_readable(os.path.abspath(a)):
                copy = os.path.join(base, f"arg{k}-{os.path.basename(a)}")
                shutil.copy2(a, copy)  # keeps the execute bit of a program (the alvh CLI)
                a = copy
            args.append(a)
        for root, dirs, files in os.walk(base):
            for name in dirs + files:
                path = os.path.join(root, name)
                os.chmod(path, os.stat(path).st_mode | 0o044 | (0o011 if os.path.isdir(path) or
                                                                 os.access(path, os.X_OK) else 0))
        env = dict(os.environ, HOME=os.path.join(base, "home"), TMPDIR=os.path.join(base, "tmp"))
        env[_CHILD_MARK] = "1"
        cmd = ["setpriv", f"--reuid={UNPRIVILEGED_UID}", f"--regid={UNPRIVILEGED_UID}",
               "--clear-groups", sys.executable, script] + args
        child = subprocess.Popen(cmd, env=env, start_new_session=True)
        try:
            code = child.wait()
        except BaseException:
            _kill_group(child.pid)
            raise
        _kill_group(child.pid)  # anything the run left behind (it cleans up itself normally)
        sys.exit(code)
    finally:
        shutil.rmtree(base, ignore_errors=True)


def run_unprivileged_writing(out_dir):
    """run_unprivileged() for a script that writes files into out_dir (which the unprivileged uid
    may not be able to write): as root, the unprivileged run writes into a scratch directory of
    its own, copied into out_dir when it exits, and this process exits with its status.
    Returns the directory to write into (out_dir itself when not root)."""
    if os.getuid() != 0 or os.environ.get(_CHILD_MARK):
        return os.environ.get(_OUT_MARK, out_dir)
    tmp = tempfile.mkdtemp(prefix="alvh-calc-out-")
    try:
        os.chown(tmp, UNPRIVILEGED_UID, -1)
        os.environ[_OUT_MARK] = tmp
        try:
            run_unprivileged()
        except SystemExit:
            for name in sorted(os.listdir(tmp)):
                shutil.copy(os.path.join(tmp, name), os.path.join(out_dir, name))
            raise
    finally:
        os.environ.pop(_OUT_MARK, None)
        shutil.rmtree(tmp, ignore_errors=True)
    return out_dir  # not reached: run_unprivileged() exits as root


def _world_readable(path):
    """True when any uid can read path: o+r on it, o+x on every directory above it."""
    try:
        if not os.stat(path).st_mode & 0o004:
            return False
        d = os.path.dirname(path)
        while True:
            if not os.stat(d).st_mode & 0o001:
                return False
            parent = os.path.dirname(d)
            if parent == d:
                return True
            d = parent
    except OSError:
        return False


def _kill_group(pgid):
    try:
        os.killpg(pgid, signal.SIGKILL)
    except (ProcessLookupError, PermissionError):
        pass


def prop(name, value):
    import uno  # noqa: F401  (python3-uno; imported lazily so --help works anywhere)
    from com.sun.star.beans import PropertyValue
    p = PropertyValue()
    p.Name = name
    p.Value = value
    return p


class OfficeError(RuntimeError):
    pass


class Checks:
    """Counts checks; prints each failure as it happens. The scripts end with
    print(f"{checks.passed} passed, {checks.failed} failed")."""

    def __init__(self):
        self.passed = 0
        self.failed = 0

    def check(self, cond, what):
        if cond:
            self.passed += 1
        else:
            self.failed += 1
            print("FAIL", what, flush=True)
        return cond


def col_name(c):
    """Column letters of 0-based column c: 0 -> A, 25 -> Z, 26 -> AA."""
    s = ""
    c += 1
    while c:
        c, r = divmod(c - 1, 26)
        s = chr(65 + r) + s
    return s


def range_a1(addr):
    """"B2:C3" of a com.sun.star.table.CellRangeAddress."""
    return (f"{col_name(addr.StartColumn)}{addr.StartRow + 1}:"
            f"{col_name(addr.EndColumn)}{addr.EndRow + 1}")


def error_cells(doc):
    """"Sheet!B2:C3" of every formula cell range showing an error, in every sheet of doc (one
    query per sheet)."""
    from com.sun.star.sheet.FormulaResult import ERROR
    bad = []
    for i in range(doc.Sheets.Count):
        sh = doc.Sheets.getByIndex(i)
        for a in sh.queryFormulaCells(ERROR).RangeAddresses:
            bad.append(f"{sh.Name}!{range_a1(a)}")
    return bad


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
        if self.oxt:
            self._run([UNOPKG, "add", "-s", self._profile_arg(), self.oxt], UNOPKG_TIMEOUT,
                      "unopkg.log")
            out = self._run([UNOPKG, "list", self._profile_arg()], UNOPKG_TIMEOUT,
                            "unopkg-list.log")
            if "is registered" not in out or "org.alvhcalc.addin" not in out:
                raise OfficeError("unopkg did not register the extension:\n" + out)
        if self.locale:
            self._set_locale(self.locale)

    def start(self):
        """Start soffice on the prepared profile and connect (again, after stop())."""
        import uno
        from com.sun.star.connection import NoConnectException
        self.pipe = f"alvhcalc_{os.getpid()}_{uuid.uuid4().hex[:8]}"
        args = [SOFFICE, "--headless", "--invisible", "--norestore", "--nologo", "--nodefault",
                "--nofirststartwizard", "--nolockcheck", self._profile_arg(),
                f"--accept=pipe,name={self.pipe};urp;StarOffice.ComponentContext"]
        t0 = time.monotonic()
        log = open(self._log("soffice.log"), "ab")
        self.proc = subprocess.Popen(args, stdin=subprocess.DEVNULL, stdout=log,
                                     stderr=subprocess.STDOUT, env=self._env(),
                                     start_new_session=True)
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
        _kill_group(self.proc.pid)  # soffice.bin is oosplash's child, in the same group
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
        import uno
        return self.desktop.loadComponentFromURL(uno.systemPathToFileUrl(os.path.abspath(path)),
                                                 "_blank", 0, (prop("Hidden", True),))

    def service(self, name):
        return self.ctx.ServiceManager.createInstanceWithContext(name, self.ctx)

    def temp_path(self, name):
        return os.path.join(self.run_dir, name)

    # ---- internals ------------------------------------------------------------------------
    def _profile_arg(self):
        import uno
        return "-env:UserInstallation=" + uno.systemPathToFileUrl(self.profile)

    def _env(self):
        return dict(os.environ, HOME=os.path.join(self.run_dir, "home"),
                    TMPDIR=os.path.join(self.run_dir, "tmp"))

    def _log(self, name):
        return os.path.join(self.run_dir, name)

    def _run(self, cmd, timeout, logname):
        with open(self._log(logname), "wb") as log:
            p = subprocess.Popen(cmd, stdin=subprocess.DEVNULL, stdout=log,
                                 stderr=subprocess.STDOUT, env=self._env(),
                                 start_new_session=True)
            try:
                code = p.wait(timeout=timeout)
            except subprocess.TimeoutExpired:
                _kill_group(p.pid)
                p.wait()
                raise OfficeError(f"timed out after {timeout}s: {' '.join(cmd)}")
            _kill_group(p.pid)  # e.g. a soffice.bin that outlived its oosplash
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
            sys.stderr.write(f"harness: watchdog: soffice still busy after "
                             f"{self.watchdog_seconds}s, killing it\n")
            _kill_group(pid)
        self._watchdog = threading.Timer(self.watchdog_seconds, fire)
        self._watchdog.daemon = True
        self._watchdog.start()
