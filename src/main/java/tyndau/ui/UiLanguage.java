package tyndau.ui;

import io.quarkus.qute.i18n.Localized;
import io.quarkus.qute.i18n.MessageBundles;
import io.vertx.core.http.Cookie;
import io.vertx.core.http.HttpServerRequest;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The dashboard's languages and how a page picks one: {@code ?lang=}, then the choice remembered in the
 * {@value #COOKIE} cookie (the header's switcher sets it), then the browser's {@code Accept-Language},
 * then English. API fields and machine values stay English whatever the page's language.
 */
public enum UiLanguage {
    EN("en", "English"),
    KK("kk", "Қазақша"),
    RU("ru", "Русский");

    static final String COOKIE = "tyndau_lang";
    static final String PARAM = "lang";

    final String tag;
    /** The language's name in itself, as the switcher shows it. */
    final String name;
    final Locale locale;

    UiLanguage(String tag, String name) {
        this.tag = tag;
        this.name = name;
        this.locale = Locale.forLanguageTag(tag);
    }

    /** The pages' words in this language. */
    UiMessages messages() {
        return this == EN ? MessageBundles.get(UiMessages.class) : MessageBundles.get(UiMessages.class, Localized.Literal.of(tag));
    }

    static Optional<UiLanguage> of(String tag) {
        if (tag == null) {
            return Optional.empty();
        }
        String t = tag.trim().toLowerCase(Locale.ROOT);
        int dash = t.indexOf('-');
        String primary = dash > 0 ? t.substring(0, dash) : t;
        return Arrays.stream(values()).filter(l -> l.tag.equals(primary)).findFirst();
    }

    /** The language of a dashboard request. */
    static UiLanguage of(HttpServerRequest request) {
        return of(request.getParam(PARAM))
                .or(() -> Optional.ofNullable(request.getCookie(COOKIE)).map(Cookie::getValue).flatMap(UiLanguage::of))
                .or(() -> fromAcceptLanguage(request.getHeader("Accept-Language")))
                .orElse(EN);
    }

    /** The first of the header's ranges, by quality, that names a language the dashboard speaks. */
    static Optional<UiLanguage> fromAcceptLanguage(String header) {
        if (header == null || header.isBlank() || header.length() > 1000) {
            return Optional.empty();
        }
        List<Locale.LanguageRange> ranges;
        try {
            ranges = Locale.LanguageRange.parse(header);
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        return ranges.stream().sorted(Comparator.comparingDouble(Locale.LanguageRange::getWeight).reversed())
                .filter(r -> r.getWeight() > 0).map(r -> of(r.getRange())).flatMap(Optional::stream).findFirst();
    }
}
