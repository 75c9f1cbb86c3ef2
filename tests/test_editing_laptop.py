"""Issue 22 finding 7: a segment added with Insert takes its id from its first real title."""

from __future__ import annotations

from pathlib import Path

from presenter.show import load_show
from presenter.show.editing import add_segment, update_segment

SHOW = Path(__file__).resolve().parents[1] / "assets" / "smart-rlp.yaml"


def test_an_inserted_segment_is_named_by_its_first_title():
    show, index = add_segment(load_show(SHOW), 0)
    assert show.segments[index].id == "new-segment"
    show = update_segment(show, index, {"title": "Grußwort der Ministerin"})
    assert show.segments[index].id.startswith("grusswort") or show.segments[index].id.startswith("gruwort")
    assert "new-segment" not in show.segments[index].id
    renamed = show.segments[index].id
    show = update_segment(show, index, {"title": "Grußwort des Ministers"})
    assert show.segments[index].id == renamed  # a real id stays: the journal and the as-run know it


def test_two_inserted_segments_get_ids_of_their_own():
    show, first = add_segment(load_show(SHOW), 0)
    show, second = add_segment(show, first)
    assert show.segments[second].id == "new-segment-2"
    show = update_segment(show, second, {"title": "Begrüßung"})  # a title an existing segment has
    ids = [segment.id for segment in show.segments]
    assert len(ids) == len(set(ids)) and show.segments[second].id != "new-segment-2"


def test_an_id_given_with_the_title_is_kept():
    show, index = add_segment(load_show(SHOW), 0)
    show = update_segment(show, index, {"title": "Pause", "id": "kaffee"})
    assert show.segments[index].id == "kaffee"
