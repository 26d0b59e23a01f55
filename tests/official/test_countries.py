"""countries.csv: every HSG id maps to a real ISO code, and judgement calls carry a reason."""

from __future__ import annotations

from datetime import date

import pytest
from lxml import etree

from summitry.sources.official.countries import iso3_name, known_ids, load_table, table_problems, to_iso3

from ._paths import MINI, shared_root


def _ids_in(root) -> set[str]:
    ids: set[str] = set()
    for pattern, xpath in (("travels/*-travels/*.xml", "//trip/country/@id"), ("visits/data/*.xml", "//visit/from/@id")):
        for path in sorted(root.glob(pattern)):
            tree = etree.parse(str(path), etree.XMLParser(recover=True))
            ids |= {str(x) for x in tree.xpath(xpath)}
    return ids


def test_table_is_consistent():
    assert table_problems() == []


def test_every_row_has_a_name():
    for row in load_table():
        assert iso3_name(row.iso3), row


def test_fixture_ids_mapped_except_the_planted_unknown():
    assert _ids_in(MINI) - known_ids() == {"atlantis"}


def test_every_id_in_shared_data_is_mapped():
    root = shared_root()
    ids = _ids_in(root)
    assert len(ids) > 200
    assert ids - known_ids() == set()


@pytest.mark.parametrize(
    ("hsg_id", "on", "iso3"),
    [
        ("russia", date(1972, 5, 22), "SUN"),
        ("russia", date(1991, 12, 25), "SUN"),
        ("russia", date(1991, 12, 26), "RUS"),
        ("russia", None, "RUS"),
        ("serbia", date(2004, 1, 1), "SCG"),
        ("serbia", date(2010, 1, 1), "SRB"),
        ("yugoslavia", date(1975, 8, 3), "YUG"),
        ("czechoslovakia", date(1990, 2, 6), "CSK"),
        ("german-democratic-republic", date(1990, 6, 11), "DDR"),
        ("germany", date(1963, 6, 26), "DEU"),
        ("soviet-union", None, "SUN"),
        ("east-germany", None, "DDR"),
        ("west-germany", None, "DEU"),
        ("korea", None, "KOR"),
        ("somoa", None, "WSM"),
        ("kosovo", None, "XKX"),
        ("hawaii", date(1874, 12, 12), "XHI"),
        ("palestinian-authority", None, "PSE"),
        ("netherlands-antilles", None, "ANT"),
        ("turkiye", None, "TUR"),
    ],
)
def test_to_iso3(hsg_id, on, iso3):
    assert to_iso3(hsg_id, on) == iso3


def test_unknown_id_is_none_not_a_guess():
    assert to_iso3("atlantis") is None and to_iso3(None) is None
