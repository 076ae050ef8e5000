package io.consentgateway.adapter.out.nrich;

import io.consentgateway.adapter.out.nrich.mapping.BankId;
import io.consentgateway.adapter.out.nrich.mapping.NrichOptions;
import io.consentgateway.application.port.out.ProviderOptionsRejected;
import io.consentgateway.domain.flow.FlowKind;
import io.consentgateway.domain.flow.ProviderOptions;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** {@code checkOptions}: nrich's own options, checked as the client sent them (JSON-like values). */
class NrichOptionsTest {

    private static NrichConsentProvider nrich;

    @BeforeAll
    static void adapter() {
        nrich = new NrichConsentProvider(NrichSettings.builder().build());
    }

    @AfterAll
    static void close() {
        nrich.close();
    }

    private static Map<String, String> rejected(FlowKind kind, Map<String, Object> options) {
        ProviderOptionsRejected e = catchThrowableOfType(ProviderOptionsRejected.class, () -> nrich.checkOptions(kind, options));
        assertThat(e).as("options %s are rejected", options.keySet()).isNotNull();
        return e.errors();
    }

    @ParameterizedTest
    @EnumSource(FlowKind.class)
    void noOptionsAreNoOptionsForEveryKind(FlowKind kind) {
        assertThat(nrich.checkOptions(kind, Map.of())).isEqualTo(ProviderOptions.NONE);
        assertThat(nrich.supportedKinds()).contains(kind);
    }

    @Test
    void everyOptionOfAnOngoingAccessIsKeptAndReadBack() {
        ProviderOptions checked = nrich.checkOptions(FlowKind.ONGOING_ACCESS, Map.of(
                "trackingId", "campaign-7",
                "providerId", "74bab9d2-9f60-4ab1-be63-706e67b99f58",
                "saveSecrets", true,
                "accountTypes", List.of("Giro account", "Savings"),
                "allowMultiSelection", false));

        assertThat(NrichOptions.trackingId(checked)).contains("campaign-7");
        assertThat(NrichOptions.bank(checked)).contains(new BankId("74bab9d2-9f60-4ab1-be63-706e67b99f58"));
        assertThat(NrichOptions.saveSecrets(checked)).isTrue();
        assertThat(NrichOptions.accountTypes(checked)).containsExactly("Giro account", "Savings");
        assertThat(NrichOptions.allowMultiSelection(checked)).isFalse();
        assertThat(checked.flag("saveSecrets")).contains(true);
        assertThat(checked.texts("accountTypes")).containsExactly("Giro account", "Savings");
    }

    @Test
    void absentOptionsTakeNrichsDefaults() {
        ProviderOptions none = nrich.checkOptions(FlowKind.ONGOING_ACCESS, Map.of());

        assertThat(NrichOptions.trackingId(none)).isEmpty();
        assertThat(NrichOptions.bank(none)).isEmpty();
        assertThat(NrichOptions.saveSecrets(none)).isFalse();
        assertThat(NrichOptions.accountTypes(none)).isEmpty();
        assertThat(NrichOptions.allowMultiSelection(none)).as("multi-selection defaults to on").isTrue();
    }

    @Test
    void aNullValueIsAnOptionNotGiven() {
        Map<String, Object> options = new HashMap<>();
        options.put("trackingId", null);
        options.put("saveSecrets", null);
        options.put("providerId", null);

        assertThat(nrich.checkOptions(FlowKind.ONGOING_ACCESS, options)).isEqualTo(ProviderOptions.NONE);
        assertThat(nrich.checkOptions(FlowKind.INCOME_REPORT, options)).as("null is not given, for any kind")
                .isEqualTo(ProviderOptions.NONE);
    }

    @Test
    void oneTimeAccessTakesAccountTypesAndMultiSelection() {
        ProviderOptions checked = nrich.checkOptions(FlowKind.ONE_TIME_ACCESS,
                Map.of("accountTypes", List.of("Giro account"), "allowMultiSelection", true));

        assertThat(NrichOptions.accountTypes(checked)).containsExactly("Giro account");
        assertThat(NrichOptions.allowMultiSelection(checked)).isTrue();
    }

