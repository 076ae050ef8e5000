package io.consentgateway.adapter.out.persistence;

import io.consentgateway.application.port.out.RefreshJournal;
import io.consentgateway.domain.shared.ConsentId;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * {@link RefreshJournal} on JDBI: table {@code refresh_journal} (migration V6). {@link #sending} and {@link #withdrawn}
 * run in transactions of their own on a fresh connection, so they commit while the caller's transaction (holding the
 * consent's row lock) is still open; {@link #settled} and {@link #unsettled} run in the caller's transaction.
 */
final class JdbiRefreshJournal implements RefreshJournal {
    private final Database database;
    private final String node;
    /** Insert, or move a note left behind by a dead node to the new attempt. */
    private final String note;

    JdbiRefreshJournal(Database database, String node) {
        this.database = database;
        this.node = node;
        this.note = database.dialect().upsert("refresh_journal", List.of("consent_id"), List.of("sent_at", "node"));
    }

    @Override
    public void sending(ConsentId id, Instant at) {
        database.inOwnTransaction(handle -> handle.createUpdate(note)
                .bind("consent_id", id.value())
                .bind("sent_at", Columns.instant(at))
                .bind("node", node)
                .execute());
    }

    @Override
    public void settled(ConsentId id) {
        database.withHandle(handle -> handle.createUpdate("DELETE FROM refresh_journal WHERE consent_id = :id")
                .bind("id", id.value())
                .execute());
    }

    @Override
    public void withdrawn(ConsentId id) {
        database.inOwnTransaction(handle -> handle.createUpdate("DELETE FROM refresh_journal WHERE consent_id = :id")
                .bind("id", id.value())
                .execute());
    }

    @Override
    public Optional<Instant> unsettled(ConsentId id) {
        return database.withHandle(handle -> handle.createQuery("SELECT sent_at FROM refresh_journal WHERE consent_id = :id")
                .bind("id", id.value())
                .map((rs, ctx) -> Columns.instant(rs, "sent_at"))
                .findOne());
    }

    @Override
    public List<ConsentId> abandoned(Instant before, int limit) {
        return database.withHandle(handle -> handle.createQuery("""
                        SELECT consent_id FROM refresh_journal WHERE sent_at < :before ORDER BY sent_at LIMIT :limit""")
                .bind("before", Columns.instant(before))
                .bind("limit", limit)
                .map((rs, ctx) -> new ConsentId(Columns.uuid(rs, "consent_id")))
                .list());
    }
}
