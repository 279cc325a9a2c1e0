package tyndau.ui;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;

/**
 * The words the dashboard's scripts write (status lines, tables, chart labels), in English here and in Kazakh and
 * Russian in {@code messages/js_kk.properties} and {@code messages/js_ru.properties}. Each page carries them for its
 * language as JSON ({@link ScriptMessagesJson}); {@code %name} in a message is a value the script fills in, and
 * {@code group_value} keys give machine values (verdicts, sides, alert kinds) their words. The pages' messages that
 * take no value (UiMessages) are in that JSON too, so a word both use is written once. UiMessagesTest fails when a
 * language lacks a key or a value, or when both bundles have a key.
 */
@MessageBundle(value = "js", locale = "en")
public interface ScriptMessages {
    @Message("the service could not be reached")
    String unreachable();

    @Message("no API key was given")
    String noKeyGiven();

    @Message("The service refused that key (401). Enter the right key, or cancel.")
    String keyRefused();

    @Message("the upload failed")
    String uploadFailed();

    @Message("API key: kept for this session (forget)")
    String keyKept();

    @Message("The API key is needed.")
    String needKey();

    @Message("h")
    String hoursUnit();

    @Message("original")
    String original();

    @Message("document %id")
    String documentN();

    @Message("undateable")
    String undateable();

    @Message("Public side")
    String publicSideCap();

    @Message("Government")
    String governmentCap();

    @Message("Public tone")
    String publicToneCap();

    @Message("Source health unavailable: %error")
    String healthUnavailable();

    @Message("Sources")
    String statSources();

    @Message("Failing or suspended")
    String statFailing();

    @Message("Documents stored per day (last 7 days)")
    String statPerDay();

    @Message("Last successful fetch")
    String statLastSuccess();

    @Message("none yet (imports only)")
    String noFetchYet();

    @Message("Failing sources (their silence is not the public's):")
    String failingSources();

    @Message("suspended")
    String suspended();

    @Message("failures in a row: %n")
    String failuresInARow();

    @Message("All sources and their health")
    String allSources();

    @Message("Published per day, last 7 days (range mean)")
    String statRecent();

    @Message("Fewer documents than usual arrived in the last 7 days: a fall in attention below may be a fall in "
            + "ingestion.")
    String ingestionDropped();

    @Message("Ingestion chart unavailable: %error")
    String ingestionUnavailable();

    @Message("Documents per day by publication date")
    String ingestionTable();

    @Message("Date")
    String colDate();

    @Message("Public side")
    String colPublic();

    @Message("Government")
    String colGovernment();

    @Message("Verdict over %from – %to: %episodes episodes")
    String verdictTitle();

    @Message("verdict unavailable")
    String verdictUnavailable();

    @Message("Timeline unavailable: %error")
    String timelineUnavailable();

    @Message("alerts not available")
    String alertsUnavailable();

    @Message("Open alerts in all: %n.")
    String openAlertsTotal();

    @Message("See the alerts")
    String seeAlerts();

    @Message("open alerts: %n")
    String openAlertsCount();

    @Message("no open alerts")
    String noOpenAlerts();

    @Message("responsive")
    String verdict_responsive();

    @Message("top-down")
    String verdict_top_down();

    @Message("unresponsive")
    String verdict_unresponsive();

    @Message("mixed")
    String verdict_mixed();

    @Message("insufficient data")
    String verdict_insufficient_data();

    @Message("The public led most episodes and the government answered most of them in time.")
    String verdictExplain_responsive();

    @Message("The government led most episodes: attention went from the state to the public.")
    String verdictExplain_top_down();

    @Message("The public led most episodes and the government left most of them unanswered.")
    String verdictExplain_unresponsive();

    @Message("Neither side led enough episodes to name a leader.")
    String verdictExplain_mixed();

    @Message("Too few episodes in this range for a verdict.")
    String verdictExplain_insufficient_data();

    @Message("%label: share of each side's documents per %interval, public side and government, %from to %to; "
            + "%episodes episodes shaded. The numbers are in the table below.")
    String attentionLabelShare();

    @Message("%label: number of documents per %interval, public side and government, %from to %to; %episodes "
            + "episodes shaded. The numbers are in the table below.")
    String attentionLabelCount();

    @Message("day")
    String interval_day();

    @Message("week")
    String interval_week();

    @Message("month")
    String interval_month();

    @Message("days")
    String intervals_day();

    @Message("weeks")
    String intervals_week();

    @Message("months")
    String intervals_month();

