"""The logo's printed size, the same in every format: at most 60 x 25 mm, its shape kept."""

from __future__ import annotations

import io

MAX_WIDTH_MM, MAX_HEIGHT_MM = 60.0, 25.0


def logo_size_mm(data: bytes) -> tuple[float, float]:
    from PIL import Image

    with Image.open(io.BytesIO(data)) as image:
        width, height = image.size
    scale = min(MAX_WIDTH_MM / width, MAX_HEIGHT_MM / height)
    return width * scale, height * scale
