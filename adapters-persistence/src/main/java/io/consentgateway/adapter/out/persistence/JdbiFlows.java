package io.consentgateway.adapter.out.persistence;

import io.consentgateway.adapter.out.persistence.crypto.SecretCipher;
import io.consentgateway.adapter.out.persistence.crypto.SecretColumn;
import io.consentgateway.application.port.out.ConcurrentUpdate;
import io.consentgateway.application.port.out.Flows;
import io.consentgateway.domain.flow.ConfirmationCode;
import io.consentgateway.domain.flow.Flow;
import io.consentgateway.domain.flow.FlowCompletion;
import io.consentgateway.domain.flow.FlowFailure;
import io.consentgateway.domain.flow.FlowId;
import io.consentgateway.domain.flow.FlowKind;
import io.consentgateway.domain.flow.FlowOptions;
import io.consentgateway.domain.flow.FlowRequest;
import io.consentgateway.domain.flow.FlowStatus;
import io.consentgateway.domain.flow.State;
import io.consentgateway.domain.shared.AccountReference;
import io.consentgateway.domain.shared.ConsentId;
import io.consentgateway.domain.shared.Language;
import io.consentgateway.domain.shared.ProviderId;
import io.consentgateway.domain.shared.RedirectUri;
import io.consentgateway.domain.shared.ReportingPeriod;
import io.consentgateway.domain.shared.SyncPeriod;
import io.consentgateway.domain.shared.UserId;
import io.consentgateway.domain.token.AuthorizationCode;
import io.consentgateway.domain.token.PkceVerifier;
import org.jdbi.v3.core.statement.SqlStatement;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

import static io.consentgateway.adapter.out.persistence.Columns.readable;

/**
 * {@link Flows} on JDBI. One row per flow in {@code flows}; the callback state is stored as a SHA-256 hash
 * (the lookup key) and encrypted (to restore the flow); the PKCE verifier, and the code and confirmation code a flow
 * holds while it awaits confirmation, only encrypted.
 */
final class JdbiFlows implements Flows {
    static final SecretColumn STATE = new SecretColumn("flows", "state");
    static final SecretColumn PKCE_VERIFIER = new SecretColumn("flows", "pkce_verifier");
    static final SecretColumn HELD_CODE = new SecretColumn("flows", "code");
    static final SecretColumn CONFIRMATION_CODE = new SecretColumn("flows", "confirmation");

    private static final String COLUMNS = """
            id, user_id, provider, kind, state_hash, state_enc, redirect_uri,
            language, accounts, sync_period_days, reporting_period_months, provider_options,
            return_to, completion, renewal_of, provider_flow_id, widget_url, pkce_verifier_enc, code_enc, confirmation_enc,
            status, created_at, expires_at, code_received_at, code_expires_at, exchange_deadline, ended_at, consent_id, failure,
            version""";

    private static final String INSERT = "INSERT INTO flows (" + COLUMNS + """
            ) VALUES (
            :id, :user_id, :provider, :kind, :state_hash, :state_enc, :redirect_uri,
            :language, :accounts, :sync_period_days, :reporting_period_months, :provider_options,
            :return_to, :completion, :renewal_of, :provider_flow_id, :widget_url, :pkce_verifier_enc, :code_enc,
            :confirmation_enc, :status, :created_at, :expires_at, :code_received_at, :code_expires_at, :exchange_deadline, :ended_at,
            :consent_id, :failure, :next_version)
            ON CONFLICT DO NOTHING""";

    /** A flow's identity (id, user, provider, kind, state, created_at) never changes; everything else may. */
    private static final String UPDATE = """
            UPDATE flows SET
              redirect_uri = :redirect_uri, language = :language, accounts = :accounts,
              sync_period_days = :sync_period_days, reporting_period_months = :reporting_period_months,
              provider_options = :provider_options, return_to = :return_to, renewal_of = :renewal_of,
              provider_flow_id = :provider_flow_id, widget_url = :widget_url, pkce_verifier_enc = :pkce_verifier_enc,
              code_enc = :code_enc, confirmation_enc = :confirmation_enc, status = :status, expires_at = :expires_at, code_received_at = :code_received_at,
              code_expires_at = :code_expires_at, exchange_deadline = :exchange_deadline, ended_at = :ended_at, consent_id = :consent_id, failure = :failure,
              version = :next_version
            WHERE id = :id AND version = :version""";

    /** Served by the (status, expires_at), (status, code_expires_at) and (status, exchange_deadline) indexes. */
    private static final String LAPSED = "SELECT " + COLUMNS + """
             FROM flows
            WHERE (status = 'AWAITING_USER' AND expires_at <= :now)
               OR (status IN ('AWAITING_CONFIRMATION', 'EXCHANGING') AND code_expires_at <= :now)
               OR (status = 'EXCHANGING' AND exchange_deadline <= :now)
            ORDER BY created_at, id
            LIMIT :limit""";

