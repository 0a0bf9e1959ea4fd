"""Kept for callers written before the office ran as root: the office toolkit now runs the office
as the calling user, root included (office/soffice.py installs the extension through the
office's ExtensionManager as root, where `unopkg add` refuses). Both functions do nothing."""


def run_unprivileged():
    """Nothing to do: the office runs as the calling user."""


def run_unprivileged_writing(out_dir):
    """Nothing to do: returns out_dir, where the caller writes."""
    return out_dir
