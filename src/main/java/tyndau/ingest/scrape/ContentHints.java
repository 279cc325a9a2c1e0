package tyndau.ingest.scrape;

import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import org.jsoup.nodes.Attribute;
import org.jsoup.nodes.Element;

/**
 * What class names, ids and roles say about a block: the vocabulary of Readability-style content
 * scoring (hints that a block is the article, or navigation, comments, sharing and advertising).
 */
final class ContentHints {
    /** Blocks so likely to be boilerplate that they are dropped before scoring. */
    static final Pattern UNLIKELY = Pattern.compile(
            "-ad-|ai2html|banner|breadcrumb|combx|comment|community|cover-wrap|disqus|extra|footer|gdpr|header"
                    + "|legends|menu|related|remark|replies|rss|shoutbox|sidebar|skyscraper|social|sponsor"
                    + "|supplemental|ad-break|agegate|pagination|pager|popup|yom-remote",
            Pattern.CASE_INSENSITIVE);
    /** Words that rescue a block otherwise matching {@link #UNLIKELY} ("main-header" is not a header). */
    static final Pattern MAYBE_CONTENT = Pattern.compile(
            "and|article|body|column|content|main|mathjax|shadow", Pattern.CASE_INSENSITIVE);
    static final Pattern POSITIVE = Pattern.compile(
            "article|body|content|entry|hentry|h-entry|main|page|pagination|post|text|blog|story|news-detail",
            Pattern.CASE_INSENSITIVE);
    static final Pattern NEGATIVE = Pattern.compile(
            "-ad-|hidden|^hid$| hid$| hid |^hid |banner|combx|comment|com-|contact|footer|gdpr|masthead|media"
                    + "|meta|outbrain|promo|related|scroll|share|shoutbox|sidebar|skyscraper|sponsor|shopping"
                    + "|tags|widget",
            Pattern.CASE_INSENSITIVE);
    static final Pattern BYLINE = Pattern.compile("byline|author|dateline|writtenby|p-author", Pattern.CASE_INSENSITIVE);
    static final Pattern SHARE = Pattern.compile("(\\b|_)(share|sharedaddy)(\\b|_)", Pattern.CASE_INSENSITIVE);
    static final Pattern VIDEO = Pattern.compile(
            "//(www\\.)?((dailymotion|youtube|youtube-nocookie|player\\.vimeo|v\\.qq|rutube|vk)\\.(com|ru|net|org)"
                    + "|(archive|upload\\.wikimedia)\\.org|player\\.twitch\\.tv|bilibili\\.com|live\\.bilibili\\.com)",
            Pattern.CASE_INSENSITIVE);
    /** A block whose whole text is one of these is an advertising slot or a loading placeholder. */
    static final Pattern PLACEHOLDER = Pattern.compile(
            "^(ad(vertising|vertisement)?|pub(licité)?|werb(ung)?|广告|реклама|жарнама|anuncio"
                    + "|(loading|正在加载|загрузка|chargement|cargando)(…|\\.\\.\\.)?)$",
            Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
    static final Set<String> UNLIKELY_ROLES = Set.of(
            "menu", "menubar", "complementary", "navigation", "alert", "alertdialog", "dialog");

    private ContentHints() {
    }

    /** Class name and id, the string the patterns are matched against. */
    static String signature(Element e) {
        return e.className() + " " + e.id();
    }

    /** ±25 for each of class and id that reads as content or as boilerplate; 0 when weighting is off. */
    static int classWeight(Element e, boolean weighting) {
        if (!weighting) {
            return 0;
        }
        return weightOf(e.className()) + weightOf(e.id());
    }

    private static int weightOf(String name) {
        if (name.isEmpty()) {
            return 0;
        }
        int weight = 0;
        if (NEGATIVE.matcher(name).find()) {
            weight -= 25;
        }
        if (POSITIVE.matcher(name).find()) {
            weight += 25;
        }
        return weight;
    }

    /** Hidden by inline style, the {@code hidden} attribute or {@code aria-hidden}: a reader never sees it. */
    static boolean isProbablyVisible(Element e) {
        String style = e.attr("style").toLowerCase(Locale.ROOT).replace(" ", "");
        if (style.contains("display:none") || style.contains("visibility:hidden")) {
            return false;
        }
        if (e.hasAttr("hidden")) {
            return false;
        }
        // Wikimedia's math fallback images carry aria-hidden yet are the only readable form.
        return !"true".equals(e.attr("aria-hidden")) || e.className().contains("fallback-image");
    }

    static boolean isVideoEmbed(Element e) {
        for (Attribute a : e.attributes()) {
            if (VIDEO.matcher(a.getValue()).find()) {
                return true;
            }
        }
        return "object".equals(e.normalName()) && VIDEO.matcher(e.html()).find();
    }
}
