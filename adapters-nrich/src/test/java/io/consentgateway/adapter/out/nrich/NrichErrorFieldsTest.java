package io.consentgateway.adapter.out.nrich;

import io.consentgateway.adapter.out.nrich.http.NrichErrorFields;
import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** A caller who sent {@code syncPeriod} is told about {@code syncPeriod}, not about nrich's {@code sync_period}. */
class NrichErrorFieldsTest {

    @Test
    void nrichsFieldsAreNamedAsTheCallerSentThem() {
        Map<String, List<String>> nrich = new LinkedHashMap<>();
        nrich.put("sync_period", List.of("must be at most 90"));
        nrich.put("account_types", List.of("unknown type SAVINGS"));
        nrich.put("accounts.0.id", List.of("not an IBAN"));
        nrich.put("account_ids[1]", List.of("unknown account"));

        assertThat(NrichErrorFields.inCallersTerms(nrich)).containsExactly(
                Map.entry("syncPeriod", List.of("must be at most 90")),
                Map.entry("providerOptions.accountTypes", List.of("unknown type SAVINGS")),
                Map.entry("accounts", List.of("not an IBAN", "unknown account")));
    }

    @Test
    void whatTheCallerDidNotGiveIsTheRequestsNeverNrichsOwnName() {
        Map<String, List<String>> nrich = new LinkedHashMap<>();
        nrich.put("redirect_uri", List.of("must be https"));
        nrich.put("state", List.of("too long"));
        nrich.put("some_new_field", List.of("invalid"));

        assertThat(NrichErrorFields.inCallersTerms(nrich))
                .containsExactly(Map.entry("request", List.of("must be https", "too long", "invalid")));
    }
}
