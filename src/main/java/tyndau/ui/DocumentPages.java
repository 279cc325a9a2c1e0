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

/** A stored document with what the document view shows beside it: its original and its near-duplicates. */
@ApplicationScoped
class DocumentPages {
    /** Near-duplicates listed at most on one page; the count says how many there are in all. */
    static final int MAX_DUPLICATES = 50;

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

    record Page(DocumentView document, Optional<Related> original, List<Related> duplicates, long duplicateCount) {
    }

    @Transactional
    Optional<Page> byId(long id) {
        return documents.byId(id).map(view -> {
            Optional<Related> original = Optional.ofNullable(view.duplicateOf())
                    .flatMap(o -> Optional.ofNullable(Document.findById(o))).map(Related::of);
            List<Related> duplicates = Documents.copiesOf(id, MAX_DUPLICATES).stream().map(Related::of).toList();
            return new Page(view, original, duplicates, Documents.countCopiesOf(id));
        });
    }
}