    @Test
    void anEmptyListOfAccountTypesIsNoRestriction() {
        assertThat(nrich.checkOptions(FlowKind.ONGOING_ACCESS, Map.of("accountTypes", List.of())))
                .isEqualTo(ProviderOptions.NONE);
    }

    // ---- wrong types ----

    @Test
    void aFlagOfAnotherTypeMustBeABoolean() {
        assertThat(rejected(FlowKind.ONGOING_ACCESS, Map.of("saveSecrets", "true")))
                .containsExactly(Map.entry("saveSecrets", "must be a boolean"));
        assertThat(rejected(FlowKind.ONGOING_ACCESS, Map.of("allowMultiSelection", 1)))
                .containsExactly(Map.entry("allowMultiSelection", "must be a boolean"));
        assertThat(rejected(FlowKind.ONE_TIME_ACCESS, Map.of("allowMultiSelection", List.of(true))))
                .containsExactly(Map.entry("allowMultiSelection", "must be a boolean"));
    }

    @Test
    void aTextOfAnotherTypeMustBeText() {
        assertThat(rejected(FlowKind.ONGOING_ACCESS, Map.of("trackingId", 42)))
                .containsExactly(Map.entry("trackingId", "must be text"));
        assertThat(rejected(FlowKind.ONGOING_ACCESS, Map.of("providerId", new BigDecimal("7.5"))))
                .containsExactly(Map.entry("providerId", "must be text"));
        assertThat(rejected(FlowKind.ONGOING_ACCESS, Map.of("trackingId", Map.of("id", "x"))))
                .containsExactly(Map.entry("trackingId", "must be text"));
        assertThat(rejected(FlowKind.ONGOING_ACCESS, Map.of("providerId", true)))
                .containsExactly(Map.entry("providerId", "must be text"));
    }

    @Test
    void accountTypesOfAnotherTypeMustBeAListOfTexts() {
        assertThat(rejected(FlowKind.ONGOING_ACCESS, Map.of("accountTypes", "Giro account")))
                .containsExactly(Map.entry("accountTypes", "must be a list of texts"));
        assertThat(rejected(FlowKind.ONGOING_ACCESS, Map.of("accountTypes", List.of("Giro account", 3))))
                .containsExactly(Map.entry("accountTypes", "must be a list of texts"));
        assertThat(rejected(FlowKind.ONE_TIME_ACCESS, Map.of("accountTypes", Map.of("type", "Giro account"))))
                .containsExactly(Map.entry("accountTypes", "must be a list of texts"));
        List<Object> withNull = new ArrayList<>();
        withNull.add(null);
        assertThat(rejected(FlowKind.ONGOING_ACCESS, Map.of("accountTypes", withNull)))
                .containsExactly(Map.entry("accountTypes", "must be a list of texts"));
    }

    // ---- bad values ----

    @Test
    void textsAreBoundedPrintableAndNotBlank() {
        assertThat(nrich.checkOptions(FlowKind.ONGOING_ACCESS, Map.of("trackingId", "t".repeat(128))).text("trackingId"))
                .contains("t".repeat(128));
        assertThat(rejected(FlowKind.ONGOING_ACCESS, Map.of("trackingId", "t".repeat(129))))
                .containsExactly(Map.entry("trackingId", "must be at most 128 characters"));
        assertThat(rejected(FlowKind.ONGOING_ACCESS, Map.of("providerId", "b".repeat(129))))
                .containsExactly(Map.entry("providerId", "must be at most 128 characters"));
        assertThat(rejected(FlowKind.ONGOING_ACCESS, Map.of("trackingId", "a\nb")))
                .containsExactly(Map.entry("trackingId", "must not contain control characters"));
        assertThat(rejected(FlowKind.ONGOING_ACCESS, Map.of("providerId", "  ")))
                .containsExactly(Map.entry("providerId", "must not be blank"));
    }

