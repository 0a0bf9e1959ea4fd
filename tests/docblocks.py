"""Generated blocks in the docs: the text between a BEGIN and an END marker line, which a
check_*.py script regenerates from the build and compares (README's function reference, the
backtest and scenario tables)."""


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
