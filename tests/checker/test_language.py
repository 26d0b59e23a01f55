"""A text the checker cannot read says so, instead of an empty result that reads as 'all clear'."""

from __future__ import annotations

from summitry.checker import check_text
from summitry.checker.language import language_notice
from summitry.checker.record import Record

ENGLISH = ("Reagan and Gorbachev met in Reykjavik in October 1986. The summit was held at Hofdi House, and it "
           "nearly produced an agreement to abolish nuclear weapons. It broke down over the Strategic Defense "
           "Initiative, which Reagan would not confine to the laboratory, and the two men left without a deal. ")
# Texts of our own, in the style of a news brief in each language.
RUSSIAN = ("Президенты России и США провели переговоры в Женеве. Встреча продолжалась около четырёх часов, "
           "стороны обсудили стратегическую стабильность, кибербезопасность и работу посольств. По итогам "
           "было принято совместное заявление. Это была первая встреча двух лидеров после инаугурации "
           "американского президента, и обе стороны назвали её конструктивной, хотя и без прорывов. ") * 2
FRENCH = ("Les présidents russe et américain se sont retrouvés à Genève pour un sommet très attendu. Selon "
          "les deux délégations, les discussions ont porté sur la stabilité stratégique, la cybersécurité et "
          "le retour des ambassadeurs. Une déclaration commune a été publiée à l'issue de la rencontre, la "
          "première depuis l'arrivée du nouveau président à la Maison-Blanche. ") * 2


def test_english_is_read_without_a_notice() -> None:
    assert language_notice(ENGLISH * 2) is None


def test_other_scripts_and_languages_are_named() -> None:
    assert "Cyrillic" in language_notice(RUSSIAN)
    assert "does not look like English" in language_notice(FRENCH)
    assert language_notice("Путин и Байден.") is None  # too short to judge


def test_the_result_carries_the_notice(fixture_record: Record) -> None:
    res = check_text(RUSSIAN, record=fixture_record, content_type="text")
    assert res.claims == [] and "reads English only" in res.notice
    assert res.to_dict()["notice"] == res.notice
    assert check_text(ENGLISH * 2, record=fixture_record, content_type="text").notice is None
