"""The add-in's "Save a copy for sharing" command, run over UNO (scripts/share.py, the tests).

    from office.share import share_copy
    with CalcOffice(oxt) as office:
        doc = office.load(path)
        ok, message = share_copy(office, doc, "out (shared).ods")   # or .xlsx, .pdf

It dispatches the command the Tools > ALVH Calc menu entry dispatches (org.alvhcalc.share:SaveCopy,
implemented in addin/src/share.cxx) with the output's file URL as its URL argument: the menu, the
script and the tests run the same code. The command never changes doc.
"""
from .calc import file_url, prop

SHARE_COMMAND = "org.alvhcalc.share:SaveCopy"


def share_copy(office, doc, path):
    """Writes the shared copy of doc (a Calc document loaded in office, which has alvh.oxt
    installed) to path, the format from its extension (.ods, .xlsx, .pdf). Returns (ok, message):
    the command's own sentence either way."""
    from com.sun.star.frame.DispatchResultState import SUCCESS
    helper = office.service("com.sun.star.frame.DispatchHelper")
    result = helper.executeDispatch(doc.CurrentController.Frame, SHARE_COMMAND, "", 0,
                                    (prop("URL", file_url(path)),))
    if result is None:  # nothing answered the command URL
        return False, f"{SHARE_COMMAND} did not run: is alvh.oxt installed in this office?"
    return result.State == SUCCESS, result.Result