    private final Database database;
    private final SecretCipher cipher;

    JdbiFlows(Database database, SecretCipher cipher) {
        this.database = database;
        this.cipher = cipher;
    }

    @Override
    public Flow save(Flow flow) {
        Flow.Snapshot s = flow.snapshot();
        FlowId id = flow.id();
        long next = s.version() + 1;
        return database.withHandle(handle -> {
            if (s.version() == 0) {
                int inserted = bindChanging(bindIdentity(handle.createUpdate(INSERT), s), s, next).execute();
                if (inserted == 0) {
                    boolean idTaken = handle.createQuery("SELECT COUNT(*) FROM flows WHERE id = :id")
                            .bind("id", id.value()).mapTo(Long.class).one() > 0;
                    throw new ConcurrentUpdate(idTaken
                            ? "flow " + id + " exists already; nothing was overwritten"
                            : "a flow with this state exists already; nothing was overwritten");
                }
            } else {
                int updated = bindChanging(handle.createUpdate(UPDATE), s, next)
                        .bind("id", id.value())
                        .bind("version", s.version())
                        .execute();
                if (updated == 0) {
                    throw new ConcurrentUpdate("flow " + id + " was changed or removed since version " + s.version()
                            + " was read; nothing was overwritten");
                }
            }
            return flow.withVersion(next);
        });
    }

    @Override
    public Optional<Flow> findById(FlowId id) {
        return database.withHandle(handle -> handle.createQuery("SELECT " + COLUMNS + " FROM flows WHERE id = :id")
                .bind("id", id.value())
                .map((rs, ctx) -> read(rs))
                .findOne());
    }

    @Override
    public Optional<Flow> findByState(State state) {
        return database.withHandle(handle -> handle.createQuery("SELECT " + COLUMNS + " FROM flows WHERE state_hash = :hash")
                .bind("hash", stateHash(state))
                .map((rs, ctx) -> read(rs))
                .findOne())
                // the hash found the row; the decrypted state must be the very one (it is, unless SHA-256 collides)
                .filter(flow -> flow.state().equals(state));
    }

    @Override
    public List<Flow> findLapsed(Instant now, int limit) {
        if (limit < 1) {
            return List.of();
        }
        return database.withHandle(handle -> handle.createQuery(LAPSED)
                .bind("now", Columns.instant(now))
                .bind("limit", limit)
                .map((rs, ctx) -> readable(rs, "flow", this::read))
                .list().stream().flatMap(Optional::stream).toList());
    }

    /** Served by the (user_id, status) index. */
    @Override
    public Waiting waiting(UserId userId, Instant now) {
        return database.withHandle(handle -> handle.createQuery("""
                        SELECT COUNT(*) AS waiting, MIN(expires_at) AS first_lapse FROM flows
                         WHERE user_id = :user_id AND status = 'AWAITING_USER' AND expires_at > :now""")
                .bind("user_id", userId.value())
                .bind("now", Columns.instant(now))
                .map((rs, ctx) -> new Waiting(rs.getInt("waiting"), Columns.optionalInstant(rs, "first_lapse")))
                .one());
    }

    /** Served by the (user_id, status) index. */
    @Override
    public int deleteByUser(UserId userId) {
        return database.withHandle(handle -> handle.createUpdate("DELETE FROM flows WHERE user_id = :user_id")
                .bind("user_id", userId.value())
                .execute());
    }

