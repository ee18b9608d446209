"""A Content-Security-Policy <meta> for every built page, allowing only the site's own origin.

Material puts a few small inline scripts in each page; they are allowed by their SHA-256 hashes,
computed from the built page itself, so nothing else inline can run.
"""

from __future__ import annotations

import base64
import hashlib
import re
from pathlib import Path

_INLINE = re.compile(r"<script(?![^>]*\bsrc=)(?![^>]*type=\"application/json\")[^>]*>(.*?)</script>", re.S)
_CHARSET = re.compile(r"<meta charset=\"utf-8\">", re.I)
MARK = 'http-equiv="Content-Security-Policy"'


def policy(html: str) -> str:
    hashes = sorted({
        "'sha256-" + base64.b64encode(hashlib.sha256(body.encode("utf-8")).digest()).decode() + "'"
        for body in _INLINE.findall(html)
    })
    return "; ".join([
        "default-src 'self'",
        "script-src 'self' " + " ".join(hashes) if hashes else "script-src 'self'",
        "style-src 'self' 'unsafe-inline'",  # Material sets style attributes from its scripts
        "img-src 'self' data:",
        "font-src 'self'",
        "connect-src 'self'",
        "worker-src 'self'",
        "object-src 'none'",
        "base-uri 'self'",
        "form-action 'self'",
    ])


def add_policy(html: str) -> str:
    """Insert the policy right after <meta charset>, before any script (idempotent)."""
    if MARK in html:
        return html
    tag = f'<meta {MARK} content="{policy(html)}">'
    new, count = _CHARSET.subn(lambda m: m.group(0) + "\n    " + tag, html, count=1)
    if not count:
        raise ValueError("no <meta charset=\"utf-8\"> to put the policy after")
    return new


def add_to_site(site_dir: Path, only_prefix: str = "") -> int:
    count = 0
    for path in sorted(site_dir.rglob("*.html")):
        if not path.relative_to(site_dir).as_posix().startswith(only_prefix):
            continue
        text = path.read_text(encoding="utf-8")
        path.write_text(add_policy(text), encoding="utf-8")
        count += 1
    return count
