package io.consentgateway.adapter.out.persistence;

import io.consentgateway.adapter.out.persistence.crypto.KeyRing;
import io.consentgateway.adapter.out.persistence.crypto.StoredSecretUnreadable;
import io.consentgateway.adapter.out.persistence.testing.AdapterExtension;
import io.consentgateway.adapter.out.persistence.testing.TestKeys;
import io.consentgateway.domain.consent.Consent;
import io.consentgateway.domain.flow.ConfirmationCode;
import io.consentgateway.domain.flow.Flow;
import io.consentgateway.domain.token.AuthorizationCode;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.UUID;

import static io.consentgateway.application.port.out.contract.PortFixtures.ALICE;
import static io.consentgateway.application.port.out.contract.PortFixtures.POLICY;
import static io.consentgateway.application.port.out.contract.PortFixtures.plainIncomeReportFlow;
import static io.consentgateway.application.port.out.contract.PortFixtures.BOB;
import static io.consentgateway.application.port.out.contract.PortFixtures.T0;
import static io.consentgateway.application.port.out.contract.PortFixtures.awaitingFlow;
import static io.consentgateway.application.port.out.contract.PortFixtures.ongoingConsent;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Secrets at rest, observed in the raw rows: what the database holds, and how a bad value fails. */
abstract class EncryptionAtRestTests {

    protected abstract AdapterExtension db();

    private Jdbi raw() {
        return Jdbi.create(db().database().dataSource());
    }

    private Map<String, Object> rawRow(String table, UUID id) {
        return raw().withHandle(h -> h.createQuery("SELECT * FROM " + table + " WHERE id = :id").bind("id", id).mapToMap().one());
    }

    @Test
    void tokensAreStoredOnlyEncryptedUnderTheCurrentKey() {
        Consent consent = db().adapter().consents().save(ongoingConsent(ALICE, T0));

        Map<String, Object> row = rawRow("consents", consent.id().value());

        assertThat((String) row.get("access_token_enc")).startsWith("v1.test-1.")
                .doesNotContain(consent.tokens().accessToken().reveal());
        assertThat((String) row.get("refresh_token_enc")).startsWith("v1.test-1.")
                .doesNotContain(consent.refreshToken().orElseThrow().reveal());
        assertThat(row.values()).allSatisfy(value -> assertThat(String.valueOf(value))
                .doesNotContain(consent.tokens().accessToken().reveal()));
    }

    @Test
    void stateIsStoredAsItsHashAndEncryptedAndTheVerifierOnlyEncrypted() {
        Flow flow = db().adapter().flows().save(awaitingFlow(ALICE, T0));

        Map<String, Object> row = rawRow("flows", flow.id().value());

        assertThat(row.get("state_hash")).isEqualTo(JdbiFlows.stateHash(flow.state()));
        assertThat((String) row.get("state_enc")).startsWith("v1.test-1.").doesNotContain(flow.state().value());
        assertThat((String) row.get("pkce_verifier_enc")).startsWith("v1.test-1.")
                .doesNotContain(flow.pkceVerifier().orElseThrow().reveal());
    }

    @Test
    void aCodeHeldForConfirmationAndItsConfirmationCodeAreStoredOnlyEncrypted() {
        Flow stored = db().adapter().flows().save(plainIncomeReportFlow(ALICE, T0));
        AuthorizationCode code = new AuthorizationCode("held-code-in-clear-" + UUID.randomUUID());
        ConfirmationCode confirmation = new ConfirmationCode("confirmation-in-clear-" + UUID.randomUUID());
        db().adapter().flows().save(stored.holdCode(code, confirmation, T0.plusSeconds(10), POLICY));

        Map<String, Object> row = rawRow("flows", stored.id().value());

        assertThat((String) row.get("code_enc")).startsWith("v1.test-1.");
        assertThat((String) row.get("confirmation_enc")).startsWith("v1.test-1.");
        assertThat(row.values()).allSatisfy(value -> assertThat(String.valueOf(value))
                .doesNotContain(code.reveal()).doesNotContain(confirmation.reveal()));
    }