    /** SHA-256 of the state, hex: equal states, equal hashes; the hash says nothing useful about a random state. */
    static String stateHash(State state) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(state.value().getBytes(StandardCharsets.US_ASCII));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from the JDK", e);
        }
    }

    /** The columns written once, by the insert. */
    private <S extends SqlStatement<S>> S bindIdentity(S statement, Flow.Snapshot s) {
        Flow.Origin origin = s.origin();
        FlowRequest asked = origin.request();
        State state = origin.handshake().state();
        return statement
                .bind("id", origin.id().value())
                .bind("user_id", asked.userId().value())
                .bind("provider", asked.provider().value())
                .bind("kind", asked.kind().name())
                .bind("completion", asked.completion().name())
                .bind("state_hash", stateHash(state))
                .bind("state_enc", cipher.encrypt(state.value(), STATE.at(origin.id())))
                .bind("created_at", Columns.instant(origin.createdAt()));
    }

    /** The columns every save writes. */
    private <S extends SqlStatement<S>> S bindChanging(S statement, Flow.Snapshot s, long nextVersion) {
        FlowId id = s.origin().id();
        FlowRequest asked = s.origin().request();
        Flow.Handshake handshake = s.origin().handshake();
        Flow.Progress p = s.progress();
        FlowOptions o = asked.options();
        return statement
                .bind("redirect_uri", handshake.redirectUri().value().toString())
                .bind("language", o.language().code())
                .bind("accounts", Columns.list(o.accounts().stream().map(AccountReference::value).toList()))
                .bind("sync_period_days", o.syncPeriod().map(SyncPeriod::days).orElse(null))
                .bind("reporting_period_months", o.reportingPeriod().map(ReportingPeriod::months).orElse(null))
                .bind("provider_options", Columns.options(o.providerOptions()))
                .bind("return_to", asked.returnTo().map(URI::toString).orElse(null))
                .bind("renewal_of", Columns.uuid(asked.renewalOf().map(ConsentId::value).orElse(null)))
                .bind("provider_flow_id", handshake.providerFlowId().orElse(null))
                .bind("widget_url", handshake.widgetUrl().toString())
                .bind("pkce_verifier_enc", p.pkceVerifier()
                        .map(v -> cipher.encrypt(v.reveal(), PKCE_VERIFIER.at(id))).orElse(null))
                .bind("code_enc", p.heldCode()
                        .map(c -> cipher.encrypt(c.reveal(), HELD_CODE.at(id))).orElse(null))
                .bind("confirmation_enc", p.confirmationCode()
                        .map(c -> cipher.encrypt(c.reveal(), CONFIRMATION_CODE.at(id))).orElse(null))
                .bind("status", p.status().name())
                .bind("expires_at", Columns.instant(s.origin().expiresAt()))
                .bind("code_received_at", Columns.instant(p.codeReceivedAt()))
                .bind("code_expires_at", Columns.instant(p.codeExpiresAt()))
                .bind("exchange_deadline", Columns.instant(p.exchangeDeadline()))
                .bind("ended_at", Columns.instant(p.endedAt()))
                .bind("consent_id", Columns.uuid(p.consentId().map(ConsentId::value).orElse(null)))
                .bind("failure", p.failure().map(FlowFailure::name).orElse(null))
                .bind("next_version", nextVersion);
    }

    private Flow read(ResultSet rs) throws SQLException {
        FlowId id = new FlowId(Columns.uuid(rs, "id"));
        FlowOptions options = new FlowOptions(
                Language.fromCode(rs.getString("language")),
                Columns.list(rs.getString("accounts")).stream().map(AccountReference::parse).toList(),
                Columns.optionalInt(rs, "sync_period_days").map(SyncPeriod::new),
                Columns.optionalInt(rs, "reporting_period_months").map(ReportingPeriod::new),
                Columns.options(rs.getString("provider_options")));
        FlowRequest asked = new FlowRequest(
                new UserId(rs.getString("user_id")),
                new ProviderId(rs.getString("provider")),
                FlowKind.valueOf(rs.getString("kind")),
                options,
                Columns.optionalString(rs, "return_to").map(URI::create),
                FlowCompletion.valueOf(rs.getString("completion")),
                Optional.ofNullable(Columns.uuid(rs, "renewal_of")).map(ConsentId::new));
        Flow.Handshake handshake = new Flow.Handshake(
                State.of(cipher.decrypt(rs.getString("state_enc"), STATE.at(id))),
                RedirectUri.parse(rs.getString("redirect_uri")),
                Columns.optionalString(rs, "provider_flow_id"),
                URI.create(rs.getString("widget_url")));
        Flow.Origin origin = new Flow.Origin(id, asked, handshake,
                Columns.instant(rs, "created_at"),
                Columns.instant(rs, "expires_at"));
        Flow.Progress progress = new Flow.Progress(
                FlowStatus.valueOf(rs.getString("status")),
                cipher.decryptIfPresent(rs.getString("pkce_verifier_enc"), PKCE_VERIFIER.at(id)).map(PkceVerifier::new),
                cipher.decryptIfPresent(rs.getString("code_enc"), HELD_CODE.at(id)).map(AuthorizationCode::new),
                cipher.decryptIfPresent(rs.getString("confirmation_enc"), CONFIRMATION_CODE.at(id)).map(ConfirmationCode::new),
                Columns.optionalInstant(rs, "code_received_at"),
                Columns.optionalInstant(rs, "code_expires_at"),
                Columns.optionalInstant(rs, "exchange_deadline"),
                Columns.optionalInstant(rs, "ended_at"),
                Optional.ofNullable(Columns.uuid(rs, "consent_id")).map(ConsentId::new),
                Columns.optionalString(rs, "failure").map(FlowFailure::valueOf));
        return Flow.restore(new Flow.Snapshot(origin, progress, rs.getLong("version")));
    }
}