    @Message("%days days (r = %r)")
    String ccfValue();

    @Message("Verdict:")
    String verdictLabel();

    @Message("for %from – %to.")
    String verdictFor();

    @Message("Episodes")
    String statEpisodes();

    @Message("Public-led / government-led")
    String statLed();

    @Message("Response rate")
    String statResponseRate();

    @Message("Median lag (censored kept)")
    String statMedianLag();

    @Message("not reached")
    String notReached();

    @Message("Cross-correlation peak")
    String statCcf();

    @Message("No episode in this range.")
    String noEpisodes();

    @Message("No event in this range.")
    String noEvents();

    @Message("Events of %label, %from – %to, the latest first (%n in all)")
    String eventsCaption();

    @Message("Event")
    String colEvent();

    @Message("Reports")
    String colReports();

    @Message("Languages")
    String colLanguages();

    @Message("First and last report")
    String colFirstLast();

    @Message("The events could not be loaded: %error")
    String eventsNotLoaded();

    @Message("Episodes of %label, %from – %to")
    String episodesCaption();

    @Message("Onset")
    String colOnset();

    @Message("Peak")
    String colPeak();

    @Message("End")
    String colEnd();

    @Message("Led by")
    String colLedBy();

    @Message("Public documents")
    String colPublicDocs();

    @Message("Peak z")
    String colPeakZ();

    @Message("Public tone")
    String colPublicTone();

    @Message("Response or announcement")
    String colResponse();

    @Message("Lag")
    String colLag();

    @Message("Evidence (public documents of the peak day)")
    String colEvidence();

    @Message("public")
    String led_public();

    @Message("government")
    String led_government();

    @Message("public surge")
    String kind_public_surge();

    @Message("trial balloon")
    String kind_trial_balloon();

    @Message("stand-alone")
    String kind_stand_alone();

    @Message("sensitive announcement")
    String kind_sensitive_announcement();

    @Message("unanswered")
    String kind_unanswered();

    @Message("alert")
    String kind_alert();

    @Message("none (watched %hours)")
    String noneWatched();

    @Message("The timeline could not be loaded: %error")
    String timelineNotLoaded();

    @Message("%n %interval from %from to %to (days begin in %zone).")
    String timelineStatus();

    @Message("Undateable documents not on the axis: %n.")
    String undatedOffAxis();

    @Message("Episodes could not be computed: %error")
    String episodesNotComputed();

    @Message("%lag to response")
    String lagToResponse();

    @Message("no response")
    String noResponse();

    @Message("no response in %hours")
    String noResponseIn();

    @Message("announcement → public reaction")
    String announcementReaction();

    @Message("announcement")
    String announcement();

    @Message("Public documents on topic")
    String colPublicOnTopic();

    @Message("Public documents, all")
    String colPublicAll();

    @Message("Public share")
    String colPublicShare();

    @Message("Government documents on topic")
    String colGovernmentOnTopic();

    @Message("Government documents, all")
    String colGovernmentAll();

    @Message("Government share")
    String colGovernmentShare();

    @Message("Government tone")
    String colGovernmentTone();

    @Message("Line %line, column %column:")
    String syntaxErrorAt();

    @Message("Documents found")
    String previewTotal();

    @Message("By language")
    String previewByLanguage();

    @Message("By side")
    String previewBySide();

    @Message("Preview over %from – %to (%ms ms).")
    String previewDone();

    @Message("The search stopped at its time limit: the counts are a lower bound.")
    String previewPartial();

    @Message("Nothing in this language.")
    String previewNoSamples();

    @Message("Forms matched:")
    String previewForms();

    @Message("Type a query to see what it would catch.")
    String previewEmpty();

    @Message("Counting…")
    String previewRunning();

    @Message("The query cannot be previewed: %error")
    String previewFailed();

    @Message("Public side (query)")
    String previewPublic();

    @Message("Government (query)")
    String previewGovernment();

    @Message("Public side (saved topic)")
    String savedPublic();

    @Message("Government (saved topic)")
    String savedGovernment();

    @Message("Re-drawing: %done of %total documents…")
    String redrawing();

    @Message("The id must be lower-case letters, digits, - or _ (at most 64).")
    String badId();

    @Message("Give the topic a label in at least one language.")
    String labelNeeded();

    @Message("Saving…")
    String saving();

    @Message("Not saved: %error")
    String notSavedTopic();

    @Message("Saved; the topic's history is re-drawn.")
    String topicSaved();

    @Message("tone %tone")
    String toneValue();

