"""Dates mentioned: each form per language, resolution around the publication date, false-positive guards."""

from __future__ import annotations

import datetime as dt

import pytest

from generator.annotate import dates
from generator.model import Article, Metadata

WEDNESDAY = dt.date(2025, 11, 12)


def values(text: str, language: str, published: dt.date | None = None) -> list[tuple[str, str]]:
    return [(m.surface, m.value) for m in dates.find_dates(text, language, published)]


@pytest.mark.parametrize(
    ("text", "language", "expected"),
    [
        ("La visite débutera le 11 novembre.", "fr", [("11 novembre", "--11-11")]),
        ("Il est venu le 3 décembre 2025 à Astana.", "fr", [("3 décembre 2025", "2025-12-03")]),
        ("Poutine s’était rendu à Astana en novembre 2024.", "fr", [("novembre 2024", "2024-11")]),
        ("Le tarif baisse au 1er janvier.", "fr", [("1er janvier", "--01-01")]),
        ("The vote is set for November 28.", "en", [("November 28", "--11-28")]),
        ("The cut starts on 4 December.", "en", [("4 December", "--12-04")]),
        ("It takes effect on Nov. 10, 2025.", "en", [("Nov. 10, 2025", "2025-11-10")]),
        ("The 4th of December is a Thursday.", "en", [("4th of December", "--12-04")]),
        ("Переговоры пройдут 12 ноября.", "ru", [("12 ноября", "--11-12")]),
        ("Это было в ноябре 2024 года.", "ru", [("ноябре 2024 года", "2024-11")]),
        ("Скидка действует с 1 января 2026 года.", "ru", [("1 января 2026 года", "2026-01-01")]),
        ("Das Abkommen gilt ab dem 12. November 2025.", "de", [("12. November 2025", "2025-11-12")]),
        ("The register lists it under 2025-11-12.", "en", [("2025-11-12", "2025-11-12")]),
        ("Signé le 12/11/2025 à Moscou.", "fr", [("12/11/2025", "2025-11-12")]),
        ("Signed on 11/12/2025 in Moscow.", "en", [("11/12/2025", "2025-11-12")]),
    ],
)
def test_each_form_without_a_publication_date(text, language, expected):
    assert values(text, language) == expected


def test_a_list_of_days_gives_one_date_per_day():
    found = values("Les séances auront lieu les 3 et 4 novembre, puis du 8 au 10 décembre 2025.", "fr")
    assert [v for _, v in found] == ["--11-03", "--11-04", "2025-12-08", "2025-12-10"]


def test_day_and_month_take_the_year_nearest_the_publication_date():
    assert values("Le 28 décembre, le navire est parti.", "fr", dt.date(2026, 1, 5)) == [("28 décembre", "2025-12-28")]
    assert values("Le 3 mars, le vote aura lieu.", "fr", dt.date(2025, 11, 10)) == [("3 mars", "2026-03-03")]
    assert values("Il est arrivé le 11 novembre.", "fr", WEDNESDAY) == [("11 novembre", "2025-11-11")]


def test_weekdays_need_a_publication_date_and_follow_the_tense():
    text = "Le président est arrivé mardi. La visite débutera vendredi. Il partira samedi prochain."
    assert values(text, "fr") == []
    assert values(text, "fr", WEDNESDAY) == [
        ("mardi", "2025-11-11"),
        ("vendredi", "2025-11-14"),
        ("samedi", "2025-11-15"),
    ]
    assert values("He arrived on Tuesday and will leave on Friday.", "en", WEDNESDAY) == [
        ("Tuesday", "2025-11-11"),
        ("Friday", "2025-11-14"),
    ]
    assert values("Делегация прибыла в понедельник.", "ru", WEDNESDAY) == [("понедельник", "2025-11-10")]
    assert values("Das Abkommen wurde am Mittwoch unterzeichnet.", "de", WEDNESDAY) == [("Mittwoch", "2025-11-12")]


def test_a_weekday_before_its_date_is_not_counted_twice():
    assert values("Rendez-vous mardi 11 novembre à Moscou.", "fr", WEDNESDAY) == [("11 novembre", "2025-11-11")]


