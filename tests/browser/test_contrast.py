"""Contrast that axe cannot judge: focus states (WCAG 1.4.3, 1.4.11) and forced colours (Windows contrast themes)."""

import re
import struct
import zlib

import pytest

# For a focused element: its text colour and the background behind the text, and its focus outline with the
# background just outside the outline (what is painted there: the skip link, for one, floats over the header).
FOCUS_COLOURS = """element => {
    const opaque = colour => colour && !/^rgba\\(.*, 0\\)$/.test(colour) && colour !== 'transparent';
    const behind = start => {
        for (let node = start; node; node = node.parentElement) {
            const colour = getComputedStyle(node).backgroundColor;
            if (opaque(colour)) return colour;
        }
        return 'rgb(255, 255, 255)';
    };
    const style = getComputedStyle(element);
    const box = element.getBoundingClientRect();
    const reach = parseFloat(style.outlineOffset) + parseFloat(style.outlineWidth) + 2;
    const x = box.left - reach >= 0 ? box.left - reach : box.right + reach;
    const outside = document.elementsFromPoint(x, box.top + box.height / 2).find(node => !element.contains(node));
    return {
        text: style.color,
        textBackground: behind(element),
        outline: style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) >= 2 ? style.outlineColor : null,
        around: behind(outside),
        label: (element.textContent || element.getAttribute('aria-label') || element.name || '').trim(),
    };
}"""


def rgb(colour):
    return tuple(int(part) for part in re.findall(r"\d+", colour)[:3])


def luminance(colour):
    def channel(value):
        value /= 255
        return value / 12.92 if value <= 0.03928 else ((value + 0.055) / 1.055) ** 2.4

    red, green, blue = (channel(value) for value in rgb(colour))
    return 0.2126 * red + 0.7152 * green + 0.0722 * blue


def contrast_of(first, second):
    return contrast("rgb({}, {}, {})".format(*first), "rgb({}, {}, {})".format(*second))


def contrast(first, second):
    lighter, darker = sorted([luminance(first), luminance(second)], reverse=True)
    return (lighter + 0.05) / (darker + 0.05)


def test_contrast_is_computed_as_wcag_does():
    assert round(contrast("rgb(0, 0, 0)", "rgb(255, 255, 255)"), 1) == 21.0
    # The fault this file guards against: dark text on the dark blue header.
    assert contrast("rgb(26, 26, 26)", "rgb(21, 66, 115)") < 2


@pytest.mark.parametrize("path", ["/", "/en/handreiking/sociale-steun/"])
def test_focused_links_and_fields_in_header_navigation_and_footer_keep_their_contrast(page, site, path):
    page.goto(site + path)
    page.keyboard.press("Tab")  # keyboard use, so that focus styles are the :focus-visible ones
    selector = ".utrecht-skip-link, header a, header input, header button, nav.utrecht-nav-bar a, footer a"
    checked = 0
    for element in page.locator(selector).all():
        element.focus()
        colours = element.evaluate(FOCUS_COLOURS)
        label = colours["label"]
        assert contrast(colours["text"], colours["textBackground"]) >= 4.5, (label, colours)
        assert colours["outline"], (label, "no focus outline")
        assert contrast(colours["outline"], colours["around"]) >= 3, (label, colours)
        checked += 1
    assert checked >= 15


def pixels(png):
    """Rows of (r, g, b) from an 8-bit RGB or RGBA PNG, as Chromium's screenshots are."""
    assert png[:8] == b"\x89PNG\r\n\x1a\n"
    position, data, header = 8, b"", None
    while position < len(png):
        length, kind = struct.unpack(">I4s", png[position : position + 8])
        chunk = png[position + 8 : position + 8 + length]
        if kind == b"IHDR":
            header = struct.unpack(">IIBBBBB", chunk)
        elif kind == b"IDAT":
            data += chunk
        position += 12 + length
    width, height, depth, colour_type = header[:4]
    assert depth == 8 and colour_type in (2, 6)
    size = 4 if colour_type == 6 else 3
    raw, stride, rows, previous = zlib.decompress(data), width * size, [], bytearray(width * size)
    for y in range(height):
        kind, line = raw[y * (stride + 1)], bytearray(raw[y * (stride + 1) + 1 : (y + 1) * (stride + 1)])
        for x in range(stride):
            left = line[x - size] if x >= size else 0
            up, corner = previous[x], previous[x - size] if x >= size else 0
            if kind == 1:
                line[x] = (line[x] + left) & 255
            elif kind == 2:
                line[x] = (line[x] + up) & 255
            elif kind == 3:
                line[x] = (line[x] + (left + up) // 2) & 255
            elif kind == 4:
                guess = left + up - corner
                nearest = min((abs(guess - left), 0, left), (abs(guess - up), 1, up), (abs(guess - corner), 2, corner))
                line[x] = (line[x] + nearest[2]) & 255
        rows.append([tuple(line[x : x + 3]) for x in range(0, stride, size)])
        previous = line
    return rows


def inside_differs(first, second):
    """The share of the inner disc of two radio buttons where they differ with at least 3:1 contrast."""
    first, second = pixels(first), pixels(second)
    height, width = min(len(first), len(second)), min(len(first[0]), len(second[0]))
    radius = 0.6 * min(height, width) / 2
    inside = [
        (y, x)
        for y in range(height)
        for x in range(width)
        if (y + 0.5 - height / 2) ** 2 + (x + 0.5 - width / 2) ** 2 <= radius**2
    ]
    return sum(contrast_of(first[y][x], second[y][x]) >= 3 for y, x in inside) / len(inside)


def checked_against_unchecked(page, url, checked, unchecked):
    page.goto(url)
    return inside_differs(page.locator(checked).screenshot(), page.locator(unchecked).screenshot())


@pytest.mark.parametrize(
    "path, checked, unchecked",
    [
        ("/keuzehulp/", "#id_leeftijd_0", "#id_leeftijd_1"),
        ("/kwaliteitstoets/?bewijs=2", "#id_bewijs_1", "#id_bewijs_0"),
    ],
)
def test_a_checked_radio_looks_checked_in_forced_colours(page, site, path, checked, unchecked):
    assert page.goto(site + path).ok
    assert page.locator(checked).is_checked() and not page.locator(unchecked).is_checked()
    assert checked_against_unchecked(page, site + path, checked, unchecked) >= 0.2
    page.emulate_media(forced_colors="active")
    forced = checked_against_unchecked(page, site + path, checked, unchecked)
    assert forced >= 0.2, f"in forced colours a checked radio looks like an unchecked one ({forced:.0%} differs)"


@pytest.mark.parametrize(
    "path, box",
    [
        ("/keuzehulp/?leeftijd=bejaarden", ".lpo-error-summary"),
        ("/keuzehulp/?leeftijd=ouders-gezin&doel=veerkracht&vorm=individueel", ".utrecht-alert--warning"),
        ("/en/handreiking/sociale-steun/", ".utrecht-alert--info"),
    ],
)
def test_error_summary_and_notices_keep_their_outline_in_forced_colours(page, site, path, box):
    page.emulate_media(forced_colors="active")
    page.goto(site + path)
    style = page.locator(box).first.evaluate(
        "box => { const s = getComputedStyle(box); return [s.borderTopStyle, s.borderTopWidth, s.borderTopColor]; }"
    )
    border_style, width, colour = style
    assert border_style == "solid" and float(width.removesuffix("px")) >= 1, style
    background = page.evaluate("getComputedStyle(document.body).backgroundColor")
    assert contrast(colour, background) >= 3, (style, background)
