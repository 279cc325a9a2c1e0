package tyndau.ui;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;

/**
 * The pages' words, in English here and in Kazakh and Russian in {@code messages/msg_kk.properties} and
 * {@code messages/msg_ru.properties} ({@code {msg:overviewTitle}} in a template). UiMessagesTest fails when
 * a language lacks a key. Data (titles, sources, queries) and API values are never translated.
 */
@MessageBundle(value = "msg", locale = "en")
public interface UiMessages {

    // The frame of every page.
    @Message("Skip to content")
    String skipToContent();

    @Message("Main")
    String navLabel();

    @Message("Overview")
    String navOverview();

    @Message("Search")
    String navSearch();

    @Message("New topic")
    String navNewTopic();

    @Message("Alerts")
    String navAlerts();

    @Message("Sources")
    String navSources();

    @Message("Language")
    String languageLabel();

    @Message("API key: not set")
    String keyNotSet();

    @Message("API key needed")
    String keyDialogTitle();

    @Message("This action changes data, so the service asks for its API key (the setting tyndau.api-key, or the file api-key"
            + " in the service's home). The key is kept for this browser tab's session only.")
    String keyDialogText();

    @Message("API key")
    String keyInput();

    @Message("Cancel")
    String cancel();

    @Message("Use this key")
    String keyUse();

    @Message("Tyndau: is the government listening? Every chart here is drawn from")
    String footer();

    @Message("the JSON API")
    String footerApi();

    // Words several pages share.
    @Message("Loading…")
    String loading();

    @Message("Numbers of this chart (table)")
    String chartNumbers();

    @Message("public side")
    String publicSide();

    @Message("government")
    String government();

    @Message("public tone")
    String publicTone();

    @Message("sensitive")
    String sensitive();

    @Message("From")
    String from();

    @Message("To")
    String to();

    @Message("Show")
    String show();

    @Message("any")
    String any();

    @Message("none")
    String none();

    @Message("unknown")
    String unknown();

    @Message("Query:")
    String queryLabel();

    // Overview.
    @Message("Overview")
    String overviewTitle();

    @Message("Attention to each topic from {from} to {to} (the last days up to the newest document): the share of the public"
            + " side's and of the government's documents that day that are about the topic. Check ingestion first: a drop in"
            + " documents is not a drop in attention.")
    String overviewLede(String from, String to);

    @Message("Ingestion and source health")
    String ingestionTitle();

    @Message("Loading source health…")
    String loadingHealth();

    @Message("Documents stored per day, public side and government, {from} to {to}")
    String ingestionChartLabel(String from, String to);

    @Message("Documents per day by publication date:")
    String ingestionCaption();

    @Message("Topics")
    String topicsTitle();

    @Message("Each topic's verdict is given twice: over the last days shown ({from} – {to}) and over the whole range of the"
            + " data ({wholeFrom} – {wholeTo}).")
    String verdictRanges(String from, String to, String wholeFrom, String wholeTo);

    @Message("Loading open alerts…")
    String loadingAlerts();

    @Message("Verdict, recent days")
    String verdictRecent();

    @Message("Verdict, whole range")
    String verdictWhole();

    @Message("{label}: share of public and government documents per day, {from} to {to}")
    String sparkLabel(String label, String from, String to);

    @Message("No topics yet.")
    String noTopics();

    // Topic page.
    @Message("topic")
    String topicCrumb();

    @Message("Interval")
    String interval();

    @Message("day")
    String intervalDay();

    @Message("week")
    String intervalWeek();

    @Message("month")
    String intervalMonth();

    @Message("Empty dates: the 365 days up to the newest document.")
    String rangeHint();

    @Message("Attention")
    String attentionTitle();

    @Message("Plot")
    String plot();

    @Message("share of the side's documents")
    String measureShare();

    @Message("number of documents")
    String measureCount();

    @Message("Mean tone of the public side's documents on the topic, from −1 to 1")
    String toneChartLabel();

    @Message("public-led episodes")
    String publicLedEpisodes();

    @Message("government-led episodes")
    String governmentLedEpisodes();

    @Message("Both sides share one time axis, the public tone is beneath, episodes are shaded; an arrow runs from an"
            + " episode's first public document to the government's response, labelled with the lag in hours.")
    String attentionCaption();

    @Message("Download what is shown:")
    String downloadShown();

    @Message("timeline CSV")
    String timelineCsv();

    @Message("timeline JSON")
    String timelineJson();

    @Message("chart as PNG")
    String chartPng();

    @Message("Episodes and responses")
    String episodesTitle();

    @Message("Events: one happening, many reports")
    String eventsTitle();

    @Message("Download the episodes:")
    String downloadEpisodes();

    // Topic editor.
    @Message("Edit this topic")
    String editorTitle();

    @Message("New topic")
    String newTopicTitle();

    @Message("A topic is a query. Type it and see, before saving, what it catches: the hits per language and side, samples"
            + " and the timeline it would draw. Saving needs the API key.")
    String newTopicLede();

    @Message("Id (in addresses)")
    String editId();

    @Message("lower-case letters, digits, - or _")
    String editIdHint();

    @Message("Label in Kazakh")
    String editLabelKk();

    @Message("Label in Russian")
    String editLabelRu();

    @Message("Label in English (or the only label)")
    String editLabelEn();

    @Message("Sensitive (its announcements raise alerts)")
    String editSensitive();

    @Message("Query")
    String editQuery();

    @Message("Save the topic")
    String editSave();

