#!/usr/bin/python3
"""alvh.oxt is complete and self-contained: what LibreOffice needs to register it, and every
shared library the component needs is either shipped in the .oxt (found through RUNPATH
$ORIGIN), part of LibreOffice's program directory, or a base system library.

usage: check_oxt.py alvh.oxt [LO_PROGRAM_DIR]
Prints "N passed, N failed"; exit status 1 on any failure. No office is started.
"""
import os
import re
import shutil
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET
import zipfile

sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))  # tests/
from clicheck import check, report  # noqa: E402

OXT = sys.argv[1]
LO_PROGRAM = sys.argv[2] if len(sys.argv) > 2 else "/usr/lib/libreoffice/program"
# Present on any Linux system LibreOffice runs on (glibc, the GCC runtime LibreOffice itself
# links against).
BASE_LIBS = re.compile(r"^(libc|libm|libdl|libpthread|librt|ld-linux.*|libstdc\+\+|libgcc_s)"
                       r"\.so(\.\d+)*$")


def needed(path):
    out = subprocess.run(["readelf", "-d", path], capture_output=True, text=True,
                         timeout=60).stdout
    return re.findall(r"\(NEEDED\)\s+Shared library: \[([^\]]+)\]", out), \
        re.findall(r"\((?:RUNPATH|RPATH)\)\s+Library r(?:un)?path: \[([^\]]+)\]", out)


def main():
    with zipfile.ZipFile(OXT) as z:
        names = set(z.namelist())
        for required in ("META-INF/manifest.xml", "description.xml", "alvh.components",
                         "alvh.rdb", "libalvh_addin.so"):
            check(required in names, f"{required} is in the .oxt")
        tmp = tempfile.mkdtemp(prefix="alvh-oxt-")
        try:
            z.extractall(tmp)
            comp = ET.parse(os.path.join(tmp, "alvh.components")).getroot()
            ns = "{http://openoffice.org/2010/uno-components}"
            c = comp.find(ns + "component")
            impl = c.find(ns + "implementation")
            check(c.get("environment") == "gcc3" and c.get("uri") == "libalvh_addin.so",
                  "component: environment=gcc3 (needed with constructor=), uri libalvh_addin.so")
            check(impl.get("name") == "org.alvhcalc.FunctionsImpl"
                  and impl.get("constructor") == "org_alvhcalc_FunctionsImpl_get_implementation",
                  "implementation name and constructor")
            services = {s.get("name") for s in impl.findall(ns + "service")}
            check(services == {"org.alvhcalc.Functions", "com.sun.star.sheet.AddIn"},
                  f"services: {services}")
            share = [i for i in c.findall(ns + "implementation")
                     if i.get("name") == "org.alvhcalc.ShareImpl"]
            check(len(share) == 1 and share[0].get("constructor")
                  == "org_alvhcalc_ShareImpl_get_implementation"
                  and {s.get("name") for s in share[0].findall(ns + "service")}
                  == {"com.sun.star.frame.ProtocolHandler"},
                  "Save a copy for sharing: org.alvhcalc.ShareImpl, a ProtocolHandler, in the "
                  "same library")
            manifest = open(os.path.join(tmp, "META-INF", "manifest.xml")).read()
            check("alvh.rdb" in manifest and "alvh.components" in manifest,
                  "the manifest lists alvh.rdb and alvh.components")
            for xcu in ("Addons.xcu", "ProtocolHandler.xcu"):
                check(xcu in names and f'manifest:full-path="{xcu}"' in manifest,
                      f"{xcu} is in the .oxt and the manifest")
            handlers = open(os.path.join(tmp, "ProtocolHandler.xcu")).read()
            check('oor:name="org.alvhcalc.ShareImpl"' in handlers
                  and "<value>org.alvhcalc.share:*</value>" in handlers,
                  "ProtocolHandler.xcu sends org.alvhcalc.share:* to org.alvhcalc.ShareImpl")
            desc = open(os.path.join(tmp, "description.xml")).read()
            check('identifier value="org.alvhcalc.addin"' in desc, "extension identifier")
            so = os.path.join(tmp, "libalvh_addin.so")
            syms = subprocess.run(["nm", "-D", "--defined-only", so], capture_output=True,
                                  text=True, timeout=60).stdout
            for ctor in ("org_alvhcalc_FunctionsImpl_get_implementation",
                         "org_alvhcalc_ShareImpl_get_implementation"):
                check(ctor in syms, f"the library exports {ctor}")
            libs, runpath = needed(so)
            check(runpath == ["$ORIGIN"], f"RUNPATH is $ORIGIN: {runpath}")
            for lib in libs:
                shipped = lib in names
                in_office = os.path.exists(os.path.join(LO_PROGRAM, lib))
                check(shipped or in_office or BASE_LIBS.match(lib),
                      f"{lib} is shipped, in LibreOffice, or a base system library")
            check("libcjson.so.1" in names, "libcjson.so.1 is shipped (the core links cJSON)")
            # Resolve like the office would: LibreOffice's program dir on the path, and the
            # extracted .oxt as $ORIGIN; anything from the .oxt must come from the .oxt.
            env = dict(os.environ, LD_LIBRARY_PATH=LO_PROGRAM)
            ldd = subprocess.run(["ldd", so], capture_output=True, text=True, env=env,
                                 timeout=60).stdout
            check("not found" not in ldd, "ldd resolves every library:\n" + ldd)
            for line in ldd.splitlines():
                m = re.match(r"\s*(\S+) => (\S+)", line)
                if m and m.group(1) in names:
                    check(os.path.dirname(m.group(2)) == tmp,
                          f"{m.group(1)} resolves to the shipped copy: {m.group(2)}")
        finally:
            shutil.rmtree(tmp, ignore_errors=True)
    return report("check_oxt")


if __name__ == "__main__":
    sys.exit(main())
