package tyndau.document;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.persistence.EntityManager;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.locks.ReentrantLock;
import org.jboss.logging.Logger;
import tyndau.source.Source;
import tyndau.tone.ToneScorer;

/**
 * The one path by which documents enter the database. Writes are serialised so that sequence
 * numbers are committed in increasing order: the index catches up with "seq greater than the last
 * one I hold" and must never skip a row that commits late. (One writing instance per database;
 * the unique index on seq turns a second concurrent writer into an error, never a silent gap.)
 */
@ApplicationScoped
public class DocumentWriter {
    private static final Logger LOG = Logger.getLogger(DocumentWriter.class);

    private final ReentrantLock lock = new ReentrantLock();
    private final EntityManager em;
    private final Event<DocumentsCommitted> committed;
    private final ToneScorer tone;
    private final Deduplicator dedupe;

    DocumentWriter(EntityManager em, Event<DocumentsCommitted> committed, ToneScorer tone, Deduplicator dedupe) {
        this.em = em;
        this.committed = committed;
        this.tone = tone;
        this.dedupe = dedupe;
    }

    /** Stores what is new in {@code batch}, in one transaction; one outcome per input, in order. */
    public List<WriteOutcome> write(List<NewDocument> batch) {
        if (batch.isEmpty()) {
            return List.of();
        }
        List<WriteOutcome> outcomes;
        lock.lock();
        try {
            try {
                outcomes = QuarkusTransaction.requiringNew().call(() -> store(batch));
            } catch (RuntimeException e) {
                // One bad row must not cost the others: retry one by one and reject only what fails.
                LOG.warnf(e, "batch of %d documents failed; storing them one by one", batch.size());
                outcomes = new ArrayList<>(batch.size());
                for (NewDocument d : batch) {
                    try {
                        outcomes.add(QuarkusTransaction.requiringNew().call(() -> store(List.of(d))).get(0));
                    } catch (RuntimeException single) {
                        LOG.warnf(single, "document %s could not be stored", d.url());
                        outcomes.add(WriteOutcome.rejected("the database refused this document"));
                    }
                }
            }
        } finally {
            lock.unlock();
        }
        long maxSeq = maxSeq();
        if (outcomes.stream().anyMatch(o -> o.kind() == WriteOutcome.Kind.ACCEPTED)) {
            committed.fire(new DocumentsCommitted(maxSeq));
        }
        return outcomes;
    }

    /** The highest sequence number committed, 0 when there is none. */
    public long maxSeq() {
        return QuarkusTransaction.joiningExisting().call(() -> {
            Long max = em.createQuery("select max(d.seq) from Document d", Long.class).getSingleResult();
            return max == null ? 0L : max;
        });
    }

    private List<WriteOutcome> store(List<NewDocument> batch) {
        List<String> hashes = batch.stream().map(d -> Hashes.sha256(d.url())).toList();
        Map<String, Long> byUrl = new HashMap<>();
        em.createQuery("select d.urlHash, d.id from Document d where d.urlHash in :h", Object[].class)
                .setParameter("h", new HashSet<>(hashes))
                .getResultList()
                .forEach(r -> byUrl.put((String) r[0], (Long) r[1]));
        Map<String, Long> byGuid = new HashMap<>();
        Set<String> guids = new HashSet<>();
        batch.forEach(d -> {
            if (d.guid() != null) {
                guids.add(d.guid());
            }
        });
        if (!guids.isEmpty()) {
            em.createQuery("select d.sourceId, d.guid, d.id from Document d where d.guid in :g", Object[].class)
                    .setParameter("g", guids)
                    .getResultList()
                    .forEach(r -> byGuid.put(r[0] + "\n" + r[1], (Long) r[2]));
        }
        Map<String, Source> sources = new HashMap<>();
        Set<String> sourceIds = new HashSet<>();
        batch.forEach(d -> sourceIds.add(d.sourceId()));
        Source.<Source>list("id in ?1", sourceIds).forEach(s -> sources.put(s.id, s));

        Long max = em.createQuery("select max(d.seq) from Document d", Long.class).getSingleResult();
        long seq = max == null ? 0L : max;
        List<WriteOutcome> outcomes = new ArrayList<>(batch.size());
        List<Document> stored = new ArrayList<>(batch.size());
        for (int i = 0; i < batch.size(); i++) {
            NewDocument n = batch.get(i);
            String urlHash = hashes.get(i);
            Long sameUrl = byUrl.get(urlHash);
            if (sameUrl != null) {
                outcomes.add(WriteOutcome.duplicate(sameUrl, "same URL as document " + sameUrl));
                continue;
            }
            Long sameGuid = n.guid() == null ? null : byGuid.get(n.sourceId() + "\n" + n.guid());
            if (sameGuid != null) {
                outcomes.add(WriteOutcome.duplicate(sameGuid, "same GUID as document " + sameGuid));
                continue;
            }
            Source source = sources.get(n.sourceId());
            if (source == null) {
                if (n.role() == null) {
                    outcomes.add(WriteOutcome.rejected("source '" + n.sourceId()
                            + "' is new: its role is required"));
                    continue;
                }
                source = Source.fromImport(n.sourceId(), n.role(), n.language());
                em.persist(source);
                sources.put(source.id, source);
            }
            Document d = new Document();
            d.sourceId = n.sourceId();
            d.url = n.url();
            d.urlHash = urlHash;
            d.guid = n.guid();
            d.title = n.title();
            d.body = n.body();
            d.bodyHtml = n.bodyHtml();
            d.publishedAt = n.publishedAt();
            d.undateable = n.undateable();
            d.fetchedAt = n.fetchedAt() == null ? Instant.now() : n.fetchedAt();
            d.language = n.language();
            d.contentHash = Hashes.sha256(n.title() + "\n" + (n.body() == null ? "" : n.body()));
            dedupe.fingerprint(d);
            var repost = dedupe.samePost(d, stored);
            if (repost.isPresent()) {
                outcomes.add(WriteOutcome.duplicate(repost.get(), "same title as document " + repost.get()
                        + " of this source within the title window"));
                continue;
            }
            d.tone = tone.score(n.title() + "\n\n" + (n.body() == null ? "" : n.body()), n.language()).score();
            d.duplicateOf = dedupe.originalOf(d, stored).orElse(null);
            d.seq = ++seq;
            em.persist(d);
            stored.add(d);
            byUrl.put(urlHash, d.id);
            if (n.guid() != null) {
                byGuid.put(n.sourceId() + "\n" + n.guid(), d.id);
            }
            outcomes.add(WriteOutcome.accepted(d.id));
        }
        em.flush();
        return outcomes;
    }
}