def test_a_month_alone_needs_a_time_word_and_resolves_around_the_publication_date():
    published = dt.date(2025, 10, 14)
    assert values("Il doit effectuer une visite à Moscou en novembre.", "fr", published) == [("novembre", "2025-11")]
    assert values("Talks would begin in February.", "en", dt.date(2025, 12, 4)) == [("February", "2026-02")]
    assert values("В августе уровень упал.", "ru", dt.date(2025, 10, 28)) == [("августе", "2025-08")]
    assert values("Die Kommission tagt im Dezember.", "de", WEDNESDAY) == [("Dezember", "2025-12")]
    assert values("Deux convois sont prévus d’ici la fin décembre.", "fr") == [("décembre", "--12")]
    assert values("The ministry expects it by mid-December.", "en", WEDNESDAY) == [("December", "2025-12")]


def test_a_year_alone_needs_a_time_word_a_year_word_or_a_cell_of_its_own():
    assert values("La région souffre de la sécheresse depuis 2021.", "fr") == [("2021", "2021")]
    assert values("Trade reached $28bn in 2024 and will grow by 2028.", "en") == [("2024", "2024"), ("2028", "2028")]
    assert values("Заседание запланировано на 2026 год.", "ru") == [("2026 год", "2026")]
    assert values("Port\n\nObjectif 2028\n\nAktaou", "fr") == [("2028", "2028")]


def test_relative_phrases_resolve_against_the_publication_date():
    assert values("Trade could exceed thirty billion this year.", "en", WEDNESDAY) == [("this year", "2025")]
    assert values("Товарооборот в прошлом году достиг 28 млрд.", "ru", WEDNESDAY) == [("в прошлом году", "2024")]
    assert values("La Douma doit examiner le texte la semaine prochaine.", "fr", dt.date(2025, 12, 15)) == [
        ("la semaine prochaine", "2025-12")
    ]
    assert values("Le ministre a parlé hier.", "fr", WEDNESDAY) == [("hier", "2025-11-11")]
    assert values("Le ministre a parlé hier.", "fr") == []
    assert values("Le texte sera voté avant la fin de l’année.", "fr") == [("la fin de l’année", "--12")]


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("Il a vu sa mère et des amis chez eux.", "fr"),  # "sa", "des": words, not Saturday or a date
        ("Elle voit sa sœur et des cousins.", "fr"),
        ("You may want to march on, and may 5 people join.", "en"),  # lower-case "may", "march"
        ("La mission vers Mars 2020 a décollé.", "fr"),  # the planet, capitalised inside a sentence
        ("Le port a expédié 2025 tonnes de blé et plus de 2000 personnes y travaillent.", "fr"),
        ("A total of 2024 votes were cast; the figure 1.2025 is not a year.", "en"),
        ("Read the Sunday Times and Black Friday deals.", "en"),
        ("Окружающая среда страдает от обмеления.", "ru"),  # "среда" the environment
        ("Il a payé 45 novembre euros.", "fr"),  # no such day
        ("Le 30 février n’existe pas.", "fr"),
    ],
)
def test_no_false_positives(text, language):
    assert values(text, language, WEDNESDAY) == []


def test_unknown_language_reads_only_iso_dates():
    assert values("Am 12. November 2025, le 3 mars, 2025-11-12.", "xx") == [("2025-11-12", "2025-11-12")]


def test_the_annotator_uses_the_publication_date_then_a_dated_dateline():
    text = "ASTANA, Nov 10, 2025 (Steppe Wire) - The president will travel to Moscow on Tuesday."
    article = Article("a", "a.txt", "text", text, text, None, Metadata(), "", "h")
    result = dates.run(article, {"language": "en"}, {})
    assert set(result) == {"dates"}
    assert [(m.surface, m.value) for m in result["dates"]] == [
        ("Nov 10, 2025", "2025-11-10"),
        ("Tuesday", "2025-11-11"),
    ]
    stated = Article("a", "a.txt", "text", text, text, None, Metadata(date=dt.date(2025, 11, 13)), "", "h")
    # The stated date wins: a Thursday, so "will travel … on Tuesday" is the next week's.
    assert [m.value for m in dates.run(stated, {"language": "en"}, {})["dates"]] == ["2025-11-10", "2025-11-18"]
    assert dates.ANNOTATOR.requires == ("language",)


