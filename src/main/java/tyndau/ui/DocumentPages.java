package tyndau.ui;

import tyndau.document.Documents;


import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import tyndau.document.Document;
import tyndau.document.DocumentService;
import tyndau.document.DocumentView;

/**
 * A stored document with what the document view shows beside it: its original, its near-duplicates, and the other
 * reports of its event (issue 31).
 */
@ApplicationScoped
class DocumentPages {
    /** Near-duplicates listed at most on one page; the count says how many there are in all. */
    static final int MAX_DUPLICATES = 50;
    /** Other reports of the document's event listed at most. */
    static final int MAX_EVENT_REPORTS = 50;

    private final DocumentService documents;

    DocumentPages(DocumentService documents) {
        this.documents = documents;
    }

    /** Another document, as a link. */
    record Related(long id, String title, String source, Instant published) {
        static Related of(Document d) {
            return new Related(d.id, d.title, d.sourceId, d.publishedAt);
        }
    }

    /** Another report of the document's event, with its language (a badge). */
    record Report(long id, String title, String source, String language, Instant published) {
        static Report of(Document d) {
            return new Report(d.id, d.title, d.sourceId, d.language, d.publishedAt);
        }
    }

    record Page(DocumentView document, Optional<Related> original, List<Related> duplicates, long duplicateCount,
                List<Report> eventReports) {
    }

    @Transactional
    Optional<Page> byId(long id) {
        return documents.byId(id).map(view -> {
            Optional<Related> original = Optional.ofNullable(view.duplicateOf())
                    .flatMap(o -> Optional.ofNullable(Document.findById(o))).map(Related::of);
            List<Related> duplicates = Documents.copiesOf(id, MAX_DUPLICATES).stream().map(Related::of).toList();
            List<Report> event = view.event() == null ? List.of()
                    : tyndau.Row.page(Document.class, "eventId = ?1 and id <> ?2 order by publishedAt nulls last, id", 0,
                            MAX_EVENT_REPORTS, view.event(), id).stream().map(Report::of).toList();
            return new Page(view, original, duplicates, Documents.countCopiesOf(id), event);
        });
    }
}
