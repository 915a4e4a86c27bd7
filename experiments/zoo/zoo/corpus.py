"""Training text taken from files on this machine image: man pages, licence texts, Python sources.

Every corpus records the sorted list of files it used and a SHA-256 over (path, file bytes), so a
rebuild on the same image can prove it read the same text.
"""
import gzip
import hashlib
import json
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


def _fingerprint(used, texts):
    """SHA-256 over (path, extracted text) of every file: the text is what training sees (a man page
    re-compressed with another gzip header keeps its digest)."""
    digest = hashlib.sha256()
    for path, text in zip(used, texts):
        digest.update(str(path).encode() + b"\0" + text.encode() + b"\0")
    return digest.hexdigest()


def _corpus(name, texts, used):
    return {"name": name, "text": "\n\n".join(texts), "files": [str(p) for p in used],
            "sha256": _fingerprint(used, texts)}


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


READERS = {"man": lambda p: strip_roff(gzip.decompress(p.read_bytes()).decode("utf-8")),
           "licences": lambda p: p.read_text("utf-8"), "python": lambda p: p.read_text("utf-8")}


def select(scale: float):
    """The three domains chosen afresh from the files now on the machine; scale 1.0 is the full build."""
    return {"man": man_pages(int(3_000_000 * scale)),
            "licences": licences(int(800_000 * scale)),
            "python": python_sources(int(1_500_000 * scale))}


def pinned(manifest: dict):
    """Exactly the files a pinned manifest lists, in its order, checked against its digests: packages
    installed later add man pages and would otherwise shift the selection."""
    out = {}
    for name, entry in manifest.items():
        used = [Path(f) for f in entry["files"]]
        missing = [str(p) for p in used if not p.is_file()]
        if missing:
            raise SystemExit(f"corpus {name}: pinned files missing from this machine: {missing[:5]}")
        corpus = _corpus(name, [READERS[name](p) for p in used], used)
        if corpus["sha256"] != entry["sha256"]:
            raise SystemExit(f"corpus {name}: pinned files changed (sha256 {corpus['sha256']} != {entry['sha256']})")
        out[name] = corpus
    return out


def load(profile_name: str, scale: float, pin_folder: Path):
    """The pinned corpora of a profile when its pin file exists, else a fresh selection that is then
    pinned (smoke runs are never pinned)."""
    pin = pin_folder / f"{profile_name}.json"
    if pin.exists():
        return pinned(json.loads(pin.read_text()))
    corpora = select(scale)
    if profile_name != "smoke":
        pin.parent.mkdir(parents=True, exist_ok=True)
        pin.write_text(json.dumps({n: {"files": c["files"], "sha256": c["sha256"], "chars": len(c["text"])}
                                   for n, c in corpora.items()}, indent=1) + "\n")
    return corpora