def test_a_partial_dateline_still_resolves_last_month():
    text = "AKTAOU, 4 décembre (Agence Caspienne) – Le corridor a été conclu le mois dernier à Moscou."
    article = Article("a", "a.txt", "text", text, text, None, Metadata(), "", "h")
    assert [(m.surface, m.value) for m in dates.run(article, {"language": "fr"}, {})["dates"]] == [
        ("4 décembre", "--12-04"),
        ("le mois dernier", "--11"),
    ]


# ---- forms added in version 2 (made-up sentences; 2026-03-11 is a Wednesday) -------------------------------

MID_MARCH = dt.date(2026, 3, 11)


@pytest.mark.parametrize(
    ("text", "language", "expected"),
    [
        ("Die Proben wurden am 3. März genommen.", "de", [("3. März", "2026-03-03")]),
        ("Zwischen dem 2. und dem 4. März sank der Pegel.", "de", [("2", "2026-03-02"), ("4. März", "2026-03-04")]),
        ("Die Messe läuft vom 3. bis zum 5. März.", "de", [("3", "2026-03-03"), ("5. März", "2026-03-05")]),
        ("Im Herbst 2025 fiel der Pegel.", "de", [("Herbst 2025", "2025")]),
        ("Ende des Monats läuft die Frist ab.", "de", [("Ende des Monats", "2026-03")]),
        ("Mitte nächster Woche soll der Bericht kommen.", "de", [("Mitte nächster Woche", "2026-03")]),
        ("Am Freitagabend protestierten Anwohner.", "de", [("Freitagabend", "2026-03-06")]),
        ("Die Ministerin hat am Montag Vertreter der Industrie getroffen.", "de", [("Montag", "2026-03-09")]),
        ("Der Ausschuss tagte am Dienstag vergangener Woche.", "de", [("Dienstag vergangener Woche", "2026-03-03")]),
        ("Die Abstimmung findet morgen statt, am Morgen regnete es.", "de", [("morgen", "2026-03-12")]),
        ("À l’automne 2025, le niveau a baissé.", "fr", [("l’automne 2025", "2025")]),
        ("La fin du mois sera décisive.", "fr", [("La fin du mois", "2026-03")]),
        ("Au début du mois d’octobre, la digue a cédé.", "fr", [("octobre", "2025-10")]),
        ("Le comité s’est réuni mardi de la semaine dernière.", "fr", [("mardi de la semaine dernière", "2026-03-03")]),
        ("La réunion est prévue vendredi.", "fr", [("vendredi", "2026-03-13")]),
        ("entre le 2 et le 4 mars", "fr", [("2", "2026-03-02"), ("4 mars", "2026-03-04")]),
        ("The panel met on Tuesday last week.", "en", [("Tuesday last week", "2026-03-03")]),
        ("It happened the day before yesterday.", "en", [("the day before yesterday", "2026-03-09")]),
        ("In autumn 2025 the levels dropped.", "en", [("autumn 2025", "2025")]),
        ("Officials said the ministers would sign on Friday.", "en", [("Friday", "2026-03-13")]),
        ("The text is due by the end of the month.", "en", [("the end of the month", "2026-03")]),
        ("осенью 2025 года уровень упал", "ru", [("осенью 2025 года", "2025")]),
        ("Отчёт ждут к концу марта.", "ru", [("марта", "2026-03")]),
        ("Работы отложили до июля.", "ru", [("июля", "2026-07")]),
        ("Заседание перенесли на пятницу.", "ru", [("пятницу", "2026-03-13")]),
        ("Комиссия собралась в прошлую пятницу.", "ru", [("пятницу", "2026-03-06")]),
        ("Комиссия собралась во вторник на прошлой неделе.", "ru", [("вторник на прошлой неделе", "2026-03-03")]),
        ("Итоги подведут в конце месяца.", "ru", [("в конце месяца", "2026-03")]),
    ],
)
def test_forms_in_each_language(text, language, expected):
    assert values(text, language, MID_MARCH) == expected


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("Влияние на среду оказалось значительным.", "ru"),  # "среда" the environment, even after "на"
        ("В среде экспертов нет согласия.", "ru"),
        ("Am Morgen regnete es, die Sitzung beginnt um 19.30 Uhr.", "de"),
        ("Er zahlte für 2000 Euro und las Seite 12.", "de"),
        ("A bill for 2026 dollars was paid.", "en"),
        ("Il y a 10 % de plus et le rendez-vous est à 14 heures.", "fr"),
    ],
)
def test_no_false_positives_in_new_forms(text, language):
    assert values(text, language, MID_MARCH) == []


