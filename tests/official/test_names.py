"""Splitting "Office Name" strings and telling U.S. officials from counterparts."""

from __future__ import annotations

import pytest

from summitry.sources.official.names import Person, is_leader, is_us_official, split_person, split_visitors


@pytest.mark.parametrize(
    ("text", "office", "name"),
    [
        ("Prime Minister Benjamin Netanyahu", "Prime Minister", "Benjamin Netanyahu"),
        ("King Abdullah II", "King", "Abdullah II"),
        ("Queen Elizabeth II", "Queen", "Elizabeth II"),
        ("President-elect Vicente Fox", "President-elect", "Vicente Fox"),
        ("President- elect Ernesto Zedillo Ponce de Leon", "President-elect", "Ernesto Zedillo Ponce de Leon"),
        ("President-Elect Carlos Salinas de Gortari", "President-elect", "Carlos Salinas de Gortari"),
        ("Chancellor Angela Merkel", "Chancellor", "Angela Merkel"),
        ("Premier Wen Jiabao", "Premier", "Wen Jiabao"),
        ("General Secretary Mikhail S. Gorbachev", "General Secretary", "Mikhail S. Gorbachev"),
        ("Chairman Aleksei N. Kosygin", "Chairman", "Aleksei N. Kosygin"),
        ("Emir Sheikh Hamad bin Khalifa al-Thani", "Emir", "Sheikh Hamad bin Khalifa al-Thani"),
        ("Sultan Qaboos bin Said", "Sultan", "Qaboos bin Said"),
        ("Crown Prince Mohammed bin Salman", "Crown Prince", "Mohammed bin Salman"),
        ("Prime MinisterHaidar al- Abadi", "Prime Minister", "Haidar al- Abadi"),
        ("Prime Minster Adrian Nastase", "Prime Minister", "Adrian Nastase"),
        ("President of the Council of Ministers Hussain Mohammad Ershad", "President of the Council of Ministers",
         "Hussain Mohammad Ershad"),
        ("President Benigno S. Aquino, 3rd", "President", "Benigno S. Aquino, 3rd"),
        ("Valdas Adamkus", None, "Valdas Adamkus"),
        ("Governor General Earl of Athlone", "Governor-General", "Earl of Athlone"),
    ],
)
def test_split_person(text, office, name):
    assert split_person(text) == Person(office, name)


def test_split_visitors_joined_by_and():
    assert split_visitors("President Francesco Cossiga and Prime Minister Giulio Andreotti") == [
        Person("President", "Francesco Cossiga"),
        Person("Prime Minister", "Giulio Andreotti"),
    ]
    assert split_visitors("King Abdullah and Crown Prince Hussein") == [
        Person("King", "Abdullah"),
        Person("Crown Prince", "Hussein"),
    ]
    assert split_visitors("President Anwar Sadat, Prime Minister Mustafa Khalil")[1] == Person(
        "Prime Minister", "Mustafa Khalil"
    )


def test_double_title_is_one_person():
    assert split_visitors("Premier and Prince Sihanouk") == [Person("Premier and Prince", "Sihanouk")]
    assert split_visitors("Premier & Prince Sihanouk") == [Person("Premier and Prince", "Sihanouk")]


def test_is_leader():
    assert is_leader("Prime Minister") and is_leader("President-elect") and is_leader("Emir")
    assert not is_leader("Foreign Minister") and not is_leader(None)


@pytest.mark.parametrize(
    ("office", "name", "year", "us"),
    [
        ("President", "Bush", 1990, True),
        ("President", "George W. Bush", 2004, True),
        ("Former President", "Carter", 2002, True),
        ("Vice President", "Kamala Harris", 2023, True),
        ("Secretary of Defense", "Gates", 2008, True),
        ("President", "Taylor", 1998, False),  # Liberia's Charles Taylor, not Zachary Taylor
        ("President", "Putin", 2001, False),
        ("Vice President", "Yemi Osinbajo", 2017, False),
        ("Foreign Secretary", "Straw", 2005, False),
    ],
)
def test_is_us_official(office, name, year, us):
    assert is_us_official(office, name, year) is us