    @Test
    void tokenCopiedIntoAnotherRowFailsClosedNamingThatRowButNotTheSecret() {
        Consent alices = db().adapter().consents().save(ongoingConsent(ALICE, T0));
        Consent bobs = db().adapter().consents().save(ongoingConsent(BOB, T0));
        String alicesCiphertext = (String) rawRow("consents", alices.id().value()).get("access_token_enc");
        raw().useHandle(h -> h.createUpdate("UPDATE consents SET access_token_enc = :c WHERE id = :id")
                .bind("c", alicesCiphertext).bind("id", bobs.id().value()).execute());

        assertThatThrownBy(() -> db().adapter().consents().findById(bobs.id()))
                .isInstanceOf(StoredSecretUnreadable.class)
                .hasMessageContaining("consents.access_token of row " + bobs.id())
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain(alicesCiphertext.substring(10),
                        alices.tokens().accessToken().reveal(), bobs.tokens().accessToken().reveal()));
        assertThat(db().adapter().consents().findById(alices.id())).isPresent();
    }

    @Test
    void tamperedStateFailsClosed() {
        Flow flow = db().adapter().flows().save(awaitingFlow(ALICE, T0));
        raw().useHandle(h -> h.createUpdate("UPDATE flows SET state_enc = REPLACE(state_enc, 'v1.test-1.', 'v1.test-1.A')"
                + " WHERE id = :id").bind("id", flow.id().value()).execute());

        assertThatThrownBy(() -> db().adapter().flows().findByState(flow.state()))
                .isInstanceOf(StoredSecretUnreadable.class)
                .hasMessageContaining("flows.state of row " + flow.id());
    }

    @Test
    void rowsWrittenWithAnOlderKeyStayReadableAfterANewCurrentKey() {
        String oldKey = TestKeys.newKeyBase64();
        String newKey = TestKeys.newKeyBase64();
        PersistenceAdapter before = PersistenceAdapter.create(db().database().dataSource(),
                KeyRing.fromConfiguration("2026-05", "2026-05:" + oldKey));
        Consent written = before.consents().save(ongoingConsent(ALICE, T0));

        PersistenceAdapter after = PersistenceAdapter.create(db().database().dataSource(),
                KeyRing.fromConfiguration("2026-11", "2026-05:" + oldKey + ",2026-11:" + newKey));

        Consent read = after.consents().findById(written.id()).orElseThrow();
        assertThat(read.snapshot()).isEqualTo(written.snapshot());
        Consent rewritten = after.consents().save(read.checkAgainAt(T0.plusSeconds(60)));
        assertThat((String) rawRow("consents", rewritten.id().value()).get("access_token_enc")).startsWith("v1.2026-11.");
        assertThat(after.consents().findById(written.id()).orElseThrow().tokens()).isEqualTo(written.tokens());
    }

    @Test
    void rowOfAKeyNoLongerConfiguredFailsClosedNamingTheKeyId() {
        Consent written = db().adapter().consents().save(ongoingConsent(ALICE, T0));
        PersistenceAdapter withoutTheKey = PersistenceAdapter.create(db().database().dataSource(),
                KeyRing.fromConfiguration("other", "other:" + TestKeys.newKeyBase64()));

        assertThatThrownBy(() -> withoutTheKey.consents().findById(written.id()))
                .isInstanceOf(StoredSecretUnreadable.class)
                .hasMessageContaining("key id 'test-1'")
                .hasMessageContaining("consents.access_token of row " + written.id());
    }

    @Test
    void anUnreadableRowIsLeftOutOfAListingAndTheOthersAreServed() {
        Consent unreadable = db().adapter().consents().save(ongoingConsent(ALICE, T0));
        String otherKey = TestKeys.newKeyBase64();
        PersistenceAdapter rotated = PersistenceAdapter.create(db().database().dataSource(),
                KeyRing.fromConfiguration("other", "other:" + otherKey));
        Consent readable = rotated.consents().save(ongoingConsent(ALICE, T0.plusSeconds(1)));

        assertThat(rotated.consents().findByUser(ALICE)).extracting(Consent::id).containsExactly(readable.id());
    }

    @Test
    void anUnreadableFlowDoesNotStopTheOthersFromLapsing() {
        Flow unreadable = db().adapter().flows()
                .save(awaitingFlow(ALICE, T0));
        PersistenceAdapter rotated = PersistenceAdapter.create(db().database().dataSource(),
                KeyRing.fromConfiguration("other", "other:" + TestKeys.newKeyBase64()));
        Flow readable = rotated.flows()
                .save(awaitingFlow(ALICE, T0));

        assertThat(rotated.flows().findLapsed(T0.plus(java.time.Duration.ofDays(1)), 10))
                .extracting(Flow::id).containsExactly(readable.id());
        assertThat(unreadable.id()).isNotEqualTo(readable.id());
    }
}
