from generator.text import fold, sentences, slugify, truncate, words


def test_sentences_do_not_break_after_honorifics_and_initials():
    text = "M. Tokaïev est arrivé. Mr. Smith said so. J. Doe agreed! Г-н Токаев прибыл. Done"
    assert sentences(text) == [
        "M. Tokaïev est arrivé.",
        "Mr. Smith said so.",
        "J. Doe agreed!",
        "Г-н Токаев прибыл.",
        "Done",
    ]


def test_sentence_closing_quote_stays_with_its_sentence():
    assert sentences("« C’est fini. » Il est parti.") == ["« C’est fini. »", "Il est parti."]


def test_words_keep_elisions_and_hyphens():
    assert words("L’État d’Astana, Kassym-Jomart, 2025.") == ["L’État", "d’Astana", "Kassym-Jomart", "2025"]


def test_truncate_cuts_at_word_boundary():
    assert truncate("one two three four five", 12) == "one two…"
    assert truncate("short", 12) == "short"


def test_fold_and_slugify_across_scripts():
    assert fold("Tokaïev ÉTAT") == "tokaiev etat"
    assert slugify("Касым-Жомарт Токаев") == "kasym-zhomart-tokaev"
    assert slugify("Dépêche: l’été 2025!") == "depeche-l-ete-2025"
    assert slugify("«»") == ""
