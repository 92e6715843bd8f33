"""Coverage-guided fuzzing of ingest with atheris: files of every format, and HTTP responses.

    python benchmarks/fuzz_ingest.py --seconds 600 --out benchmarks/results/fuzz_ingest.json

Each input picks a file suffix (text, Markdown, HTML, JSON Lines, RSS/Atom/XML, gzip, none)
or an HTTP response (status line, headers and body parsed by http.client, then read as a
fetched body), and goes through ``iter_sources`` (or the fetch path's response handling). A
crash is an exception escaping ingest or a broken invariant: an item that is neither a
Document nor an IngestProblem, a problem that does not name its input, or a document with an
empty or unstorable body. Crashes are kept as reproducers with their tracebacks and the run
goes on; inputs slower than ``--slow`` seconds are kept too, and libFuzzer's own timeout
(``--hang`` seconds) ends the run on a hang.

libFuzzer ends its process with exit(), so a parent process runs the fuzzer in a child and
writes the summary: inputs tried, crashes found, slow inputs, coverage and peak memory.
Needs ``pip install atheris`` (a test-only tool, not a dependency of redline).
"""

from __future__ import annotations

import argparse
import hashlib
import http.client
import io
import json
import os
import platform
import re
import subprocess
import sys
import tempfile
import time
import traceback
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

SUFFIXES = ("", ".txt", ".md", ".html", ".jsonl", ".rss", ".xml", ".atom", ".gz")
HTTP_MODE = len(SUFFIXES)
SEEDS = {
    ".md": b"---\ntitle: Talks\ndate: 2024-06-17\nsource_country: KOR\n---\nEnvoys met.\n",
    ".html": b"<!doctype html><html><head><title>T</title><meta property='article:"
    b"published_time' content='2024-06-17'></head><body><article><p>Envoys met in the port "
    b"city to prepare the summit, officials said after the talks.</p></article></body></html>",
    ".jsonl": b'{"text": "Envoys met.", "date": "2024-06-17", "source_country": "KOR"}\n{bad\n',
    ".rss": b'<?xml version="1.0"?><rss version="2.0"><channel><title>W</title><item><title>'
    b"T</title><description>&lt;p&gt;Envoys met.&lt;/p&gt;</description><pubDate>Mon, 17 Jun"
    b" 2024 09:00:00 GMT</pubDate></item></channel></rss>",
    ".atom": b'<feed xmlns="http://www.w3.org/2005/Atom"><title>A</title><entry><title>T'
    b"</title><content type='html'>&lt;p&gt;Envoys met.&lt;/p&gt;</content><updated>"
    b"2024-06-17T10:00:00Z</updated></entry></feed>",
}
# Tokens libFuzzer splices into inputs, so it reaches the checks without guessing them.
DICTIONARY = (
    "---", "...", "title:", "date:", "source_country:", "<item>", "</item>", "<entry>",
    "<description>", "<content type='html'>", "<rss version='2.0'>", "<channel>", "<feed>",
    "<!DOCTYPE", "<!ENTITY", "<![CDATA[", "]]>", "<!--", "-->", "<?xml version='1.0'",
    "encoding='", "?>", "&lt;", "&#x", "<html>", "<article>", "<p>", "<div>", "<script>",
    '{"text": "', '"date": "', "HTTP/1.1 200 OK\r\n", "Content-Type: ", "text/html",
    "application/rss+xml", "charset=", "Content-Encoding: gzip", "Content-Length: ",
    "Transfer-Encoding: chunked", "Location: ", "\r\n\r\n", "\x1f\x8b\x08",
    "\\ud800", "\\u0000", "&#xD800;", "<![", "encoding='utf-7'", "+ADw-", "[" * 16,
    "- " * 8, "1" * 16,
)  # fmt: skip
HTTP_SEED = (
    b"HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\nContent-Length: 46\r\n\r\n"
    b"<html><body><p>Envoys met today.</p></body></html>"
)


# The child: the fuzz target.


