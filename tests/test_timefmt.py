"""Durations and times of day: parsing what users write, formatting what the windows show."""

from __future__ import annotations

from datetime import time

import pytest

from presenter.timefmt import (
    TimeFormatError,
    format_countdown,
    format_duration,
    format_signed,
    parse_duration,
    parse_time_of_day,
)


@pytest.mark.parametrize(
    ("text", "seconds"),
    [
        ("5:00", 300),
        ("0:01", 1),
        ("0:59", 59),
        ("05:00", 300),
        ("37:45", 2265),
        ("90:00", 5400),  # minutes may go past 59 in m:ss
        ("1:00:00", 3600),
        ("1:30:15", 5415),
        ("10:00:00", 36000),
        ("0:00", 0),  # the loader refuses a 0:00 segment, the parser does not
        (" 5:00 ", 300),
    ],
)
def test_parse_duration(text, seconds):
    assert parse_duration(text) == seconds


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("5 Min", '"5 Min" is not m:ss or h:mm:ss'),
        ("300", '"300" is not m:ss or h:mm:ss'),
        ("5", '"5" is not m:ss or h:mm:ss'),
        ("5:0", '"5:0" is not m:ss or h:mm:ss'),
        ("5:60", '"5:60" is not m:ss or h:mm:ss'),
        ("1:60:00", '"1:60:00" is not m:ss or h:mm:ss'),
        ("1:5:00", '"1:5:00" is not m:ss or h:mm:ss'),
        ("5.00", '"5.00" is not m:ss or h:mm:ss'),
        ("5:00.5", '"5:00.5" is not m:ss or h:mm:ss'),
        ("", '"" is not m:ss or h:mm:ss'),
        ("-1:00", '"-1:00" is negative'),
        ("-0:00", '"-0:00" is negative'),
        ("-1:00:00", '"-1:00:00" is negative'),
    ],
)
def test_parse_duration_refuses(text, message):
    with pytest.raises(TimeFormatError) as caught:
        parse_duration(text)
    assert str(caught.value) == message
    assert isinstance(caught.value, ValueError)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("17:30", time(17, 30)),
        ("7:30", time(7, 30)),
        ("07:30", time(7, 30)),
        ("00:00", time(0, 0)),
        ("23:59", time(23, 59)),
        ("19:00:30", time(19, 0, 30)),
        (" 17:30 ", time(17, 30)),
    ],
)
def test_parse_time_of_day(text, expected):
    assert parse_time_of_day(text) == expected


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("25:00", '"25:00" is not a time of day HH:MM'),
        ("24:00", '"24:00" is not a time of day HH:MM'),
        ("17.30", '"17.30" is not a time of day HH:MM'),
        ("17:60", '"17:60" is not a time of day HH:MM'),
        ("1730", '"1730" is not a time of day HH:MM'),
        ("5:30 pm", '"5:30 pm" is not a time of day HH:MM'),
        ("17:30:60", '"17:30:60" is not a time of day HH:MM'),
        ("", '"" is not a time of day HH:MM'),
        ("-17:30", '"-17:30" is negative'),
    ],
)
def test_parse_time_of_day_refuses(text, message):
    with pytest.raises(TimeFormatError) as caught:
        parse_time_of_day(text)
    assert str(caught.value) == message


@pytest.mark.parametrize(
    ("seconds", "text"),
    [
        (0, "0:00"),
        (1, "0:01"),
        (59, "0:59"),
        (60, "1:00"),
        (300, "5:00"),
        (2265, "37:45"),
        (3599, "59:59"),
        (3600, "1:00:00"),
        (5415, "1:30:15"),
        (36000, "10:00:00"),
        (299.4, "4:59"),
        (299.5, "5:00"),  # nearest second, halves up
        (2.5, "0:03"),  # not banker's rounding (which gives 0:02 here but 0:04 for 3.5)
        (3.5, "0:04"),
        (0.4, "0:00"),
        (-0.4, "0:00"),  # no "-0:00"
        (-61, "-1:01"),
        (-3600, "-1:00:00"),
    ],
)
def test_format_duration(seconds, text):
    assert format_duration(seconds) == text


@pytest.mark.parametrize(
    ("remaining", "text"),
    [
        (300, "5:00"),
        (299.2, "5:00"),  # ceil: 5:00 stays on screen for the whole first second
        (299.0, "4:59"),
        (60.0001, "1:01"),
        (60, "1:00"),
        (1, "0:01"),
        (0.4, "0:01"),
        (0.0001, "0:01"),
        (0, "0:00"),
        (-0.0, "0:00"),
        (-1e-12, "0:00"),  # a hair past zero is not "+0:00"
        (-0.2, "+0:01"),
        (-1, "+0:01"),
        (-1.0001, "+0:02"),
        (-83, "+1:23"),
        (-3600, "+1:00:00"),
        (3600, "1:00:00"),
        (3599.5, "1:00:00"),
        (5400, "1:30:00"),
    ],
)
def test_format_countdown(remaining, text):
    assert format_countdown(remaining) == text


def test_format_countdown_shows_every_value_for_one_second():
    shown = [format_countdown(3 - tick / 10) for tick in range(61)]  # 3.0 s down to -3.0 s in tenths
    assert shown[0] == "0:03"
    assert shown[30] == "0:00"
    assert shown[60] == "+0:03"
    changes = [index for index in range(1, len(shown)) if shown[index] != shown[index - 1]]
    assert changes == [10, 20, 30, 31, 41, 51]  # 0:00 only at the instant, every other value for 1 s


@pytest.mark.parametrize(
    ("seconds", "text"),
    [
        (0, "±0:00"),
        (0.4, "±0:00"),
        (-0.4, "±0:00"),
        (0.5, "+0:01"),
        (-0.5, "−0:01"),
        (90, "+1:30"),
        (-90, "−1:30"),
        (2.5, "+0:03"),
        (-2.5, "−0:03"),
        (3725, "+1:02:05"),
    ],
)
def test_format_signed(seconds, text):
    assert format_signed(seconds) == text


@pytest.mark.parametrize("text", ["5:00", "59:59", "1:00:00", "1:30:15", "0:01"])
def test_parse_and_format_round_trip(text):
    assert format_duration(parse_duration(text)) == text
