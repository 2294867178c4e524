"""The places component: streets, squares, venues named by their heads."""
from __future__ import annotations

from pages import CITY, extract, names


def test_streets_drop_the_area_before_them_and_roads_of_speech_are_no_places():
    rec = extract(CITY + "本报讯 其中，东昌府区柳荫西大街的春华小区改造已完工。\n小山楂串起致富路\n")
    assert "柳荫西大街" in names(rec, "Place")
    assert "东昌府区柳荫西大街" not in names(rec)
    assert not any(n.endswith("致富路") for n in names(rec))


def test_sports_centre_is_a_place_named_in_full_from_its_relative_area():
    rec = extract(CITY + "第三届全民健身运动会在市滨河体育中心开幕。")
    assert "聊城市滨河体育中心" in names(rec, "Place")