def dated_dispatch(text: str, language: str) -> list[tuple[str, str]]:
    article = Article("a", "a.txt", "text", text, text, None, Metadata(), "", "h")
    return [(m.surface, m.value) for m in dates.run(article, {"language": language}, {})["dates"]]


def test_a_dateline_without_a_year_anchors_weekdays_through_the_lede():
    # The lede's past-tense weekday is the dispatch day (Friday 6 March), the rest follow by tense.
    text = (
        "BÂLE, 6 mars (Agence Rhénane) – Les riverains ont manifesté vendredi devant l’usine. "
        "Le préfet a reçu leurs délégués mercredi et doit rendre sa décision lundi. Hier, la mairie s’est tue."
    )
    assert dated_dispatch(text, "fr") == [
        ("6 mars", "--03-06"),
        ("vendredi", "--03-06"),
        ("mercredi", "--03-04"),
        ("lundi", "--03-09"),
        ("Hier", "--03-05"),
    ]


def test_a_weekday_written_with_its_date_fixes_the_calendar_of_a_dateline():
    text = (
        "BERLIN, 9. März (Rheinpost) - Die Anhörung soll am Donnerstag beginnen, wie das Gericht am "
        "Freitag, dem 6. März, mitteilte."
    )
    assert dated_dispatch(text, "de") == [("9. März", "--03-09"), ("Donnerstag", "--03-12"), ("6. März", "--03-06")]


def test_without_an_anchor_weekdays_of_a_yearless_dispatch_stay_unresolved():
    text = "MOSCOW, March 9 (Wire) - The talks will resume. Officials met on Friday."
    assert dated_dispatch(text, "en") == [("March 9", "--03-09")]


@pytest.mark.parametrize(
    ("text", "language", "expected"),
    [
        ("La demande avait été adressée le 12 janvier par le ministère.", "fr", "2026-01-12"),
        ("L’audience a été fixée au 10 décembre.", "fr", "2026-12-10"),
        ("La réunion aura lieu le 12 janvier.", "fr", "2027-01-12"),
        ("Contracts must be signed by January 15.", "en", "2027-01-15"),
        ("Der Vertrag ist bis zum 15. Januar zu unterzeichnen.", "de", "2027-01-15"),
    ],
)
def test_a_day_and_month_follow_the_tense_and_deadlines(text: str, language: str, expected: str) -> None:
    assert [v for _, v in values(text, language, dt.date(2026, 11, 20))] == [expected]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Der Stausee wurde 1986 gefüllt.", ["1986"]),
        ("Museen gaben 2022 mehr als tausend Objekte zurück.", ["2022"]),
        ("Er zahlte 2022 Euro.", []),
        ("Es kamen rund 1900 von ihnen.", []),
    ],
)
def test_a_german_year_before_a_lower_case_word_stands_alone(text: str, expected: list[str]) -> None:
    assert [v for _, v in values(text, "de", dt.date(2026, 11, 20))] == expected


def test_an_expected_event_lies_ahead() -> None:
    assert values("La décrue n’est pas attendue avant jeudi.", "fr", dt.date(2026, 4, 15)) == [
        ("jeudi", "2026-04-16")
    ]
