package io.consentgateway.adapter.out.persistence;

import io.consentgateway.adapter.out.persistence.crypto.SecretCipher;
import io.consentgateway.adapter.out.persistence.crypto.SecretColumn;
import io.consentgateway.application.port.out.ConcurrentUpdate;
import io.consentgateway.application.port.out.Consents;
import io.consentgateway.domain.consent.Consent;
import io.consentgateway.domain.consent.ConsentKind;
import io.consentgateway.domain.consent.ConsentStatus;
import io.consentgateway.domain.consent.ReauthorizationReason;
import io.consentgateway.domain.shared.ConsentId;
import io.consentgateway.domain.shared.ProviderId;
import io.consentgateway.domain.shared.UserId;
import io.consentgateway.domain.token.AccessToken;
import io.consentgateway.domain.token.RefreshToken;
import io.consentgateway.domain.token.TokenPair;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.SqlStatement;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static io.consentgateway.adapter.out.persistence.Columns.readable;

/**
 * {@link Consents} on JDBI, with the two operations of the refresh protocol (docs/adr/0004-refresh-locking-and-claims.md):
 * {@link #lockForRefresh} ({@code SELECT ... FOR UPDATE} in the caller's transaction) and {@link #claimDue}
 * (leases on due consents, taken with {@code FOR UPDATE SKIP LOCKED}). Access and refresh tokens are stored only
 * encrypted, bound to their row.
 */
final class JdbiConsents implements Consents {
    static final SecretColumn ACCESS_TOKEN = new SecretColumn("consents", "access_token");
    static final SecretColumn REFRESH_TOKEN = new SecretColumn("consents", "refresh_token");

    private static final String COLUMNS = """
            id, user_id, provider, kind, provider_flow_id, status,
            access_token_enc, refresh_token_enc, token_type, scope,
            tokens_issued_at, access_expires_at, refresh_issued_at, refresh_expires_at,
            granted_at, last_user_activity_at, last_refreshed_at, provider_consent_ends_at, expires_at, next_check_at,
            refresh_in_doubt_since, reauthorization_reason, version""";

    private static final String INSERT = "INSERT INTO consents (" + COLUMNS + """
            , lease_until) VALUES (
            :id, :user_id, :provider, :kind, :provider_flow_id, :status,
            :access_token_enc, :refresh_token_enc, :token_type, :scope,
            :tokens_issued_at, :access_expires_at, :refresh_issued_at, :refresh_expires_at,
            :granted_at, :last_user_activity_at, :last_refreshed_at, :provider_consent_ends_at, :expires_at, :next_check_at,
            :refresh_in_doubt_since, :reauthorization_reason, :next_version, NULL)
            ON CONFLICT DO NOTHING""";

    /**
     * A consent's identity (id, user, provider, kind, granted_at) never changes. A save releases the claim lease if this
     * node holds it (or nobody is named), never another node's: a user's read on one node must not free a consent that
     * another node's scheduler is working on, for a third claim to pick up.
     */
    private static final String UPDATE = """
            UPDATE consents SET
              provider_flow_id = :provider_flow_id, status = :status,
              access_token_enc = :access_token_enc, refresh_token_enc = :refresh_token_enc,
              token_type = :token_type, scope = :scope,
              tokens_issued_at = :tokens_issued_at, access_expires_at = :access_expires_at,
              refresh_issued_at = :refresh_issued_at, refresh_expires_at = :refresh_expires_at,
              last_user_activity_at = :last_user_activity_at, last_refreshed_at = :last_refreshed_at,
              provider_consent_ends_at = :provider_consent_ends_at, expires_at = :expires_at,
              next_check_at = :next_check_at, refresh_in_doubt_since = :refresh_in_doubt_since,
              reauthorization_reason = :reauthorization_reason,
              lease_until = CASE WHEN lease_holder IS NULL OR lease_holder = :node THEN NULL ELSE lease_until END,
              lease_holder = CASE WHEN lease_holder IS NULL OR lease_holder = :node THEN NULL ELSE lease_holder END,
              version = :next_version
            WHERE id = :id AND version = :version""";

