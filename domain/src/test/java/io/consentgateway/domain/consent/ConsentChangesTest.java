package io.consentgateway.domain.consent;

import org.junit.jupiter.api.Test;

import java.time.Instant;

import static io.consentgateway.domain.consent.ConsentTest.POLICY;
import static io.consentgateway.domain.consent.ConsentTest.T;
import static io.consentgateway.domain.consent.ConsentTest.day;
import static io.consentgateway.domain.consent.ConsentTest.ongoing;
import static io.consentgateway.domain.consent.ConsentTest.tokens;
import static org.assertj.core.api.Assertions.assertThat;

/** What a consent tells its next save to record: the changes since it was last stored, and nothing twice. */
class ConsentChangesTest {

    /** The consent as a repository hands it back after a save. */
    private static Consent stored(Consent consent) {
        return consent.withVersion(consent.snapshot().version() + 1);
    }

    @Test
    void aGrantedConsentWasActivatedAndOnceStoredNothingHappenedSince() {
        Consent granted = ongoing();

        assertThat(granted.changesSinceStored()).containsExactly(ConsentChange.ACTIVATED);
        assertThat(stored(granted).changesSinceStored()).isEmpty();
        assertThat(Consent.restore(granted.snapshot()).changesSinceStored()).isEmpty();
    }

    @Test
    void eachNewStatusIsItsOwnChange() {
        Consent active = stored(ongoing());

        assertThat(active.revocable().orElseThrow()
                .revoke(T.plusSeconds(60)).changesSinceStored()).containsExactly(ConsentChange.REVOKED);
        assertThat(active.refreshable(T, POLICY).orElseThrow()
                .refreshRejected().changesSinceStored()).containsExactly(ConsentChange.REAUTH_REQUIRED);
        assertThat(active.usable(T.plusSeconds(60), POLICY).orElseThrow()
                .endedByProvider().changesSinceStored()).containsExactly(ConsentChange.EXPIRED);
        assertThat(active.review(day(400), POLICY).changesSinceStored()).containsExactly(ConsentChange.EXPIRED);
        Instant warned = active.snapshot().expiresAt().minus(POLICY.expiryWarning()).plusSeconds(1);
        assertThat(active.review(warned, POLICY).changesSinceStored()).containsExactly(ConsentChange.EXPIRING_SOON);
    }

    @Test
    void aChangeOfTokensOrTimesAloneIsNothingToTell() {
        Consent active = stored(ongoing());

        assertThat(active.usable(day(1), POLICY).orElseThrow().recordUserActivity().changesSinceStored()).isEmpty();
        assertThat(active.refreshable(T.plusSeconds(3600), POLICY).orElseThrow()
                .refreshed(tokens("access-2", "refresh-2")).changesSinceStored())
                .isEmpty();
        assertThat(active.checkAgainAt(day(1)).changesSinceStored()).isEmpty();
        assertThat(active.review(T.plusSeconds(60), POLICY).changesSinceStored()).isEmpty();
    }

    @Test
    void aRenewalIsTold_WhateverTheStatusBefore_AndTheChangesOfOneSaveAddUpToTheLastStatus() {
        Consent reauth = stored(stored(ongoing()).refreshable(T, POLICY).orElseThrow().refreshRejected());
        Consent active = stored(ongoing());

        assertThat(reauth.reauthorizable().orElseThrow()
                .reauthorized(tokens("a", "r"), day(2), POLICY).changesSinceStored())
                .containsExactly(ConsentChange.RENEWED);
        assertThat(active.reauthorizable().orElseThrow()
                .reauthorized(tokens("a", "r"), day(2), POLICY).changesSinceStored())
                .containsExactly(ConsentChange.RENEWED);
        // rejected and then revoked before any save: the save tells only where it ended
        assertThat(active.refreshable(T, POLICY).orElseThrow()
                .refreshRejected().revocable().orElseThrow().revoke(day(1)).changesSinceStored())
                .containsExactly(ConsentChange.REVOKED);
        // revoked and stored: a later look changes nothing more
        assertThat(stored(active.revocable().orElseThrow()
                .revoke(day(1))).review(day(2), POLICY).changesSinceStored()).isEmpty();
    }
}
