package io.consentgateway.sandbox.bank;

import io.consentgateway.sandbox.TestSupport;
import jakarta.ws.rs.core.Response;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

/** The real bank takes page sizes of 10 to 100 in steps of 10: the sandbox refuses what the bank would. */
class BankPagingStepTest {
    private final BankJourney bank = new BankJourney();

    @ParameterizedTest
    @ValueSource(strings = {"25", "99", "15"})
    void aPageSizeBetweenTheStepsIsRefused(String pageSize) {
        String token = bank.authorizedAccessToken();

        Response response = bank.accounts(token, "1", pageSize);

        assertThat(response.getStatus()).isEqualTo(400);
        assertThat(TestSupport.json(response).toString()).contains("pageSize");
    }

    @ParameterizedTest
    @ValueSource(strings = {"10", "50", "100"})
    void aPageSizeOnTheStepsIsServed(String pageSize) {
        assertThat(bank.accounts(bank.authorizedAccessToken(), "1", pageSize).getStatus()).isEqualTo(200);
    }
}
