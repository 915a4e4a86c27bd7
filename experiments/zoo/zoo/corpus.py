"""Training text taken from files on this machine image: man pages, licence texts, Python sources.

Every corpus records the sorted list of files it used and a SHA-256 over (path, file bytes), so a
rebuild on the same image can prove it read the same text.
"""
import gzip
import hashlib
import re
from pathlib import Path

MAN_SECTIONS = ("man1", "man5", "man7", "man8")
# roff requests whose arguments are running text worth keeping
TEXT_MACROS = {"SH", "SS", "B", "I", "BR", "IR", "BI", "RB", "RI", "IB", "TP", "IP", "TH", "Nm", "Nd",
               "Sh", "Ss", "Fl", "Ar", "Pa", "Xr", "Op", "It"}
ESCAPES = [(re.compile(r"\\f(\[[^\]]*\]|\(..|.)"), ""), (re.compile(r"\\\((..)"), " "),
           (re.compile(r"\\\[[^\]]*\]"), " "), (re.compile(r"\\s[-+]?\d"), ""),
           (re.compile(r"\\[-]"), "-"), (re.compile(r"\\[&|^%:]"), ""), (re.compile(r"\\e"), lambda m: "\\"),
           (re.compile(r"\\\*(\(..|\[[^\]]*\]|.)"), ""), (re.compile(r"\\ "), " "), (re.compile(r'\\"'), "")]


def strip_roff(source: str) -> str:
    """Plain text of a man page: comments dropped, text-bearing macros unwrapped, escapes removed."""
    out = []
    for line in source.splitlines():
        if line.startswith(('.\\"', "'\\\"", '\\"')):
            continue
        if line.startswith((".", "'")):
            parts = line[1:].strip().split(None, 1)
            if not parts or parts[0] not in TEXT_MACROS or len(parts) < 2:
                continue
            line = parts[1].replace('"', "")
        for pattern, replacement in ESCAPES:
            line = pattern.sub(replacement, line)
        line = line.strip()
        if line:
            out.append(line)
    return "\n".join(out)


def _selected(paths, keep_one_in: int):
    """Deterministic sample: keep a file when a hash of its name falls in bucket 0."""
    return [p for p in sorted(paths) if int(hashlib.sha1(p.name.encode()).hexdigest(), 16) % keep_one_in == 0]


def _take(paths, reader, max_chars: int):
    texts, used, total = [], [], 0
    for path in paths:
        try:
            text = reader(path)
        except (OSError, UnicodeDecodeError, EOFError, gzip.BadGzipFile):
            continue
        if len(text) < 200:
            continue
        texts.append(text)
        used.append(path)
        total += len(text)
        if total >= max_chars:
            break
    return texts, used


def _fingerprint(used):
    digest = hashlib.sha256()
    for path in used:
        digest.update(str(path).encode() + b"\0" + path.read_bytes())
    return digest.hexdigest()


def _corpus(name, texts, used):
    return {"name": name, "text": "\n\n".join(texts), "files": [str(p) for p in used],
            "sha256": _fingerprint(used)}


def man_pages(max_chars: int, keep_one_in: int = 6):
    paths = [p for s in MAN_SECTIONS for p in Path("/usr/share/man", s).glob("*.gz")]
    texts, used = _take(_selected(paths, keep_one_in),
                        lambda p: strip_roff(gzip.decompress(p.read_bytes()).decode("utf-8")), max_chars)
    return _corpus("man", texts, used)


def licences(max_chars: int):
    paths = sorted(Path("/usr/share/common-licenses").iterdir()) + sorted(Path("/usr/share/doc").glob("*/copyright"))
    texts, used = _take([p for p in paths if p.is_file() and not p.is_symlink()],
                        lambda p: p.read_text("utf-8"), max_chars)
    return _corpus("licences", texts, used)


def python_sources(max_chars: int):
    root = Path("/usr/lib/python3.11")
    paths = sorted(root.glob("*.py")) + sorted(root.glob("*/*.py"))
    texts, used = _take([p for p in paths if "test" not in p.parts and "site-packages" not in p.parts],
                        lambda p: p.read_text("utf-8"), max_chars)
    return _corpus("python", texts, used)


def all_corpora(scale: float):
    """The three domains; scale 1.0 is the full build, smaller for the fast fixture build."""
    return {"man": man_pages(int(3_000_000 * scale)),
            "licences": licences(int(800_000 * scale)),
            "python": python_sources(int(1_500_000 * scale))}
