package tyndau.events;

import java.time.LocalDate;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reads a {@link Report} into its {@link EventFingerprint}: the lexicon's entries first (longest form
 * wins, in any case), then capitalised words as name keys, then numbers and days.
 *
 * <p>A capitalised word inside a sentence is a name unless it is a title or office ({@link StopWords}).
 * The first word of a sentence is capitalised anyway, so there it counts only when the report also writes
 * it with a capital elsewhere, or it is shaped like a surname (Токаев, Нұртілеу is not, Tokayev is), and
 * never when it is a common sentence start. An English headline in Title Case is read like a row of
 * sentence starts for the same reason.
 */
public final class Fingerprinter {
    /** Surname endings in canonical Latin, with the Russian case endings they take (Саидов-ым, Лавров-у). */
    private static final Pattern SURNAME = Pattern.compile(
            ".*((ov|ev|in)(a|u|im|e|oi|i)?|ski|skii|ska|skaia|skogo|skomu|uli|kizi|enko|(c|iu|u)k(a|u|om|e)?|ic|vic|shvili|dze|oglu|ian|ien)$");
    /** Kazakh case endings (canonical Latin) taken off before the surname test: Олар-дың is not a surname, Тоқаев-тың is. */
    private static final Pattern KAZAKH_CASE = Pattern.compile("(nin|din|tin|ga|ge|ka|ke|na|ne|ni|di|ti|da|de|ta|te|dan|den|tan|ten|nan|nen|men|ben|pen)$");

    /** Sentences of the text that are its lead, with the title (where a news report says what happened). */
    static final int LEAD_SENTENCES = 2;

    private final EventParameters parameters;
    private final Lexicon lexicon;

    public Fingerprinter(EventParameters parameters) {
        this(parameters, Lexicon.standard());
    }

    Fingerprinter(EventParameters parameters, Lexicon lexicon) {
        this.parameters = parameters;
        this.lexicon = lexicon;
    }

    public EventFingerprint fingerprint(Report report) {
        LocalDate day = report.published().toLocalDate();
        Set<String> names = new LinkedHashSet<>();
        Set<String> surnames = new HashSet<>();
        Set<String> concepts = new LinkedHashSet<>();
        Set<Quantity> quantities = new LinkedHashSet<>();
        Set<LocalDate> dates = new LinkedHashSet<>();
        Set<String> confirmed = new HashSet<>();
        Set<String> pending = new LinkedHashSet<>();
        boolean titleCase = "en".equals(report.lang()) && titleCase(Tokens.of(report.title()));
        Set<String> lead = new HashSet<>();
        for (String part : List.of(report.title(), report.text())) {
            List<Tokens.Token> tokens = Tokens.of(part);
            boolean[] used = new boolean[tokens.size()];
            boolean allInitial = titleCase && part == report.title();
            dates.addAll(Dates.of(tokens, day, used));
            quantities.addAll(Numbers.of(tokens, part, used));
            int i = 0;
            int sentences = 0;
            while (i < tokens.size()) {
                Tokens.Token t = tokens.get(i);
                if (t.initial() && part != report.title()) {
                    sentences++;
                }
                boolean inLead = part == report.title() || sentences <= LEAD_SENTENCES;
                if (parameters.lexicon()) {
                    Optional<Lexicon.Match> m = lexicon.match(tokens, i);
                    if (m.isPresent()) {
                        String id = m.get().id();
                        (id.startsWith("c:") ? concepts : names).add(id);
                        if (inLead) {
                            lead.add(id);
                        }
                        if (id.startsWith("p:") || id.startsWith("g:")) {
                            surnames.add(id);
                        }
                        i += m.get().length();
                        continue;
                    }
                }
                if (!used[i] && t.word() && (t.capitalised() || t.acronym()) && !StopWords.never(t.folded())) {
                    List<String> keys = keys(t.text());
                    if (inLead) {
                        lead.addAll(keys);
                    }
                    boolean surname = surname(t.text());
                    if (surname) {
                        surnames.addAll(keys);
                    }
                    if (t.initial() || allInitial) {
                        if (!StopWords.sentenceStart(t.folded())) {
                            for (String k : keys) {
                                if (surname || t.acronym()) {
                                    confirmed.add(k);
                                }
                                pending.add(k);
                            }
                        }
                    } else {
                        confirmed.addAll(keys);
                        names.addAll(keys);
                    }
                }
                i++;
            }
        }
        for (String k : pending) {
            if (confirmed.contains(k)) {
                names.add(k);
            }
        }
        if (!parameters.entities()) {
            names.clear();
        }
        Set<String> parties = new LinkedHashSet<>(names);
        parties.retainAll(surnames);
        if (!parameters.numbers()) {
            quantities.clear();
            dates.clear();
        }
        return new EventFingerprint(report.id(), report.lang(), report.published().toInstant(), report.source(), report.side(),
                names, parties, concepts, quantities, dates, lead);
    }

    /** Shaped like a surname (Токаев, Лавровым, Zelensky, Тоқаевтың), once a Kazakh case ending is off. */
    static boolean surname(String word) {
        String s = Names.spelling(word);
        String stem = KAZAKH_CASE.matcher(s).replaceFirst("");
        return SURNAME.matcher(stem.length() >= 4 ? stem : s).matches();
    }

    private List<String> keys(String word) {
        if (!parameters.lexicon()) {
            String k = Names.scriptKey(word, parameters.nameKeyLength());
            return k == null ? List.of() : List.of("n:" + k);
        }
        return Names.keys(word, parameters.nameKeyLength()).stream().map(k -> "n:" + k).toList();
    }

    /** Most words of four letters or more after the first start with a capital: a Title Case headline. */
    private static boolean titleCase(List<Tokens.Token> tokens) {
        int words = 0;
        int capitals = 0;
        for (int i = 1; i < tokens.size(); i++) {
            Tokens.Token t = tokens.get(i);
            if (t.word() && t.text().length() >= 4) {
                words++;
                if (t.capitalised()) {
                    capitals++;
                }
            }
        }
        return words >= 3 && capitals * 2 > words;
    }
}