    /** "Due and nobody holds it": the due-time index finds the candidates, the lease test filters them. */
    private static final String DUE = """
            next_check_at <= :now AND (lease_until IS NULL OR lease_until < :now)""";

    /** Along {@code consents_next_check_at_idx}, earliest due first. */
    static final LeaseClaim CLAIM = new LeaseClaim("consents", DUE, "next_check_at");

    private final Database database;
    private final SecretCipher cipher;
    private final String node;

    JdbiConsents(Database database, SecretCipher cipher, String node) {
        this.database = database;
        this.cipher = cipher;
        this.node = node;
    }

    @Override
    public Consent save(Consent consent) {
        Consent.Snapshot s = consent.snapshot();
        long next = s.version() + 1;
        return database.withHandle(handle -> {
            if (s.version() == 0) {
                int inserted = bindChanging(bindIdentity(handle.createUpdate(INSERT), s), s, next).execute();
                if (inserted == 0) {
                    throw new ConcurrentUpdate("consent " + s.id() + " exists already; nothing was overwritten");
                }
            } else {
                int updated = bindChanging(handle.createUpdate(UPDATE), s, next)
                        .bind("node", node)
                        .bind("id", s.id().value())
                        .bind("version", s.version())
                        .execute();
                if (updated == 0) {
                    throw new ConcurrentUpdate("consent " + s.id() + " was changed or removed since version " + s.version()
                            + " was read; nothing was overwritten");
                }
            }
            return consent.withVersion(next);
        });
    }

    @Override
    public Optional<Consent> findById(ConsentId id) {
        return database.withHandle(handle -> selectById(handle, id, ""));
    }

    @Override
    public List<Consent> findByUser(UserId userId) {
        return database.withHandle(handle -> handle.createQuery(
                        "SELECT " + COLUMNS + " FROM consents WHERE user_id = :user_id ORDER BY granted_at DESC, id")
                .bind("user_id", userId.value())
                .map((rs, ctx) -> readable(rs, "consent", this::read))
                .list().stream().flatMap(Optional::stream).toList());
    }

    @Override
    public List<ConsentId> idsOfUser(UserId userId) {
        return database.withHandle(handle -> handle.createQuery("SELECT id FROM consents WHERE user_id = :user_id")
                .bind("user_id", userId.value())
                .map((rs, ctx) -> new ConsentId(Columns.uuid(rs, "id")))
                .list());
    }

    /** {@code SELECT ... FOR UPDATE} on the caller's transaction: the row stays locked until it commits or rolls back. */
    @Override
    public Optional<Consent> lockForRefresh(ConsentId id) {
        Handle transaction = database.requireTransaction("Consents.lockForRefresh");
        return selectById(transaction, id, " FOR UPDATE");
    }

    /** Always in a short transaction of its own, so the leases are committed (and visible to other nodes) on return. */
    @Override
    public List<ConsentId> claimDue(Instant now, int limit, Instant leaseUntil) {
        if (limit < 1) {
            return List.of();
        }
        return database.inOwnTransaction(handle ->
                        CLAIM.claim(handle, database.dialect(), Map.of(), now, limit, leaseUntil, node))
                .stream()
                .map(ConsentId::new)
                .toList();
    }

    /**
     * The consent and its refresh journal note, in one transaction (the note has no foreign key, see V6). Deleting the
     * row waits for a refresh that holds its lock ({@link #lockForRefresh}) to end.
     */
    @Override
    public boolean delete(ConsentId id) {
        return database.inTransaction(() -> database.withHandle(handle -> {
            handle.createUpdate("DELETE FROM refresh_journal WHERE consent_id = :id").bind("id", id.value()).execute();
            return handle.createUpdate("DELETE FROM consents WHERE id = :id").bind("id", id.value()).execute() > 0;
        }));
    }

    private Optional<Consent> selectById(Handle handle, ConsentId id, String lockClause) {
        return handle.createQuery("SELECT " + COLUMNS + " FROM consents WHERE id = :id" + lockClause)
                .bind("id", id.value())
                .map((rs, ctx) -> read(rs))
                .findOne();
    }