    @Message("Topics:")
    String topicsList();

    @Message("Active filters")
    String activeFilters();

    @Message("Remove the %facet filter %value")
    String removeFilterLabel();

    @Message("remove")
    String remove();

    @Message("Dates")
    String dates();

    @Message("No facets.")
    String noFacets();

    @Message("previous")
    String previous();

    @Message("next")
    String next();

    @Message("page %page of %pages")
    String pageOf();

    @Message("Searching…")
    String searching();

    @Message("The query cannot be run: %error")
    String queryCannotRun();

    @Message("Search failed: %error")
    String searchFailed();

    @Message("Documents found: %n")
    String documentsMatch();

    @Message("newest first")
    String sort_date();

    @Message("by relevance")
    String sort_relevance();

    @Message("everything")
    String everything();

    @Message("Rename")
    String rename();

    @Message("Delete")
    String delete();

    @Message("Make a topic")
    String makeTopic();

    @Message("New name of the saved search:")
    String renamePrompt();

    @Message("Renamed.")
    String renamed();

    @Message("Delete the saved search “%name”?")
    String deleteConfirm();

    @Message("Deleted.")
    String deleted();

    @Message("Topic made:")
    String topicMade();

    @Message("Saved searches unavailable: %error")
    String savedUnavailable();

    @Message("Saved searches: %n.")
    String savedCount();

    @Message("No saved search yet.")
    String savedNone();

    @Message("Saved as “%name”.")
    String saved();

    @Message("Not saved: %error")
    String notSaved();

    @Message("Kazakh")
    String lang_kk();

    @Message("Russian")
    String lang_ru();

    @Message("English")
    String lang_en();

    @Message("Turkish")
    String lang_tr();

    @Message("Ukrainian")
    String lang_uk();

    @Message("public")
    String side_public();

    @Message("positive")
    String tone_positive();

    @Message("neutral")
    String tone_neutral();

    @Message("negative")
    String tone_negative();

    @Message("government")
    String side_government();

    @Message("neither")
    String side_none();

    @Message("government")
    String role_government();

    @Message("state media")
    String role_state_media();

    @Message("independent media")
    String role_independent_media();

    @Message("international media")
    String role_international_media();

    @Message("civil society")
    String role_civil_society();

    @Message("social")
    String role_social();

    @Message("Alerts are not available on this server (GET /api/alerts answered 404).")
    String alertsNotOnServer();

    @Message("Alerts could not be loaded: %error")
    String alertsNotLoaded();

    @Message("Acknowledge")
    String acknowledge();

    @Message("Acknowledge alert %id")
    String acknowledgeAlert();

    @Message("Acknowledging…")
    String acknowledging();

    @Message("Not acknowledged: the API key is needed.")
    String notAcknowledgedNoKey();

    @Message("Not acknowledged: %error")
    String notAcknowledged();

    @Message("Alerts shown: %n.")
    String alertsShown();

    @Message("No alerts to show.")
    String noAlertsShown();

    @Message("%n of %total alerts shown (newest).")
    String alertsShownOf();

    @Message("live")
    String liveOn();

    @Message("reconnecting…")
    String liveRetry();

    @Message("rule %rule")
    String ruleName();

    @Message("historical")
    String historical();

    @Message("new")
    String status_new();

    @Message("acknowledged")
    String status_acknowledged();

    @Message("yes")
    String bool_true();

    @Message("no")
    String bool_false();

    @Message("The government published a document on the sensitive topic “%topic” at %first.")
    String explainAnnouncementOne();

    @Message("The government published %n documents on the sensitive topic “%topic” between %first and %last, "
            + "within %windowHours.")
    String explainAnnouncementMany();

    @Message("Public attention to “%topic” surged from %onset: %n public documents by %end, peak robust z-score %z "
            + "on %peak.")
    String explainSurge();

    @Message("The government answered after %lag.")
    String explainAnswered();

    @Message("No government document on the topic has answered it yet.")
    String explainNotAnswered();

    @Message("The public surge on “%topic” that began %first (%n public documents, peak robust z-score %z) had no "
            + "government document on the topic for %days days, until %deadline.")
    String explainUnanswered();

    @Message("None had come when this alert was raised.")
    String explainStillUnanswered();

    @Message("The government spoke first on “%topic” at %announced; a public surge followed from %reaction, %lag "
            + "later: a trial balloon.")
    String explainBalloon();

    @Message("documents")
    String fact_documents();

    @Message("first published")
    String fact_firstPublished();

    @Message("last published")
    String fact_lastPublished();