class _Stats:
    """Counts and findings, written to a JSON file the parent reads after the child exits."""

    def __init__(self, path: Path, artifacts: Path, slow_seconds: float) -> None:
        self.path, self.artifacts, self.slow_seconds = path, artifacts, slow_seconds
        self.inputs = 0
        self.crashes: dict[str, dict[str, str]] = {}
        self.slow: list[dict[str, Any]] = []
        self.slowest = 0.0
        self._written = 0.0

    def record(self, data: bytes, seconds: float, failure: BaseException | None) -> None:
        self.inputs += 1
        self.slowest = max(self.slowest, seconds)
        changed = False
        if failure is not None:
            frame = traceback.extract_tb(failure.__traceback__)[-1]
            key = f"{type(failure).__name__} at {Path(frame.filename).name}:{frame.lineno}"
            if key not in self.crashes:
                name = self._keep(data, "crash", traceback.format_exception(failure))
                self.crashes[key] = {"reproducer": name, "message": str(failure)[:300]}
                changed = True
        if seconds > self.slow_seconds and len(self.slow) < 50:
            name = self._keep(data, "slow", [f"{seconds:.2f} s\n"])
            self.slow.append({"reproducer": name, "seconds": round(seconds, 2)})
            changed = True
        if changed or time.monotonic() - self._written > 2:
            self.write()

    def _keep(self, data: bytes, kind: str, notes: list[str]) -> str:
        name = f"{kind}-{hashlib.sha1(data).hexdigest()[:16]}"
        (self.artifacts / name).write_bytes(data)
        (self.artifacts / f"{name}.txt").write_text("".join(notes), "utf-8")
        return name

    def write(self) -> None:
        self._written = time.monotonic()
        summary = {
            "inputs": self.inputs,
            "crashes": self.crashes,
            "slow": self.slow,
            "slowest_seconds": round(self.slowest, 3),
        }
        partial = self.path.with_suffix(".tmp")
        partial.write_text(json.dumps(summary), "utf-8")
        partial.replace(self.path)


def _worker(stats_path: Path, artifacts: Path, slow_seconds: float, fuzzer_args: list[str]) -> None:
    import atheris

    with atheris.instrument_imports(include=["redline", "feedparser", "yaml", "trafilatura"]):
        from redline.errors import IngestError
        from redline.ingest import IngestLimits, IngestProblem, iter_sources
        from redline.ingest.sources import read_fetched
        from redline.ingest.urls import read_response
        from redline.models import Document

    stats = _Stats(stats_path, artifacts, slow_seconds)
    workdir = Path(tempfile.mkdtemp(prefix="fuzz-ingest-"))
    limits = IngestLimits(max_bytes=1_000_000, fetch_timeout=5.0)
    url = "http://news.example.test/story"

    def check(target: str, results: list[object]) -> None:
        for item in results:
            if not isinstance(item, Document | IngestProblem):
                raise AssertionError(f"yielded {type(item).__name__}")
            if not (item.origin == target or item.origin.startswith((target + "#", target + ":"))):
                raise AssertionError(f"origin {item.origin!r} does not name {target!r}")
            if isinstance(item, Document):
                if not item.body.strip():
                    raise AssertionError("document with an empty body")
                item.body.encode("utf-8")

    def read_raw_response(raw: bytes) -> list[object]:
        response = http.client.HTTPResponse(_FakeSocket(raw), method="GET")  # type: ignore[arg-type]
        try:
            response.begin()
            location, body, content_type = read_response(response, limits)
        except IngestError as exc:
            return [IngestProblem.error(url, exc.message)]
        except (http.client.HTTPException, OSError, ValueError) as exc:  # as fetch() catches
            return [IngestProblem.error(url, f"cannot fetch: {exc}")]
        if location is not None:
            return []
        return list(read_fetched(url, body, content_type, limits))

    def test_one_input(data: bytes) -> None:
        if not data:
            return
        mode, content = data[0] % (HTTP_MODE + 1), data[1:]  # the seeds' first byte is the mode
        started = time.perf_counter()
        failure: BaseException | None = None
        try:
            if mode == HTTP_MODE:
                check(url, read_raw_response(content))
            else:
                path = workdir / f"input{SUFFIXES[mode]}"
                path.write_bytes(content)
                check(str(path), list(iter_sources([str(path)], limits)))
        except Exception as exc:  # every escape is a finding; keep going
            failure = exc
        stats.record(data, time.perf_counter() - started, failure)

    atheris.Setup([sys.argv[0], *fuzzer_args], test_one_input)
    atheris.Fuzz()


class _FakeSocket:
    """What http.client.HTTPResponse needs of a socket: a file of the raw response."""

    def __init__(self, raw: bytes) -> None:
        self._raw = raw

    def makefile(self, *args: Any, **kwargs: Any) -> io.BytesIO:
        return io.BytesIO(self._raw)


# The parent: run the child, summarise.


def _seed(corpus: Path) -> None:
    corpus.mkdir(parents=True, exist_ok=True)
    for suffix, content in SEEDS.items():
        (corpus / f"seed{suffix or '-none'}").write_bytes(bytes([SUFFIXES.index(suffix)]) + content)
    (corpus / "seed-http").write_bytes(bytes([HTTP_MODE]) + HTTP_SEED)


def _dict_escape(token: str) -> str:
    """A token in libFuzzer's dictionary syntax: printable ASCII, else \\xHH escapes."""
    return "".join(
        chr(byte) if 0x20 <= byte < 0x7F and byte not in b'"\\' else f"\\x{byte:02X}"
        for byte in token.encode("utf-8")
    )


