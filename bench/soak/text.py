"""Stories for the soak: random sentences of everyday words in Kazakh, Russian or English, a quarter
of them naming a country of the default topics (so topics match and government documents on a
sensitive topic raise alerts). Random words from a few hundred keep every two bodies far apart, so
no document is taken for a copy of another."""

WORDS = {
    "kk": ("әкім ауыл бағдарлама бюджет газ дала дәрігер егін жол жоба жұмыс зауыт іс кеңес комиссия көлік "
           "мектеп мұнай наразылық нарық облыс оқушы орман өзен өнім парламент сайлау сот су сұхбат тұрғын "
           "тауар теміржол үкімет ұстаз фермер қала қаржы қызмет шекара шешім шығын экономика энергия бала "
           "жастар кәсіпкер көпір ауа-райы баға ереже министрлік мәжіліс ауылшаруашылық денсаулық білім "
           "мәдениет спорт туризм цифрландыру инвестиция экспорт импорт астық ет сүт тариф салық").split(),
    "ru": ("акимат село программа бюджет газ степь врач урожай дорога проект работа завод дело совет комиссия "
           "транспорт школа нефть протест рынок область ученик лес река продукция парламент выборы суд вода "
           "интервью житель товар железная правительство учитель фермер город финансы служба граница решение "
           "расход экономика энергия ребёнок молодёжь предприниматель мост погода цена правило министерство "
           "мажилис сельское здравоохранение образование культура спорт туризм цифровизация инвестиции экспорт "
           "импорт зерно мясо молоко тариф налог").split(),
    "en": ("mayor village programme budget gas steppe doctor harvest road project work factory case council "
           "commission transport school oil protest market region pupil forest river produce parliament election "
           "court water interview resident goods railway government teacher farmer city finance service border "
           "decision spending economy energy child youth entrepreneur bridge weather price rule ministry majilis "
           "agriculture health education culture sport tourism digitalisation investment export import grain meat "
           "milk tariff tax").split(),
}

COUNTRIES = {
    "kk": ["Қытай", "Ресей", "Украина", "Түркия"],
    "ru": ["Китай", "Россия", "Украина", "Турция"],
    "en": ["China", "Russia", "Ukraine", "Turkey"],
}


def story(r, lang, tag):
    """(title, body) drawn with the random generator r; tag makes the title unique."""
    words = WORDS[lang]
    title_words = [r.choice(words) for _ in range(4)]
    if r.random() < 0.25:
        title_words.insert(r.randrange(len(title_words)), r.choice(COUNTRIES[lang]))
    sentences = []
    for _ in range(r.randint(6, 12)):
        s = [r.choice(words) for _ in range(r.randint(6, 12))]
        s.append(str(r.randint(1, 99_999)))
        sentences.append(" ".join(s).capitalize() + ".")
    if r.random() < 0.25:
        sentences.insert(r.randrange(len(sentences)), r.choice(COUNTRIES[lang]) + " " + " ".join(r.choice(words) for _ in range(5)) + ".")
    return " ".join(title_words).capitalize() + " (" + tag + ")", " ".join(sentences)