    @Message("window start")
    String fact_windowStart();

    @Message("window end")
    String fact_windowEnd();

    @Message("window, hours")
    String fact_windowHours();

    @Message("sensitive")
    String fact_sensitive();

    @Message("news age limit, hours")
    String fact_newsAgeHours();

    @Message("Watch (alert)")
    String watch();

    @Message("Watched: new matching documents will raise alerts.")
    String watching();

    @Message("Already watched.")
    String watchExists();

    @Message("saved search “%name”")
    String savedSearchSubject();

    @Message("new matching documents")
    String kind_new_match();

    @Message("A new document matches the saved search “%name”, published %first.")
    String explainNewMatchOne();

    @Message("%n new documents match the saved search “%name”, published between %first and %last.")
    String explainNewMatchMany();

    @Message("saved search")
    String fact_savedSearch();

    @Message("from")
    String fact_from();

    @Message("to")
    String fact_to();

    @Message("onset")
    String fact_onset();

    @Message("peak")
    String fact_peak();

    @Message("end")
    String fact_end();

    @Message("first public document")
    String fact_firstPublicAt();

    @Message("public documents")
    String fact_publicCount();

    @Message("peak robust z-score")
    String fact_peakScore();

    @Message("threshold")
    String fact_threshold();

    @Message("least documents a day")
    String fact_minDocs();

    @Message("baseline, days")
    String fact_baselineDays();

    @Message("public tone")
    String fact_publicTone();

    @Message("answered")
    String fact_answered();

    @Message("lag, hours")
    String fact_lagHours();

    @Message("days")
    String fact_days();

    @Message("deadline")
    String fact_deadline();

    @Message("response window, days")
    String fact_responseDays();

    @Message("hours without an answer")
    String fact_hoursWithoutAnswer();

    @Message("announced at")
    String fact_announcedAt();

    @Message("announcement")
    String fact_announcementId();

    @Message("reaction began")
    String fact_reactionOnset();

    @Message("trial-balloon window, days")
    String fact_balloonDays();

    @Message("ok")
    String health_ok();

    @Message("suspended")
    String health_suspended();

    @Message("disabled")
    String health_disabled();

    @Message("no fetch yet")
    String health_no_fetch_yet();

    @Message("failing (%n in a row)")
    String healthFailing();

    @Message("%new new, %duplicates duplicates, %rejected rejected")
    String fetchResult();

    @Message("error: %error")
    String errorWas();

    @Message("Fetch %name now")
    String fetchNowLabel();

    @Message("Fetch now")
    String fetchNow();

    @Message("Fetching…")
    String fetching();

    @Message("Not fetched: the API key is needed.")
    String notFetchedNoKey();

    @Message("Fetching on demand is not available on this server (%error).")
    String fetchUnavailable();

    @Message("Not fetched: %error")
    String notFetched();

    @Message("The sources could not be loaded: %error")
    String sourcesNotLoaded();

    @Message("Sources: %n; failing or suspended: %failing.")
    String sourcesSummary();

    @Message("Sources, their health and documents")
    String sourcesTable();

    @Message("Source")
    String colSource();

    @Message("Role · side")
    String colRoleSide();

    @Message("Type")
    String colType();

    @Message("Health")
    String colHealth();

    @Message("Documents")
    String colDocuments();

    @Message("Per day (7 days)")
    String colPerDay();

    @Message("Last success")
    String colLastSuccess();

    @Message("Next fetch")
    String colNextFetch();

    @Message("Last error")
    String colLastError();

    @Message("Action")
    String colAction();

    @Message("No rebuild since the service started.")
    String reindexIdle();

    @Message("Rebuilding: %done of %total documents (%pct %), %rate documents/s.")
    String reindexRunning();

    @Message("About %seconds s left.")
    String reindexEta();

    @Message("Last rebuild finished %at: %total documents.")
    String reindexDone();

    @Message("The last rebuild failed: %error.")
    String reindexFailed();

    @Message("Index status unavailable: %error")
    String reindexUnavailable();

    @Message("Not started: the API key is needed.")
    String notStartedNoKey();

    @Message("Not started: %error")
    String notStarted();

    @Message("Importing %name…")
    String importing();

    @Message("Not imported: the API key is needed.")
    String notImportedNoKey();

    @Message("Not imported: %error")
    String notImported();

    @Message("%accepted accepted (of which %near near-duplicates), %duplicates duplicates, %rejected rejected.")
    String importResult();

    @Message("line %line: %reason")
    String lineError();
}
