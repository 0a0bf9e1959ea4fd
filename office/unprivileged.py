"""LibreOffice never runs as root here: a script that starts an office calls run_unprivileged()
(or run_unprivileged_writing()) first.

Why: unopkg refuses root without --shared (and a shared install is not what a user does), and
the UNO pipe name is per uid. So as root the script re-executes itself as an unprivileged uid
(setpriv, default 65534 "nobody", or ALVH_CALC_UID) with its own HOME and TMPDIR. When that uid
cannot read the sources (a checkout under /root), it runs copies: the repository's Python files
(same layout, so the script finds office/ as usual) and every file named on its command line
that it could not read (each copy keeps its file name). What that run leaves is removed.
"""
import os
import shutil
import subprocess
import sys
import tempfile

from .soffice import kill_group

UNPRIVILEGED_UID = int(os.environ.get("ALVH_CALC_UID", "65534"))
ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))  # the repository
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
        env = dict(os.environ, HOME=os.path.join(base, "home"), TMPDIR=os.path.join(base, "tmp"))
        env[_CHILD_MARK] = "1"
        script = os.path.abspath(sys.argv[0])
        if not (_world_readable(script) and _world_readable(os.path.abspath(__file__))):
            script = _copy_sources(script, os.path.join(base, "src"))
            env["PYTHONPATH"] = os.path.join(base, "src")
        args = []
        for k, a in enumerate(sys.argv[1:]):
            if os.path.isfile(a) and not _world_readable(os.path.abspath(a)):
                os.mkdir(os.path.join(base, f"arg{k}"))
                copy = os.path.join(base, f"arg{k}", os.path.basename(a))
                shutil.copy2(a, copy)  # keeps the execute bit of a program (the alvh CLI)
                a = copy
            args.append(a)
        for root, dirs, files in os.walk(base):
            for name in dirs + files:
                path = os.path.join(root, name)
                os.chmod(path, os.stat(path).st_mode | 0o044 | (0o011 if os.path.isdir(path) or
                                                                 os.access(path, os.X_OK) else 0))
        cmd = ["setpriv", f"--reuid={UNPRIVILEGED_UID}", f"--regid={UNPRIVILEGED_UID}",
               "--clear-groups", sys.executable, script] + args
        child = subprocess.Popen(cmd, env=env, start_new_session=True)
        try:
            code = child.wait()
        except BaseException:
            kill_group(child.pid)
            raise
        kill_group(child.pid)  # anything the run left behind (it cleans up itself normally)
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


def _copy_sources(script, dest):
    """Copies the repository's Python files into dest, keeping their paths (hidden directories
    and CMake build trees aside), and the script when it lies outside the repository. Returns
    the script's copy."""
    for root, dirs, files in os.walk(ROOT):
        dirs[:] = [d for d in dirs if not d.startswith(".")
                   and not os.path.isfile(os.path.join(root, d, "CMakeCache.txt"))]
        for name in files:
            if name.endswith(".py"):
                to = os.path.join(dest, os.path.relpath(os.path.join(root, name), ROOT))
                os.makedirs(os.path.dirname(to), exist_ok=True)
                shutil.copy(os.path.join(root, name), to)
    rel = os.path.relpath(script, ROOT)
    if rel.startswith(".."):
        rel = os.path.basename(script)
        shutil.copy(script, os.path.join(dest, rel))
    return os.path.join(dest, rel)


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
