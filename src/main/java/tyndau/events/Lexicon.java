package tyndau.events;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The hand-written lexicon of the domain ({@code src/main/resources/events/lexicon.txt}, which says how to
 * write an entry): names of places, people and organisations whose spellings differ beyond transliteration
 * (Ресей, Россия, Russia), and the terms of the happenings followed (protest, aid, visa-free), each with its
 * Kazakh, Russian and English forms. A match gives the entry's id, the same in every language.
 */
public final class Lexicon {
    /** The resource the default lexicon is read from. */
    public static final String RESOURCE = "/events/lexicon.txt";

    private static final Lexicon DEFAULT = load(RESOURCE);

    /** One word of a form: exact or a prefix; lower-cased and folded, or exact-case. */
    private record Word(String text, boolean prefix, boolean exactCase) {
        boolean matches(Tokens.Token t) {
            String s = exactCase ? t.text() : t.folded();
            return prefix ? s.startsWith(text) : s.equals(text);
        }
    }

    private record Form(String id, List<Word> words) {
    }

    /** A match: the entry's id and the number of tokens it covers. */
    record Match(String id, int length) {
    }

    private final Map<String, List<Form>> byExactWord = new HashMap<>();
    private final Map<String, List<Form>> byPrefix = new HashMap<>();
    private final String version;
    private final int entries;

    private Lexicon(String content) {
        int count = 0;
        for (String line : content.split("\n")) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            int tab = line.indexOf('\t');
            if (tab < 0) {
                throw new IllegalArgumentException("lexicon line without a tab: " + line);
            }
            String id = line.substring(0, tab).trim();
            count++;
            for (String form : line.substring(tab + 1).split(",")) {
                add(id, form.trim());
            }
        }
        this.entries = count;
        this.version = sha(content);
    }

    /** The lexicon shipped with the service. */
    public static Lexicon standard() {
        return DEFAULT;
    }

    /** A lexicon read from a classpath resource in the format of {@link #RESOURCE}. */
    public static Lexicon load(String resource) {
        try (InputStream in = Lexicon.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + resource);
            }
            return new Lexicon(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A lexicon from text in the format of {@link #RESOURCE} (tests). */
    static Lexicon of(String content) {
        return new Lexicon(content);
    }

    /** The first twelve hex digits of the SHA-256 of the lexicon's text: part of {@link EventParameters#version()}. */
    public String version() {
        return version;
    }

    public int entries() {
        return entries;
    }

    /** The longest form that starts at {@code tokens[at]}, if any. */
    Optional<Match> match(List<Tokens.Token> tokens, int at) {
        Tokens.Token first = tokens.get(at);
        if (!first.word()) {
            return Optional.empty();
        }
        List<Form> candidates = new ArrayList<>(byExactWord.getOrDefault(first.folded(), List.of()));
        candidates.addAll(byExactWord.getOrDefault(first.text(), List.of()));
        if (first.folded().length() >= 3) {
            candidates.addAll(byPrefix.getOrDefault(first.folded().substring(0, 3), List.of()));
        }
        Form best = null;
        for (Form form : candidates) {
            if (at + form.words().size() > tokens.size()) {
                continue;
            }
            boolean all = true;
            for (int k = 0; k < form.words().size() && all; k++) {
                Tokens.Token t = tokens.get(at + k);
                all = t.word() && form.words().get(k).matches(t) && (k == 0 || !t.initial());
            }
            if (all && (best == null || form.words().size() > best.words().size()
                    || form.words().size() == best.words().size() && length(form) > length(best))) {
                best = form;
            }
        }
        return best == null ? Optional.empty() : Optional.of(new Match(best.id(), best.words().size()));
    }

    private static int length(Form form) {
        return form.words().stream().mapToInt(w -> w.text().length()).sum();
    }

    private void add(String id, String form) {
        if (form.isEmpty()) {
            return;
        }
        boolean exactCase = !form.equals(form.toLowerCase(java.util.Locale.ROOT));
        List<Word> words = new ArrayList<>();
        for (String raw : form.split("[\\s\\-.'’]+")) {
            if (raw.isEmpty()) {
                continue;
            }
            boolean prefix = raw.endsWith("*");
            String text = prefix ? raw.substring(0, raw.length() - 1) : raw;
            words.add(new Word(exactCase ? text : Names.fold(text), prefix, exactCase));
        }
        if (words.isEmpty()) {
            return;
        }
        Form f = new Form(id, List.copyOf(words));
        Word head = words.get(0);
        if (head.prefix() && head.text().length() >= 3) {
            byPrefix.computeIfAbsent(head.exactCase() ? Names.fold(head.text()).substring(0, 3) : head.text().substring(0, 3),
                    k -> new ArrayList<>()).add(f);
        } else if (head.prefix()) {
            throw new IllegalArgumentException("a prefix form needs three letters before *: " + form);
        } else {
            byExactWord.computeIfAbsent(head.text(), k -> new ArrayList<>()).add(f);
        }
    }

    private static String sha(String content) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(content.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest).substring(0, 12);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
