"""The one-line summary of a revision cuts long lists short and counts what it left out."""

from tracker.history import summaries


def test_a_long_summary_says_how_many_more_changes(monkeypatch):
    for said, tail in ((7, "and 1 more change"), (9, "and 3 more changes")):
        monkeypatch.setattr(summaries, "phrases", lambda diff, n=said: [f"change {i}" for i in range(n)])
        monkeypatch.setattr(summaries, "compare", lambda old, new: None)
        line = summaries.summarize({}, {}, limit=6)
        assert line == "; ".join([f"change {i}" for i in range(6)] + [tail])
