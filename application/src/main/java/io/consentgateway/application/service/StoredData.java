package io.consentgateway.application.service;

import io.consentgateway.application.port.in.Synced;
import io.consentgateway.application.port.in.TryAgainLater;
import io.consentgateway.application.port.out.AccountDataStore;
import io.consentgateway.application.port.out.ProviderException;
import io.consentgateway.application.port.out.SyncState;
import io.consentgateway.application.port.out.TransactionSlice;
import io.consentgateway.domain.consent.Consent;
import io.consentgateway.domain.consent.ConsentNotUsable;
import io.consentgateway.domain.finance.Account;
import io.consentgateway.domain.finance.IncomeReport;
import io.consentgateway.domain.finance.Transaction;
import io.consentgateway.domain.policy.ConsentPolicy;
import io.consentgateway.domain.shared.ConsentId;
import io.consentgateway.domain.shared.UserId;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * How every data read goes since the gateway keeps the data: the user's own consent; served from the
 * {@link AccountDataStore}, synced first ({@link AccountDataSync}, as the user's read) when the stored data is older
 * than the max age. Then:
 * <ul>
 *   <li>the provider failing (an outage, a refresh in doubt, a refusal of the gateway) while data is stored: the read is
 *       served from the store, with its sync time, instead of a 503;</li>
 *   <li>a consent that can no longer read (a one-time consent past the provider's hour): its snapshot is served until
 *       its retention ends; after that, and for every other ended consent, the read is refused as before.</li>
 * </ul>
 */
public final class StoredData {
    private static final Duration BUSY_RETRY = Duration.ofSeconds(1);

    private final ConsentReader reader;
    private final AccountDataSync sync;
    private final AccountDataStore store;
    private final GatewaySettings gateway;
    private final DataSettings settings;
    private final Clock clock;

    public StoredData(ConsentReader reader, AccountDataSync sync, AccountDataStore store, GatewaySettings gateway,
                      DataSettings settings, Clock clock) {
        this.reader = reader;
        this.sync = sync;
        this.store = store;
        this.gateway = gateway;
        this.settings = settings;
        this.clock = clock;
    }

    /** The user's own consent; a foreign one is as "not found" as a missing one. */
    public Consent owned(UserId userId, ConsentId consentId) {
        return reader.owned(userId, consentId);
    }

    /** Reads {@code fromStore} of the consent once its stored data is recent enough, or the best the store has. */
    public <T> Synced<T> serve(Consent consent, Function<ConsentId, T> fromStore) {
        Instant now = clock.instant();
        ConsentPolicy policy = gateway.policyFor(consent.provider());
        if (!consent.statusAt(now, policy).isReadable()) {
            SyncState snapshot = retainedSnapshot(consent, now).orElseThrow(() -> notUsable(consent, now, policy));
            return new Synced<>(fromStore.apply(consent.id()), snapshot.syncedAt().orElseThrow());
        }
        Optional<SyncState> state = store.syncState(consent.id());
        Instant neededSince = now.minus(settings.maxAge());
        boolean fresh = state.flatMap(SyncState::syncedAt).map(at -> !at.isBefore(neededSince)).orElse(false);
        if (fresh) {
            reader.servedFromStore(consent);
        } else {
            try {
                sync.sync(consent, AccountDataSync.Trigger.USER_READ, neededSince);
            } catch (ProviderException | TryAgainLater unavailable) {
                if (state.flatMap(SyncState::syncedAt).isEmpty()) {
                    throw unavailable;
                }
            } catch (ConsentNotUsable ended) {
                // the provider ended a one-time consent early: its snapshot is still the user's to read
                retainedSnapshot(consent, clock.instant()).orElseThrow(() -> ended);
            }
        }
        Instant syncedAt = store.syncState(consent.id()).flatMap(SyncState::syncedAt).orElseThrow(() ->
                new TryAgainLater("the consent's data is being synced by another request", BUSY_RETRY));
        return new Synced<>(fromStore.apply(consent.id()), syncedAt);
    }

    /** The stored accounts of a consent (inside {@link #serve}). */
    public List<Account> accounts(ConsentId id) {
        return store.accounts(id);
    }

    /** A page of a consent's stored transactions (inside {@link #serve}). */
    public List<Transaction> transactions(ConsentId id, TransactionSlice slice) {
        return store.transactions(id, slice);
    }

    /** The stored income report of a consent (inside {@link #serve}). */
    public Optional<IncomeReport> incomeReport(ConsentId id) {
        return store.incomeReport(id);
    }

    /** A one-time or income-report consent's snapshot within its retention; an ongoing consent has none. */
    private Optional<SyncState> retainedSnapshot(Consent consent, Instant now) {
        if (consent.kind().isOngoing()) {
            return Optional.empty();
        }
        return store.syncState(consent.id())
                .filter(state -> state.syncedAt().isPresent())
                .filter(state -> state.retainUntil().map(until -> until.isAfter(now)).orElse(false));
    }

    private static ConsentNotUsable notUsable(Consent consent, Instant now, ConsentPolicy policy) {
        return new ConsentNotUsable(consent.statusAt(now, policy), consent.nextActionAt(now, policy));
    }
}
