"""Draws static/root/favicon.ico from static/favicon.svg (run again after changing the SVG's colours or shape).

Chromium renders the SVG at 16, 32 and 48 px; the ICO holds the three PNGs, which every current browser reads.
Run: .venv/bin/python scripts/make-favicon.py
"""

import base64
import struct
from pathlib import Path

from playwright.sync_api import sync_playwright

ROOT = Path(__file__).resolve().parents[1]
SVG = ROOT / "static" / "favicon.svg"
ICO = ROOT / "static" / "root" / "favicon.ico"
SIZES = [16, 32, 48]


def render(svg, sizes):
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path="/usr/bin/chromium", args=["--no-sandbox"])
        pngs = []
        for size in sizes:
            page = browser.new_page(viewport={"width": size, "height": size})
            page.set_content(
                f'<body style="margin:0"><img src="data:image/svg+xml;base64,{base64.b64encode(svg).decode()}"'
                f' width="{size}" height="{size}" style="display:block"></body>'
            )
            pngs.append(page.screenshot(omit_background=True, clip={"x": 0, "y": 0, "width": size, "height": size}))
            page.close()
        browser.close()
    return pngs


def ico(pngs, sizes):
    header = struct.pack("<HHH", 0, 1, len(pngs))
    offset = len(header) + 16 * len(pngs)
    entries, data = b"", b""
    for size, png in zip(sizes, pngs, strict=True):
        entries += struct.pack("<BBBBHHII", size % 256, size % 256, 0, 0, 1, 32, len(png), offset + len(data))
        data += png
    return header + entries + data


if __name__ == "__main__":
    ICO.write_bytes(ico(render(SVG.read_bytes(), SIZES), SIZES))
    print(f"{ICO.relative_to(ROOT)}: {ICO.stat().st_size} bytes")