def _libfuzzer_figures(log: str) -> dict[str, int | None]:
    def last(pattern: str) -> int | None:
        found = re.findall(pattern, log)
        return int(found[-1]) if found else None

    return {
        "libfuzzer_executed_units": last(r"stat::number_of_executed_units:\s+(\d+)"),
        "coverage_edges": last(r"cov: (\d+)"),
        "coverage_features": last(r"ft: (\d+)"),
        "corpus_inputs": last(r"corp: (\d+)/"),
        "peak_rss_mb": last(r"stat::peak_rss_mb:\s+(\d+)"),
    }


def run(seconds: int, out: Path, slow_seconds: float, hang_seconds: int) -> dict[str, Any]:
    """Fuzz for ``seconds`` in a child process and write the summary to ``out``."""
    with tempfile.TemporaryDirectory(prefix="fuzz-ingest-run-") as tmp:
        work = Path(tmp)
        corpus, artifacts = work / "corpus", out.parent / "fuzz_ingest_artifacts"
        artifacts.mkdir(parents=True, exist_ok=True)
        _seed(corpus)
        stats_path = work / "stats.json"
        dictionary = work / "ingest.dict"
        dictionary.write_text("".join(f'"{_dict_escape(token)}"\n' for token in DICTIONARY))
        fuzzer_args = [
            f"-max_total_time={seconds}",
            f"-dict={dictionary}",
            "-len_control=0",
            f"-timeout={hang_seconds}",
            "-rss_limit_mb=4096",
            "-max_len=65536",
            "-print_final_stats=1",
            f"-artifact_prefix={artifacts}/",
            str(corpus),
        ]
        command = [sys.executable, __file__, "--worker", str(stats_path), str(artifacts)]
        command += [str(slow_seconds), *fuzzer_args]
        started = time.monotonic()
        child = subprocess.run(
            command,
            capture_output=True,
            text=True,
            errors="replace",
            timeout=seconds + 300,
            env={**os.environ, "PYTHONWARNINGS": "ignore"},
            check=False,
        )
        elapsed = time.monotonic() - started
        stats = json.loads(stats_path.read_text("utf-8")) if stats_path.exists() else {}
        (work / "libfuzzer.log").write_text(child.stderr, "utf-8")
        hangs = sorted(p.name for p in artifacts.glob("timeout-*"))
        ooms = sorted(p.name for p in artifacts.glob("oom-*"))
        crashes = stats.get("crashes", {})
        figures = _libfuzzer_figures(child.stderr)
        # libFuzzer counts every run; the child's own count is written every 2 s.
        tried = figures["libfuzzer_executed_units"] or stats.get("inputs", 0)
        summary = {
            "tool": "atheris (libFuzzer)",
            "date": datetime.now(UTC).isoformat(timespec="seconds"),
            "python": platform.python_version(),
            "seconds_requested": seconds,
            "seconds_run": round(elapsed, 1),
            "inputs_tried": tried,
            "inputs_per_second": round(tried / max(elapsed, 1e-9), 1),
            "crashes_found": len(crashes) + len(hangs) + len(ooms),
            "crashes": crashes,
            "hangs": hangs,
            "out_of_memory": ooms,
            "slow_inputs": stats.get("slow", []),
            "slow_threshold_seconds": slow_seconds,
            "slowest_input_seconds": stats.get("slowest_seconds"),
            **figures,
            "libfuzzer_exit_code": child.returncode,
            "artifacts": str(artifacts),
        }
        if child.returncode and not (crashes or hangs or ooms):
            summary["error"] = child.stderr[-2000:]  # the fuzzer itself failed
        if not any(artifacts.iterdir()):
            artifacts.rmdir()
            summary["artifacts"] = None
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(json.dumps(summary, indent=2) + "\n", "utf-8")
    return summary


def main() -> None:
    """Parse arguments; run as the parent, or as the fuzzing child when told to."""
    if len(sys.argv) > 1 and sys.argv[1] == "--worker":
        stats_path, artifacts, slow = Path(sys.argv[2]), Path(sys.argv[3]), float(sys.argv[4])
        _worker(stats_path, artifacts, slow, sys.argv[5:])
        return
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--seconds", type=int, default=60, help="how long to fuzz")
    parser.add_argument("--out", type=Path, default=Path("benchmarks/results/fuzz_ingest.json"))
    parser.add_argument("--slow", type=float, default=2.0, help="keep inputs slower than this")
    parser.add_argument("--hang", type=int, default=30, help="libFuzzer's per-input timeout")
    args = parser.parse_args()
    try:
        import atheris  # noqa: F401
    except ImportError:
        sys.exit("atheris is not installed: pip install atheris")
    summary = run(args.seconds, args.out, args.slow, args.hang)
    print(json.dumps({k: v for k, v in summary.items() if k != "slow_inputs"}, indent=2))
    sys.exit(1 if summary["crashes_found"] or "error" in summary else 0)


if __name__ == "__main__":
    main()
