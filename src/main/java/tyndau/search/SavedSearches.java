package tyndau.search;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;
import org.apache.lucene.search.Query;

/** Saved searches as others use them: an alert rule watches one for new matching documents. */
@ApplicationScoped
public class SavedSearches {
    private final SearchService search;

    SavedSearches(SearchService search) {
        this.search = search;
    }

    /** A saved search with its name and the query (text and filters) it runs. */
    public record Compiled(String id, String name, Query query) {
    }

    public boolean exists(String id) {
        return id != null && QuarkusTransaction.requiringNew().call(() -> SavedSearch.findById(id) != null);
    }

    /** The search as it would run now; empty when it is gone or no longer runs (its topic was deleted, say). */
    public Optional<Compiled> byId(String id) {
        SavedSearch s = id == null ? null : QuarkusTransaction.requiringNew().call(() -> SavedSearch.findById(id));
        if (s == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(new Compiled(s.id, s.name, search.query(new SearchRequest(s.q, s.topic, s.side, s.role, s.lang,
                    s.source, s.from, s.to, null, 1, 1, s.tone))));
        } catch (tyndau.http.ApiException e) {
            return Optional.empty();
        }
    }
}
