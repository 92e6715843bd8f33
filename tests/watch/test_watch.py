"""`redline watch` polls: new items are coded once, unchanged inputs are skipped, broken ones
are named and the watch goes on, alerts are raised and notified as reports arrive."""

from __future__ import annotations

import json
import os
import shutil
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from functools import partial
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

import pytest
from feeds_for_watch import SIGNALS, SIGNING, rss

from redline.ingest import IngestLimits
from redline.notify.dispatch import Dispatcher
from redline.notify.sinks import JsonlNotifier
from redline.redlines.repository import AlertRepository
from redline.redlines.rules import load_rules
from redline.store import Store, open_store
from redline.watch import Watcher

pytestmark = pytest.mark.model

CROSSING = Path(__file__).parent.parent / "fixtures" / "one_crossing"


def watcher(store: Store, targets: list[str], pipeline: Any, jsonl: Path, **limits: Any) -> Watcher:
    rules = load_rules()
    dispatcher = Dispatcher(store, [JsonlNotifier(jsonl)], rules, throttle=None)
    return Watcher(targets, store, pipeline, rules, dispatcher, IngestLimits(**limits))


def notified(jsonl: Path) -> list[tuple[str, str, str]]:
    rows = [json.loads(line) for line in jsonl.read_text("utf-8").splitlines()]
    return [(r["alert"]["rule"], r["change"], r["alert"]["state"]) for r in rows]


def test_a_folder_and_a_feed_file_are_watched(pipeline: Any, tmp_path: Path) -> None:
    folder, feed, out = tmp_path / "inbox", tmp_path / "wire.rss", tmp_path / "alerts.jsonl"
    folder.mkdir()
    shutil.copy(CROSSING / "03-seoul-morning-post.md", folder)
    (folder / "broken.html").write_bytes(b"\x00\x01binary\x00")
    feed.write_text(rss("Eurasia Wire", SIGNALS), "utf-8")
    store = open_store(f"sqlite:///{tmp_path / 'watch.db'}")
    watch = watcher(store, [str(folder), str(feed), str(tmp_path / "missing")], pipeline, out)

    first = watch.poll()
    assert first.new == 2 and first.copies == 0
    assert {p.origin for p in first.problems} == {
        str(folder / "broken.html"),
        str(tmp_path / "missing"),
    }
    assert notified(out) == [("mutual-defence", "raised", "crossed")]

    # nothing changed: nothing is read again, nothing is sent; a touch changes nothing either
    os.utime(folder / "03-seoul-morning-post.md")
    second = watch.poll()
    assert (second.changed_inputs, second.new, second.seen, second.notifications) == (0, 0, 0, [])
    assert {p.origin for p in second.problems} == {str(tmp_path / "missing")}

    # a new item in the feed and a syndicated copy in the folder
    feed.write_text(rss("Eurasia Wire", SIGNALS + SIGNING), "utf-8")
    shutil.copy(CROSSING / "01-pacific-wire-harbour-daily.md", folder)
    shutil.copy(CROSSING / "02-pacific-wire-prairie-ledger.md", folder)
    third = watch.poll()
    assert third.new == 2 and third.copies == 1 and third.seen == 1  # the old feed item
    (alert,) = AlertRepository(store.engine).alerts()
    assert alert.sources == 3 and len(alert.outlets) == 4
    assert notified(out) == [
        ("mutual-defence", "raised", "crossed"),
        ("mutual-defence", "update", "crossed"),
    ]
    watch.dispatcher.close()
    store.engine.dispose()


@contextmanager
def serving(folder: Path) -> Iterator[str]:
    handler = partial(SimpleHTTPRequestHandler, directory=str(folder))
    handler.log_message = lambda *args: None  # type: ignore[attr-defined, assignment]
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, args=(0.05,), daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()


def test_a_feed_url_is_polled_and_skipped_while_unchanged(pipeline: Any, tmp_path: Path) -> None:
    site, out = tmp_path / "site", tmp_path / "alerts.jsonl"
    site.mkdir()
    (site / "feed.xml").write_text(rss("Eurasia Wire", SIGNALS), "utf-8")
    store = open_store(f"sqlite:///{tmp_path / 'watch.db'}")
    with serving(site) as base:
        url = f"{base}/feed.xml"
        private = watcher(store, [url], pipeline, out)
        refused = private.poll()
        private.dispatcher.close()
        assert refused.new == 0 and "private" in refused.problems[0].reason.lower()
        watch = watcher(store, [url, f"{base}/gone.xml"], pipeline, out, allow_private=True)
        first = watch.poll()
        assert first.new == 1 and [p.origin for p in first.problems] == [f"{base}/gone.xml"]
        assert notified(out) == [("mutual-defence", "raised", "signalled")]
        assert watch.poll().changed_inputs == 0
        (site / "feed.xml").write_text(rss("Eurasia Wire", SIGNALS + SIGNING), "utf-8")
        third = watch.poll()
    assert third.new == 1 and third.seen == 1
    assert notified(out)[-1] == ("mutual-defence", "state", "crossed")
    watch.dispatcher.close()
    store.engine.dispose()
