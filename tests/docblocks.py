"""Generated blocks in the docs: the text between a BEGIN and an END marker line, which a
check_*.py script regenerates from the build and compares (README's function reference, the
backtest and scenario tables), and whole generated documents."""
import os


def splice(text, begin, end, block, path, update):
    """(text, good): good when the block between begin and end is block (the text unchanged),
    or, with update, after replacing it (the new text). Otherwise says why (markers missing, or
    the block is stale) and returns the text unchanged with good False."""
    if begin not in text or end not in text:
        print(f"{path}: markers missing: {begin}")
        return text, False
    head, rest = text.split(begin, 1)
    current, tail = rest.split(end, 1)
    if current.strip("\n") == block:
        return text, True
    if update:
        return head + begin + "\n" + block + "\n" + end + tail, True
    print(f"{path}: the block after {begin} is stale")
    return text, False


def check_generated(files, blocks, update, rerun, label):
    """Compares generated text with the files: files holds (path, text) for whole documents,
    blocks (path, begin, end, block) for blocks spliced into a document. With update, rewrites
    what differs. Prints "<label>: 1 passed, 0 failed" (or the stale paths and rerun, the
    command that updates them) and returns the exit code."""
    stale = []
    for path, text in files:
        current = open(path, encoding="utf-8").read() if os.path.exists(path) else ""
        if current != text:
            stale.append(path)
            if update:
                open(path, "w", encoding="utf-8").write(text)
    for path, begin, end, block in blocks:
        current = open(path, encoding="utf-8").read()
        new, good = splice(current, begin, end, block, path, update)
        if not good and update:
            return 1  # the markers are missing (splice said so)
        if not good or new != current:
            stale.append(path)
            if update:
                open(path, "w", encoding="utf-8").write(new)
    if stale and not update:
        print("stale: " + ", ".join(stale) + "\nrun: " + rerun)
        print(f"{label}: 0 passed, 1 failed")
        return 1
    print(f"{label}: 1 passed, 0 failed" if not stale else "updated: " + ", ".join(stale))
    return 0