    @Test
    void accountTypesAreAtMostTwentyEachPrintableAndAtMostSixtyFourCharacters() {
        assertThat(nrich.checkOptions(FlowKind.ONGOING_ACCESS, Map.of("accountTypes", Collections.nCopies(20, "x".repeat(64))))
                .texts("accountTypes")).hasSize(20);
        assertThat(rejected(FlowKind.ONGOING_ACCESS, Map.of("accountTypes", Collections.nCopies(21, "Giro"))))
                .containsExactly(Map.entry("accountTypes", "must hold at most 20 account types"));
        assertThat(rejected(FlowKind.ONGOING_ACCESS, Map.of("accountTypes", List.of("x".repeat(65)))))
                .containsExactly(Map.entry("accountTypes", "each account type must be at most 64 characters"));
        assertThat(rejected(FlowKind.ONGOING_ACCESS, Map.of("accountTypes", List.of("Giro\u0000"))))
                .containsExactly(Map.entry("accountTypes", "an account type must not contain control characters"));
        assertThat(rejected(FlowKind.ONGOING_ACCESS, Map.of("accountTypes", List.of("Giro", " "))))
                .containsExactly(Map.entry("accountTypes", "must not hold a blank account type"));
    }

    // ---- names and kinds ----

    @Test
    void anUnknownNameIsNotAnOptionOfNrich() {
        assertThat(rejected(FlowKind.ONGOING_ACCESS, Map.of("bankId", "x")))
                .containsExactly(Map.entry("bankId", "is not an option of provider nrich"));
        assertThat(rejected(FlowKind.ONGOING_ACCESS, Map.of("tracking_id", "x")))
                .as("nrich's wire names are not the option names")
                .containsExactly(Map.entry("tracking_id", "is not an option of provider nrich"));
        Map<String, Object> unknownNull = new HashMap<>();
        unknownNull.put("nothing", null);
        assertThat(rejected(FlowKind.ONGOING_ACCESS, unknownNull)).containsOnlyKeys("nothing");
    }

    @Test
    void optionsNrichTakesOnlyOnTheOngoingAccessAreRejectedForOtherKindsByName() {
        Map<String, Object> ongoingOnly = Map.of("trackingId", "t", "providerId", "bank-1", "saveSecrets", true);

        assertThat(rejected(FlowKind.ONE_TIME_ACCESS, ongoingOnly)).containsOnly(
                Map.entry("trackingId", "applies to ONGOING_ACCESS flows only"),
                Map.entry("providerId", "applies to ONGOING_ACCESS flows only"),
                Map.entry("saveSecrets", "applies to ONGOING_ACCESS flows only"));
        assertThat(rejected(FlowKind.INCOME_REPORT, ongoingOnly)).containsOnlyKeys("trackingId", "providerId", "saveSecrets");
    }

    @Test
    void anIncomeReportTakesNoneOfNrichsOptions() {
        assertThat(rejected(FlowKind.INCOME_REPORT, Map.of("accountTypes", List.of("Giro"), "allowMultiSelection", true)))
                .containsOnly(Map.entry("accountTypes", "applies to ONGOING_ACCESS and ONE_TIME_ACCESS flows only"),
                        Map.entry("allowMultiSelection", "applies to ONGOING_ACCESS and ONE_TIME_ACCESS flows only"));
    }

    @Test
    void everyErrorIsReportedAtOnce() {
        Map<String, Object> options = new HashMap<>();
        options.put("trackingId", 7);
        options.put("providerId", "p".repeat(200));
        options.put("saveSecrets", "yes");
        options.put("accountTypes", "Giro");
        options.put("allowMultiSelection", "no");
        options.put("colour", "blue");

        ProviderOptionsRejected e = catchThrowableOfType(ProviderOptionsRejected.class,
                () -> nrich.checkOptions(FlowKind.ONGOING_ACCESS, options));

        assertThat(e.errors()).containsOnly(
                Map.entry("trackingId", "must be text"),
                Map.entry("providerId", "must be at most 128 characters"),
                Map.entry("saveSecrets", "must be a boolean"),
                Map.entry("accountTypes", "must be a list of texts"),
                Map.entry("allowMultiSelection", "must be a boolean"),
                Map.entry("colour", "is not an option of provider nrich"));
        assertThat(e.getMessage()).doesNotContain("pppp");
    }

    @Test
    void theCheckedOptionsNameOnlyWhatNrichUnderstands() {
        assertThat(NrichOptions.names()).containsExactlyInAnyOrder("trackingId", "providerId", "saveSecrets",
                "accountTypes", "allowMultiSelection");
    }
}
