"""Installing an extension through a running office's ExtensionManager (the singleton
/singletons/com.sun.star.deployment.ExtensionManager that `unopkg` and Tools > Extension Manager
use), for root, whom `unopkg add` refuses a user installation. The installation goes to the
office's own (private) profile, repository "user", exactly where `unopkg add` would put it."""
import unohelper
from com.sun.star.task import XInteractionHandler
from com.sun.star.ucb import XCommandEnvironment, XProgressHandler

from .calc import file_url


class OfficeInstallError(RuntimeError):
    pass


class _Approve(unohelper.Base, XInteractionHandler):
    """Answers the one question an installation asks ("install this extension?") with yes. The
    request itself is not inspected: with Debian 12's pyuno and Python 3.11,
    request.getRequest() raises SystemError (an exception inside an Any)."""

    def handle(self, request):
        import uno
        approve = uno.getTypeByName("com.sun.star.task.XInteractionApprove")
        for continuation in request.getContinuations():
            if continuation.queryInterface(approve):
                continuation.select()
                return


class _Quiet(unohelper.Base, XProgressHandler):
    def push(self, status):
        pass

    def update(self, status):
        pass

    def pop(self):
        pass


class _Environment(unohelper.Base, XCommandEnvironment):
    def getInteractionHandler(self):
        return _Approve()

    def getProgressHandler(self):
        return _Quiet()


def add_extension(ctx, oxt):
    """Installs oxt (a path) for the office's user profile and checks it is registered."""
    manager = ctx.getValueByName("/singletons/com.sun.star.deployment.ExtensionManager")
    env = _Environment()
    try:
        package = manager.addExtension(file_url(oxt), (), "user", None, env)
    except Exception as e:  # a UNO exception: its message is what the Extension Manager says
        raise OfficeInstallError(f"the office did not install {oxt}: {e}") from e
    # isRegistered: beans::Optional< beans::Ambiguous< boolean > >
    registered = package.isRegistered(None, env) if package else None
    if not (registered and registered.IsPresent and registered.Value.Value):
        raise OfficeInstallError(f"the office installed {oxt} but did not register it")
    return package.getIdentifier().Value
