package io.consentgateway.sandbox.nrich;

import io.consentgateway.sandbox.core.BasicCredentials;
import io.consentgateway.sandbox.core.Profiles;
import io.consentgateway.sandbox.core.SandboxClock;
import io.consentgateway.sandbox.core.Secrets;
import io.consentgateway.sandbox.core.SyntheticLedger;
import io.consentgateway.sandbox.core.TokenAuthority;
import io.consentgateway.sandbox.core.TokenAuthority.GrantSpec;
import io.consentgateway.sandbox.core.TokenAuthority.GrantView;
import io.consentgateway.sandbox.core.TokenAuthority.IssuedTokens;
import io.consentgateway.sandbox.core.TokenAuthority.Rejected;
import io.consentgateway.sandbox.core.Uris;
import java.net.URI;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * The nrich simulator's engine: flows, the widget's decisions, the token endpoint and access
 * checks for data calls. Plain Java, no JAX-RS: the resources are a thin layer on top.
 * Thread-safe.
 */
public final class NrichSimulator {

    /** The state of a flow's widget. */
    public enum FlowStatus { AWAITING_USER, APPROVED, CANCELLED }

    /** A created flow: what {@code POST /ongoing/access} and friends answer. */
    public record CreatedFlow(String id, URI location) {
    }

    /** What the widget page shows about a flow. */
    public record WidgetView(String flowId, FlowRequest request, List<String> banks) {
    }

    /** The token endpoint's answer. */
    public record TokenResponse(String accessToken, long expiresIn, String scope, String refreshToken) {
        @Override
        public String toString() {
            return "TokenResponse[accessToken=***, expiresIn=" + expiresIn + ", scope=" + scope + ", refreshToken=***]";
        }
    }

    private record Flow(String id, FlowRequest request, Instant createdAt, FlowStatus status) {
        Flow with(FlowStatus newStatus) {
            return new Flow(id, request, createdAt, newStatus);
        }
    }

    /** What a code carries until it is exchanged. */
    private record CodeContext(NrichGrant grant, String redirectUri) {
    }

    private final SandboxClock clock;
    private final NrichSimulatorSettings settings;
    private final TokenAuthority<CodeContext, NrichGrant> authority;
    private final Map<String, Flow> flows = new HashMap<>();
    private final Object lock = new Object();

    public NrichSimulator(SandboxClock clock, NrichSimulatorSettings settings, Secrets secrets) {
        this.clock = clock;
        this.settings = settings;
        this.authority = new TokenAuthority<>(clock, secrets);
    }

    public NrichSimulatorSettings settings() {
        return settings;
    }

    /** Checks the Basic client authentication of a flow or token call; 401 otherwise. */
    public void authenticateClient(String authorizationHeader) {
        if (!BasicCredentials.matches(authorizationHeader, settings.clientId(), settings.clientSecret())) {
            throw NrichError.clientUnauthorized();
        }
    }

    /** Creates a flow; the widget lives at {@code widgetBase + id}. */
    public CreatedFlow createFlow(FlowRequest request, URI widgetBase) {
        String id = UUID.randomUUID().toString();
        synchronized (lock) {
            purgeOldFlows();
            flows.put(id, new Flow(id, request, clock.instant(), FlowStatus.AWAITING_USER));
        }
        return new CreatedFlow(id, widgetBase.resolve(id));
    }

    /** The widget of a flow still waiting for its user; empty when unknown, answered or expired. */
    public Optional<WidgetView> widget(String flowId) {
        synchronized (lock) {
            return openFlow(flowId).map(f -> new WidgetView(f.id(), f.request(), bankNames()));
        }
    }

    /** The fictional banks the widget offers. */
    public static List<String> bankNames() {
        return Profiles.GERMANY.banks().stream().map(SyntheticLedger.Bank::name).toList();
    }

    /**
     * The user approved: issues a code and answers the callback URI
     * ({@code state, success=true, code, abort=false, flow_id}).
     *
     * @param bank the chosen bank; required unless an account was prefilled
     */
    public URI approve(String flowId, String bank) {
        synchronized (lock) {
            Flow flow = openFlow(flowId).orElseThrow(() -> NrichError.notFound("Unknown or finished flow"));
            FlowRequest r = flow.request();
            String chosenBank = null;
            if (!r.skipsBankSelection()) {
                if (bank == null || !bankNames().contains(bank)) {
                    throw NrichError.badRequest("Choose your bank", Map.of("bank", "must be one of the listed banks"));
                }
                chosenBank = bank;
            }
            String seedKey = r.kind().ongoing() ? r.userId() : flow.id();
            int months = r.reportingPeriod() != null ? r.reportingPeriod()
                    : r.syncPeriod() != null ? Math.max(1, (r.syncPeriod() + 29) / 30) : 12;
            NrichGrant grant = new NrichGrant(flow.id(), r.kind(), r.userId(), seedKey, !r.allowMultiSelection(),
                    r.accountIds(), months, chosenBank);
            String code = authority.issueCode(new CodeContext(grant, r.redirectUri()), settings.codeLifetime());
            flows.put(flow.id(), flow.with(FlowStatus.APPROVED));
            Map<String, String> query = new LinkedHashMap<>();
            putState(query, r);
            query.put("success", "true");
            query.put("code", code);
            if (!settings.legacyCancelParameter()) {
                query.put("abort", "false");
            }
            query.put("flow_id", flow.id());
            return Uris.withQuery(r.redirectUri(), query);
        }
    }

