"""DATE recognizers on nursing-note shorthand (synthetic sentences): dates the notes write
without a date word, ranges, glued dates, "March of 1993"; and the fractions, vent
settings, pain scales, ranges and bare years that must stay unflagged."""
from __future__ import annotations

import pytest

from gateway.phi.recognizers import validators as V

from tests.phi.patterns_only import analyzer, findings  # noqa: F401 (analyzer: a fixture)


def dates(analyzer, text: str) -> list[str]:
    return [v for k, v in findings(analyzer, text) if k == "DATE"]


# (text, the exact value that must be reported as DATE)
POSITIVE = [
    # month/day, day 13-31: glued to a word by a period; counts after the date are not fractions
    ("Stable; went up to Bayview.9/27 and came back 9/29", "9/27"),
    ("MENTATION SAME AS 9/14 NIGHTS, PER FAMILY", "9/14"),
    ("good diuresis after 4/13 bumex dose; repeat in am", "4/13"),
    ("ENZYMES NEG SINCE 2/16 EPISODES OF SOB", "2/16"),
    # "VA" before a day of 13-31 is the hospital, not a visual acuity; "for l carotid" is no liter
    ("Pt was originally admitted to VA on 10/18 with ascites", "10/18"),
    ("pt admitted 10/3 for l carotid stent placement.", "10/3"),
    # a zero-padded day is no fraction
    ("ischemic CMP, LVEF 40% (4/02), DM2", "4/02"),
    # small day after a count ("x2") with a date word before it
    ("A: s/p DES x2 6/7, groin soft. P: ambulate", "6/7"),
    ("S/P AVR AND CABG X2 11/4, CHEST TUBES OUT", "11/4"),
    # small day right after a 24-hour clock time
    ("came up from the ED 0415 5/8, oriented", "5/8"),
    ("up to commode 1600 2/6 with assist", "2/6"),
    # ranges of dates and two dates run together
    ("was intubated 5/29-6/3 with aspiration pna", "5/29-6/3"),
    ("cefazolin course 4/2 - 4/9 completed", "4/2 - 4/9"),
    ("CHEMO CYCLE GIVEN 11/05/11/06 WITH NO REACTION", "11/05/11/06"),
    # numeric dates typed without a space after a date word, or with a period before the year
    ("lytes drawn on12/15/83 were normal", "12/15/83"),
    ("10/22.94 \nCV: SR 70s, no ectopy", "10/22.94"),
    # a month with a year, "of" between them: the month is reported
    ("back in april of 2019 she broke her wrist", "april"),
    ("FINAL RADIATION DOSE OCTOBER OF 1990.", "OCTOBER"),
    # a word after the sentence's end is no unit of the date (session 31)
    ("pain after lifting a valve overhead on 1/28. Pain 6/10 at rest", "1/28"),
]


@pytest.mark.parametrize("text,value", POSITIVE, ids=[p[0][:48] for p in POSITIVE])
def test_detects_date(analyzer, text, value):
    got = findings(analyzer, text)
    assert ("DATE", value) in got, f"expected DATE {value!r} in {text!r}; got {got}"


def test_range_keeps_the_single_dates(analyzer):
    # the range scores below a single date, so the single date inside it is still reported
    got = dates(analyzer, "admitted 3/4-3/6 for CHF")
    assert "3/4" in got and "3/4-3/6" in got


# text in which no DATE may be reported
NEGATIVE = [
    "visual acuity: VA 20/40 OU; gave 1/3 l NS",
    # vent settings
    "pressure support increased to 12/5 for the night",
    "able to go down to 8/5 by noon",
    "settings changed over to 5/5 after sbt",
    "remains 40% cpap 5/15 ips overnight",
    "AC 550x14, 60% 8/5, sats 95%",
    "gas improved ON 10/5 BIPAP 50% overnight",
    "tried face-mask ventilation 12/5 35% with good seal",
    "simv 650 11/20 35% 5 peep",
    "trach collar off, back on CPAP .5%, 6/14 overnight",
    # pain scales, pupils, cardiac output, halves
    "incision sore, rating 4/10 after percocet",
    "reports 6/10 incisional discomfort with coughing",
    "hip ache #3/10, relieved by repositioning",
    "pupils PERRLA 3/3, follows commands",
    "CO/CI 6/3 BY THERMODILUTION",
    "sat in the chair for over 1/2 hour today",
    "feeds resumed at 1/2 rate, advance as tol",
    # ranges that are not dates
    "RR above set rate by 2-4 breaths",
    "dialysis planned 3-5:30 pm, UF goal 1L",
    "uses a scale 1-10 for her headache",
    "CVP 4-8 since midnight",
    "albuterol ordered 4-6 puffs q4h prn",
    "crackles up 1/3-1/2 on the left",
    "advance formula 1/4-3/4 strength over 2 days",
    # feet, degrees, quotes, decades
    "HOB 30'. drain placed at 15cm",
    "ambulated 50' with PT and walker",
    "pt states pain is '10 out of 10'",
    "upper 90'S on 2L",
    # decimals and ratios are not dates
    "I:E 1/2.50 on current settings",
    # a bare month, a bare year (also a two-digit one: a year alone is no PHI under Safe Harbor)
    "symptoms started in March",
    "history of MI in 2019",
    "PMH: HTN, MI '02, CABGx3 '05, GERD",
    "TIA 81'. APPY 85'.",
    # within its sentence a unit still makes a fraction ("on 1/28 pain"), and no capital, no new sentence
    "took it on 1/28 pain scale; given 3/4. tabs left",
]


@pytest.mark.parametrize("text", NEGATIVE, ids=[t[:48] for t in NEGATIVE])
def test_does_not_flag_date(analyzer, text):
    got = dates(analyzer, text)
    assert not got, f"{text!r} should have no DATE; got {got}"


@pytest.mark.parametrize("value,ok", [
    ("6/30-7/2", True), ("8/2 - 8/10", True), ("10/03/10/04", True), ("12/30-1/2", True),
    ("3/4-3/4", True), ("2/28-3/1", True), ("2/27-2/29", True), ("12/20-1/10", True),
    ("2/8-3/2", False),      # 22 days, across February
    ("1/3-1/2", False),      # backwards as dates: a range of fractions
    ("1/4-3/4", False),      # two months apart
    ("2/30-3/2", False),     # no such date
    ("6/1-7/12", False),     # more than three weeks, to a day a fraction could have
    ("6/1-7/20", True),      # a period to a day no fraction has (session 30): "auth 10/1-12/31"
    ("10/1-12/31", True), ("8/1-10/31", True),
    ("1/1-7/20", False),     # more than half a year
    ("6/1", False),
])
def test_month_day_range(value, ok):
    assert V.month_day_range(value) is ok
