"""How much room text takes in the templates' default font (Liberation Sans 10 pt): the builder
sizes the rows of wrapped text itself, since Calc sizes no row for a merged cell's text and a
headless office measures text differently from a window."""

LINE_MM = 4.5   # the height of one line of the default font (10 pt)


def text_mm(text, bold=False):
    """The width of text in the default font (Liberation Sans 10 pt), estimated per character
    class with some slack (upper case and digits are wider than lower case)."""
    w = 0.0
    for ch in text:
        if ch.isupper():
            w += 2.35
        elif ch.isdigit():
            w += 1.95
        elif ch in " .,;:!|/()[]-'":
            w += 1.0
        elif ch in "mw%":
            w += 2.8
        else:
            w += 1.8
    return w * (1.08 if bold else 0.97)


def text_lines(text, width_mm, bold=False):
    """How many lines text takes wrapped at word boundaries in width_mm (Calc sizes no row for
    a merged cell's text, and a headless office measures text differently from a window, so the
    builder sizes wrapped rows itself)."""
    room = max(width_mm - 2.5, 1.0)  # the cell's inner margins
    lines, used = 1, 0.0
    for word in text.split():
        need = text_mm(word, bold) + (text_mm(" ", bold) if used else 0.0)
        if used and used + need > room:
            lines += 1
            used = text_mm(word, bold)
        else:
            used += need
    return lines
