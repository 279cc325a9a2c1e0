package tyndau.events;

import java.util.List;
import java.util.Set;

/**
 * Capitalised words that are not names. Two kinds per language: words that start sentences (a
 * sentence-initial word is a name only if the report also writes it with a capital elsewhere, or it is
 * shaped like a surname, and never if it is listed here), and words written with a capital inside a
 * sentence that are titles, offices, months and days (Президент, Генерального, Foreign, Monday). Folded
 * (lower case, Kazakh letters folded); an entry ending in {@code *} is a prefix.
 */
final class StopWords {
    private static final List<String> SENTENCE_STARTS_EN = List.of(
            "the", "a", "an", "in", "on", "at", "after", "before", "as", "but", "and", "for", "from", "with", "by",
            "this", "that", "these", "those", "it", "its", "he", "she", "they", "we", "his", "her", "their", "our",
            "some", "many", "more", "most", "about", "around", "over", "under", "what", "who", "how", "why", "when",
            "where", "is", "was", "are", "were", "has", "have", "had", "will", "would", "can", "could", "should",
            "not", "no", "yes", "if", "while", "since", "until", "there", "here", "thousands", "hundreds", "dozens",
            "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "fifteen", "analysts",
            "officials", "police", "leaders", "citizens", "organisers", "organizers", "witnesses", "sitting", "host",
            "from", "at", "so", "also", "meanwhile", "however", "still", "first", "second", "new", "last", "next");
    private static final List<String> SENTENCE_STARTS_RU = List.of(
            "в", "во", "на", "по", "с", "со", "у", "к", "о", "об", "из", "за", "для", "при", "после", "до", "от",
            "как", "это", "эти", "этот", "эта", "также", "однако", "но", "и", "а", "он", "она", "они", "мы", "его",
            "ее", "их", "все", "уже", "еще", "сегодня", "вчера", "завтра", "теперь", "пока", "более", "около",
            "почти", "кроме", "помимо", "что", "кто", "где", "когда", "почему", "так", "там", "здесь", "ранее",
            "позже", "между", "среди", "над", "под", "через", "если", "хотя", "поэтому", "причем", "напомним",
            "участники", "эксперты", "власти", "очевидцы", "организаторы", "стороны", "граждане", "число",
            "второй", "первый", "главные", "городские", "вчерашняя", "вчерашний", "новость", "выступая", "слова",
            "видео", "самолет", "группа", "отряд", "мера", "груз", "речь", "суммарный", "обсуждались", "указом",
            "постановлением", "медикаменты", "протяженность", "национальная", "спецрейсом", "безвиз");
    private static final List<String> SENTENCE_STARTS_KK = List.of(
            "бул", "осы", "сол", "ол", "олар", "биз", "мен", "жане", "бирак", "сондай", "алайда", "бугин", "кеше",
            "ертен", "казир", "енди", "тагы", "сонымен", "сонда", "себеби", "ягни", "дегенмен", "кейин", "бурын",
            "биыл", "былтыр", "жексенби", "тараптар", "катысушылар", "сарапшылар", "кала", "калада", "ведомство",
            "жук", "жуктин", "кездесуде", "кездесуге", "сапарынын", "петицияга", "кужат", "кужатка", "шешим",
            "алгашкы", "еки", "бир", "уш", "торт", "бес", "кол", "колдарына", "ериктилер",
            "куткарушылар", "курамында", "тасымалдаушылар", "ушак", "кезекте", "телефон",
            "коп", "жалпы", "азаматтык", "белсендилер", "отандык");