    @Message("Re-drawing the topic's history")
    String redrawProgress();

    @Message("What the query would catch")
    String previewTitle();

    @Message("Type a query: the preview follows each pause in typing.")
    String previewIdle();

    @Message("The timeline the query would draw beside the saved topic's")
    String previewChartLabel();

    @Message("Documents the query counts in each period, public side and government; dashed, the saved topic's.")
    String previewCaption();

    @Message("Query syntax")
    String syntaxTitle();

    @Message("Operators:")
    String syntaxOperators();

    @Message("\"exact phrase\"")
    String syntaxPhrase();

    @Message("-word")
    String syntaxNot();

    @Message("A word in any form finds every form of it in Kazakh, Russian, English and Turkish:")
    String syntaxForms();

    @Message("That form only:")
    String syntaxExact();

    @Message("Also the words derived from it:")
    String syntaxDerived();

    @Message("Fields:")
    String syntaxFields();

    @Message("In a topic, words are alternatives (any of them matches); mark a word with + to require it.")
    String syntaxTopic();

    @Message("In a search, all words are required:")
    String syntaxSearch();

    @Message("An empty query lists every document that passes the filters.")
    String syntaxEmpty();

    // Search.
    @Message("Search")
    String searchTitle();

    @Message("Query")
    String queryField();

    @Message("e.g. Ресей санкциялар, \"visa-free\" China")
    String queryPlaceholder();

    @Message("Search")
    String searchButton();

    @Message("Filters")
    String filters();

    @Message("Topic")
    String facetTopic();

    @Message("Side")
    String facetSide();

    @Message("Role")
    String facetRole();

    @Message("Article tone")
    String facetTone();

    @Message("Language")
    String facetLanguage();

    @Message("Source")
    String facetSource();

    @Message("public")
    String sidePublic();

    @Message("government")
    String sideGovernment();

    @Message("neither")
    String sideNone();

    @Message("government")
    String roleGovernment();

    @Message("state media")
    String roleStateMedia();

    @Message("independent media")
    String roleIndependentMedia();

    @Message("international media")
    String roleInternationalMedia();

    @Message("civil society")
    String roleCivilSociety();

    @Message("social")
    String roleSocial();

    @Message("Kazakh")
    String langKk();

    @Message("Russian")
    String langRu();

    @Message("English")
    String langEn();

    @Message("Turkish")
    String langTr();

    @Message("Ukrainian")
    String langUk();

    @Message("Order")
    String order();

    @Message("relevance (with a query)")
    String orderRelevance();

    @Message("newest first")
    String orderDate();

    @Message("Narrow the results")
    String facetsLabel();

    @Message("Result pages")
    String pagerLabel();

    @Message("Saved searches")
    String savedTitle();

    @Message("Save this search as")
    String savedName();

    @Message("Save")
    String savedSave();

    // Document.
    @Message("document {id}")
    String documentCrumb(long id);

    @Message("(no title)")
    String noTitle();

    @Message("Published")
    String published();

    @Message("undateable (no publication date could be established)")
    String undateableLong();

    @Message("Tone")
    String tone();

    @Message("no signal (the tone model could read nothing here; left out of tone averages)")
    String toneNone();

    @Message("positive")
    String tonePositive();

    @Message("negative")
    String toneNegative();

    @Message("neutral")
    String toneNeutral();

    @Message("Words that pushed it (lexicon):")
    String toneWords();

    @Message("confidence {pct} %")
    String toneConfidence(String pct);

    @Message("score")
    String toneScore();

    @Message("The sentences that carried each topic's tone:")
    String topicSentences();

    @Message("No sentence naming it on its own carried tone; the article's tone counts for it.")
    String topicSentencesNone();

    @Message("Topics matched")
    String topicsMatched();

    @Message("Original address")
    String originalAddress();

    @Message("Stored")
    String stored();

    @Message("Duplicates")
    String duplicates();

    @Message("A near-duplicate of")
    String nearDuplicateOf();

    @Message("It counts once, as the original.")
    String countsOnce();

    @Message("Why:")
    String why();

    @Message("Near-duplicates of this document: {count}")
    String nearDuplicatesCount(String count);

    @Message("none known")
    String noneKnown();

    @Message("Other reports of this event")
    String eventReports();

    @Message("none: this document is an event of its own")
    String eventAlone();

    @Message("Text")
    String text();

    // Alerts.
    @Message("Alerts")
    String alertsTitle();

    @Message("New alerts appear here as they are raised, without reloading. Acknowledging one needs the API key.")
    String alertsLede();

    @Message("open")
    String alertsOpen();

    @Message("acknowledged")
    String alertsAcknowledged();

    @Message("all")
    String alertsAll();

    @Message("not connected")
    String liveOff();

    // Sources.
    @Message("Sources")
    String sourcesTitle();

    @Message("Index")
    String indexTitle();

    @Message("The index is rebuilt from the database; searches keep working meanwhile.")
    String indexText();

    @Message("Rebuild the index")
    String reindexStart();

    @Message("Import documents")
    String importTitle();

    @Message("JSON Lines file (one document per line)")
    String importFile();

    @Message("Import")
    String importButton();

    @Message("Import progress")
    String importProgress();

    @Message("Registry and health")
    String registryTitle();

    // Not found.
    @Message("Not found")
    String notFoundTitle();

    @Message("Back to the overview")
    String backToOverview();

    @Message("no topic '{id}'")
    String noTopic(String id);

    @Message("no document with id '{id}'")
    String noDocument(String id);
}