    /** The user cancelled: no code; {@code state, success=false, abort=true (or cancel=true), flow_id}. */
    public URI cancel(String flowId) {
        synchronized (lock) {
            Flow flow = openFlow(flowId).orElseThrow(() -> NrichError.notFound("Unknown or finished flow"));
            flows.put(flow.id(), flow.with(FlowStatus.CANCELLED));
            Map<String, String> query = new LinkedHashMap<>();
            putState(query, flow.request());
            query.put("success", "false");
            query.put(settings.legacyCancelParameter() ? "cancel" : "abort", "true");
            query.put("flow_id", flow.id());
            return Uris.withQuery(flow.request().redirectUri(), query);
        }
    }

    /** {@code grant_type=authorization_code}. */
    public TokenResponse exchangeCode(String code, String redirectUri) {
        if (code == null || code.isBlank()) {
            throw NrichError.badRequest("Invalid request parameters", Map.of("code", "is required"));
        }
        if (redirectUri == null && settings.requireRedirectUriOnExchange()) {
            throw NrichError.badRequest("Invalid request parameters", Map.of("redirect_uri", "is required"));
        }
        try {
            IssuedTokens<NrichGrant> issued = authority.redeemCode(code, context -> {
                if (redirectUri != null && !redirectUri.equals(context.redirectUri())) {
                    throw NrichError.badRequest("redirect_uri does not match the flow's redirect_uri",
                            Map.of("redirect_uri", "does not match"));
                }
                NrichGrant grant = context.grant();
                boolean ongoing = grant.kind().ongoing();
                return new GrantSpec<>(grant.userId(), grant, ongoing, settings.accessTokenLifetime(),
                        settings.refreshTokenLifetime(), ongoing ? null : settings.oneTimeDataLifetime(),
                        ongoing ? settings.inactivityLimit() : null);
            });
            return response(issued);
        } catch (Rejected rejected) {
            throw NrichError.invalidGrant(switch (rejected.reason()) {
                case EXPIRED -> "The authorization code has expired";
                case ALREADY_USED -> "The authorization code has already been used";
                default -> "The authorization code is invalid";
            });
        }
    }

    /** {@code grant_type=refresh_token}: rotation with reuse detection. */
    public TokenResponse refresh(String refreshToken) {
        if (refreshToken == null || refreshToken.isBlank()) {
            throw NrichError.badRequest("Invalid request parameters", Map.of("refresh_token", "is required"));
        }
        try {
            return response(authority.refresh(refreshToken));
        } catch (Rejected rejected) {
            throw NrichError.invalidGrant(switch (rejected.reason()) {
                case EXPIRED -> "The refresh token has expired";
                case ALREADY_USED -> "The refresh token has already been used: the access has been revoked";
                case REVOKED -> "The access has been revoked";
                case NOT_REFRESHABLE -> "One-time access cannot be refreshed";
                case INACTIVE -> "The access was revoked after 90 days without user activity";
                default -> "The refresh token is invalid";
            });
        }
    }

    /**
     * Checks the bearer token of a data call. Every data call counts as user activity
     * (a refresh does not).
     */
    public GrantView<NrichGrant> authorize(String accessToken) {
        try {
            return authority.authorize(accessToken, true);
        } catch (Rejected rejected) {
            throw NrichError.invalidToken();
        }
    }

    /** Revokes every grant of the user; returns how many. */
    public int revokeUser(String userId) {
        return authority.revokeSubject(userId);
    }

    /**
     * Whether nrich has given access to the data of {@code seedKey} (an ongoing access's user id, or a one-time flow's
     * id) since the last reset, revoked or ended access included.
     */
    public boolean hasGrantFor(String seedKey) {
        return authority.hasGrant(grant -> grant.seedKey().equals(seedKey));
    }

    public List<GrantView<NrichGrant>> activeGrants() {
        return authority.activeGrants();
    }

    /** Spent codes and refresh tokens presented again (each also revoked its grant). */
    public TokenAuthority.Reuse reuse() {
        return authority.reuse();
    }

    public void reset() {
        synchronized (lock) {
            flows.clear();
        }
        authority.reset();
    }

    private TokenResponse response(IssuedTokens<NrichGrant> issued) {
        return new TokenResponse(issued.accessToken(), issued.accessLifetime().toSeconds(),
                issued.grant().details().kind().scope(), issued.refreshToken());
    }

    private static void putState(Map<String, String> query, FlowRequest r) {
        if (r.state() != null) {
            query.put("state", r.state());
        }
    }

    private Optional<Flow> openFlow(String flowId) {
        Flow flow = flowId == null ? null : flows.get(flowId);
        if (flow == null || flow.status() != FlowStatus.AWAITING_USER) {
            return Optional.empty();
        }
        if (!clock.instant().isBefore(flow.createdAt().plus(settings.flowLifetime()))) {
            return Optional.empty();
        }
        return Optional.of(flow);
    }

    private void purgeOldFlows() {
        if (flows.size() < 10_000) {
            return;
        }
        Instant cutoff = clock.instant().minus(settings.flowLifetime());
        flows.values().removeIf(f -> f.createdAt().isBefore(cutoff));
    }
}