    /** Titles, offices, institutions, months, days: capitalised inside sentences, never a name by themselves. */
    private static final List<String> NEVER_NAMES = List.of(
            // English
            "mr", "mrs", "ms", "dr", "president*", "minister*", "ministry", "prime", "deputy", "foreign", "affairs",
            "secretary", "state", "head", "chairman", "chair", "ambassador*", "embassy", "consulate", "consul",
            "general", "government", "republic", "people", "office", "palace", "press", "service", "spokesman",
            "spokeswoman", "spokesperson", "emergencies", "emergency", "interior", "defence", "defense", "energy",
            "trade", "commission", "council", "union", "organisation", "organization", "conference", "summit", "forum",
            "international", "economic", "national", "federal", "supreme", "police", "court", "sea", "region",
            "province", "city", "monument", "agency", "committee", "department", "assembly", "charter", "the",
            "january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
            "november", "december", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
            "no", "to", "covid", "il", "head",
            // Russian
            "президент*", "министр*", "премьер*", "вице*", "глав*", "председател*", "заместител*", "правительств*",
            "государствен*", "генеральн*", "генконсульств*", "консульств*", "посольств*", "посол*", "федерал*",
            "республик*", "народн*", "высш*", "чрезвычайн*", "полномочн*", "совет*", "администрац*", "комитет*",
            "агентств*", "департамент*", "управлени*", "служб*", "пресс*", "аким*", "нацбанк*", "международн*",
            "приморск*", "районн*", "устав*", "ассамбле*", "генассамбле*", "госсекретар*", "госдум*", "дум*",
            "сводн*", "бессмертн*", "форум*", "саммит*", "конференци*", "пленарн*", "нет", "войне", "евразийск*",
            "межправительствен*", "экономическ*", "организаци*", "центральн*", "западно*", "туркестанск*",
            "костанайск*",
            // Kazakh (folded)
            "мемлекет*", "басшы*", "укимет*", "торага*", "орынбасар*", "акимдик*", "акимшилиг*", "акимшилик*",
            "сырткы", "истер", "бас", "жогары", "халык", "республика*", "улттык", "министр*", "министрлиг*",
            "президент*", "елши*", "консулды*", "федералды", "кенес*", "баспасоз*", "кызмет*", "облыс*",
            "сауда", "интеграция", "корганыс", "кауипсиздик", "экономикалык", "еуразиялык", "халыкаралык",
            "ынтымактастык", "уйым*", "орталык", "батыс", "шанхай", "мемлекеттик", "хатшы*", "женис", "олмес",
            // months and days, Russian and Kazakh
            "январ*", "феврал*", "март*", "апрел*", "ма", "мая", "май", "июн*", "июл*", "август*", "сентябр*",
            "октябр*", "ноябр*", "декабр*", "понедельник*", "вторник*", "сред*", "четверг*", "пятниц*", "суббот*",
            "воскресень*", "кантар*", "акпан*", "наурыз*", "сауир*", "мамыр*", "маусым*", "шилде*", "тамыз*",
            "кыркуйек*", "караша*", "желтоксан*", "дуйсенби*", "сейсенби*", "сарсенби*", "бейсенби*", "сенби*");

    private static final Set<String> STARTS_EXACT = exact(SENTENCE_STARTS_EN, SENTENCE_STARTS_RU, SENTENCE_STARTS_KK);
    private static final Set<String> NEVER_EXACT = exact(NEVER_NAMES);
    private static final List<String> NEVER_PREFIX = prefixes(NEVER_NAMES);

    private StopWords() {
    }

    /** A word at the start of a sentence that is not a name there. */
    static boolean sentenceStart(String folded) {
        return STARTS_EXACT.contains(folded) || never(folded);
    }

    /** A capitalised word that is never a name. */
    static boolean never(String folded) {
        if (NEVER_EXACT.contains(folded)) {
            return true;
        }
        for (String p : NEVER_PREFIX) {
            if (folded.startsWith(p)) {
                return true;
            }
        }
        return false;
    }

    @SafeVarargs
    private static Set<String> exact(List<String>... lists) {
        Set<String> out = new java.util.HashSet<>();
        for (List<String> list : lists) {
            for (String w : list) {
                if (!w.endsWith("*")) {
                    out.add(Names.fold(w));
                }
            }
        }
        return out;
    }

    private static List<String> prefixes(List<String> list) {
        return list.stream().filter(w -> w.endsWith("*")).map(w -> Names.fold(w.substring(0, w.length() - 1))).toList();
    }
}