    /** The columns written once, by the insert. */
    private static <S extends SqlStatement<S>> S bindIdentity(S statement, Consent.Snapshot s) {
        return statement
                .bind("id", s.id().value())
                .bind("user_id", s.userId().value())
                .bind("provider", s.provider().value())
                .bind("kind", s.kind().name())
                .bind("granted_at", Columns.instant(s.grantedAt()));
    }

    /** The columns every save writes; the tokens are encrypted for this row. */
    private <S extends SqlStatement<S>> S bindChanging(S statement, Consent.Snapshot s, long nextVersion) {
        Optional<TokenPair> tokens = s.tokens();
        return statement
                .bind("provider_flow_id", s.providerFlowId().orElse(null))
                .bind("status", s.status().name())
                .bind("access_token_enc", tokens
                        .map(t -> cipher.encrypt(t.accessToken().reveal(), ACCESS_TOKEN.at(s.id()))).orElse(null))
                .bind("refresh_token_enc", tokens.flatMap(TokenPair::refreshToken)
                        .map(t -> cipher.encrypt(t.reveal(), REFRESH_TOKEN.at(s.id()))).orElse(null))
                .bind("token_type", tokens.map(TokenPair::tokenType).orElse(null))
                .bind("scope", tokens.map(TokenPair::scope).orElse(null))
                .bind("tokens_issued_at", Columns.instant(tokens.map(TokenPair::issuedAt)))
                .bind("access_expires_at", Columns.instant(tokens.map(TokenPair::accessExpiresAt)))
                .bind("refresh_issued_at", Columns.instant(tokens.flatMap(TokenPair::refreshIssuedAt)))
                .bind("refresh_expires_at", Columns.instant(tokens.flatMap(TokenPair::refreshExpiresAt)))
                .bind("last_user_activity_at", Columns.instant(s.lastUserActivityAt()))
                .bind("last_refreshed_at", Columns.instant(s.lastRefreshedAt()))
                .bind("provider_consent_ends_at", Columns.instant(s.providerConsentEndsAt()))
                .bind("expires_at", Columns.instant(s.expiresAt()))
                .bind("next_check_at", Columns.instant(s.nextCheckAt()))
                .bind("refresh_in_doubt_since", Columns.instant(s.refreshInDoubtSince()))
                .bind("reauthorization_reason", s.reauthorizationReason().map(Enum::name).orElse(null))
                .bind("next_version", nextVersion);
    }

    private Consent read(ResultSet rs) throws SQLException {
        ConsentId id = new ConsentId(Columns.uuid(rs, "id"));
        Optional<TokenPair> tokens = Optional.empty();
        String accessToken = rs.getString("access_token_enc");
        if (accessToken != null) {
            tokens = Optional.of(new TokenPair(
                    new AccessToken(cipher.decrypt(accessToken, ACCESS_TOKEN.at(id))),
                    cipher.decryptIfPresent(rs.getString("refresh_token_enc"), REFRESH_TOKEN.at(id)).map(RefreshToken::new),
                    rs.getString("token_type"),
                    rs.getString("scope"),
                    Columns.instant(rs, "tokens_issued_at"),
                    Columns.instant(rs, "access_expires_at"),
                    Columns.optionalInstant(rs, "refresh_issued_at"),
                    Columns.optionalInstant(rs, "refresh_expires_at")));
        }
        return Consent.restore(new Consent.Snapshot(
                id,
                new UserId(rs.getString("user_id")),
                new ProviderId(rs.getString("provider")),
                ConsentKind.valueOf(rs.getString("kind")),
                Columns.optionalString(rs, "provider_flow_id"),
                ConsentStatus.valueOf(rs.getString("status")),
                tokens,
                Columns.instant(rs, "granted_at"),
                Columns.instant(rs, "last_user_activity_at"),
                Columns.optionalInstant(rs, "last_refreshed_at"),
                Columns.optionalInstant(rs, "provider_consent_ends_at"),
                Columns.instant(rs, "expires_at"),
                Columns.optionalInstant(rs, "next_check_at"),
                Columns.optionalInstant(rs, "refresh_in_doubt_since"),
                Columns.optionalString(rs, "reauthorization_reason").map(ReauthorizationReason::valueOf),
                rs.getLong("version")));
    }
}
