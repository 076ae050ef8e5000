package io.consentgateway.sandbox.bank;

import static org.assertj.core.api.Assertions.assertThat;

import io.consentgateway.sandbox.TestSupport;
import io.consentgateway.sandbox.web.ControlResource;
import io.consentgateway.sandbox.core.Ibans;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.ws.rs.core.Response;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class BankApiTest {

    private final BankJourney bank = new BankJourney();
    private final String access = bank.connect("jan.novak").getString("access_token");

    private String iban() {
        return TestSupport.json(bank.accounts(access)).getJsonArray("accounts").getJsonObject(0).getString("iban");
    }

    private Response transactions(int page, int pageSize) {
        return bank.transactions(access, "{\"iban\":\"" + iban() + "\",\"status\":\"ALL\",\"page\":" + page
                + ",\"pageSize\":" + pageSize + "}");
    }

    @Test
    void accountsAreSlovakIbansPassingMod97WithPagingMetadata() {
        JsonObject body = TestSupport.json(bank.accounts(access));

        assertThat(body.getJsonArray("accounts")).isNotEmpty().allSatisfy(a -> {
            assertThat(a.asJsonObject().getString("iban")).startsWith("SK").hasSize(24);
            assertThat(Ibans.isValid(a.asJsonObject().getString("iban"))).isTrue();
        });
        assertThat(body.getInt("page")).isEqualTo(1);
        assertThat(body.getInt("pageSize")).isEqualTo(10);
        assertThat(body.getInt("totalElements")).isEqualTo(body.getJsonArray("accounts").size());
    }

    @Test
    void theRequestIdHeaderMustBeAUuidAndIsEchoed() {
        assertThat(bank.api.accounts("Bearer " + access, null, null, null, null).getStatus()).isEqualTo(400);
        Response notUuid = bank.api.accounts("Bearer " + access, "12345", null, null, null);
        assertThat(notUuid.getStatus()).isEqualTo(400);
        assertThat(TestSupport.json(notUuid).getString("error")).isEqualTo("invalid_request");
        assertThat(bank.accounts(access).getHeaderString("Request-ID")).isEqualTo(BankJourney.REQUEST_ID);
    }

    @Test
    void aMissingExpiredOrRevokedTokenIsAnswered401() {
        assertThat(bank.api.accounts(null, BankJourney.REQUEST_ID, null, null, null).getStatus()).isEqualTo(401);
        new ControlResource(bank.sandbox).revoke("{\"provider\":\"bank\",\"user\":\"jan.novak\"}");
        Response revoked = bank.accounts(access);
        assertThat(revoked.getStatus()).isEqualTo(401);
        assertThat(revoked.getHeaderString("WWW-Authenticate")).startsWith("Bearer");

        String fresh = bank.connect("eva").getString("access_token");
        bank.sandbox.clock().advance(Duration.ofHours(1));
        assertThat(bank.accounts(fresh).getStatus()).isEqualTo(401);
    }

    @Test
    void accountPagingParametersAreBounded() {
        assertThat(bank.api.accounts("Bearer " + access, BankJourney.REQUEST_ID, "0", null, null).getStatus()).isEqualTo(400);
        assertThat(bank.api.accounts("Bearer " + access, BankJourney.REQUEST_ID, "1", "5", null).getStatus()).isEqualTo(400);
        assertThat(bank.api.accounts("Bearer " + access, BankJourney.REQUEST_ID, "1", "100", "desc").getStatus()).isEqualTo(200);
        assertThat(bank.api.accounts("Bearer " + access, BankJourney.REQUEST_ID, "1", "10", "up").getStatus()).isEqualTo(400);
    }

    @Test
    void transactionPageSizeMustBeBetween10And100AndPageAtLeast1() {
        assertThat(transactions(1, 9).getStatus()).isEqualTo(400);
        assertThat(transactions(1, 101).getStatus()).isEqualTo(400);
        assertThat(transactions(0, 10).getStatus()).isEqualTo(400);
        assertThat(transactions(1, 10).getStatus()).isEqualTo(200);
        assertThat(transactions(1, 100).getStatus()).isEqualTo(200);
    }

    @Test
    void walkingEveryPageYieldsAtLeast500DistinctTransactions() {
        JsonObject first = TestSupport.json(transactions(1, 100));
        int totalPages = first.getInt("totalPages");
        List<String> ids = new ArrayList<>();
        for (int page = 1; page <= totalPages; page++) {
            JsonArray items = TestSupport.json(transactions(page, 100)).getJsonArray("transactions");
            items.forEach(t -> ids.add(t.asJsonObject().getString("transactionId")));
            if (page < totalPages) {
                assertThat(items).hasSize(100);
            }
        }

        assertThat(ids).hasSize(first.getInt("totalElements")).hasSizeGreaterThanOrEqualTo(500).doesNotHaveDuplicates();
        assertThat(TestSupport.json(transactions(totalPages + 1, 100)).getJsonArray("transactions")).isEmpty();
    }

    @Test
    void statusAndDatesFilterTransactions() {
        String iban = iban();
        JsonArray info = TestSupport.json(bank.transactions(access, "{\"iban\":\"" + iban + "\",\"status\":\"INFO\",\"pageSize\":100}"))
                .getJsonArray("transactions");
        JsonArray booked = TestSupport.json(bank.transactions(access, "{\"iban\":\"" + iban
                + "\",\"status\":\"BOOK\",\"dateFrom\":\"2026-02-01\",\"dateTo\":\"2026-02-28\",\"pageSize\":100}"))
                .getJsonArray("transactions");

        assertThat(info).isNotEmpty().allSatisfy(t -> assertThat(t.asJsonObject().getString("status")).isEqualTo("INFO"));
        assertThat(booked).isNotEmpty().allSatisfy(t -> assertThat(t.asJsonObject().getString("bookingDate")).startsWith("2026-02"));
        assertThat(bank.transactions(access, "{\"iban\":\"" + iban + "\",\"status\":\"PENDING\"}").getStatus()).isEqualTo(400);
        assertThat(bank.transactions(access, "{\"iban\":\"" + iban + "\",\"dateFrom\":\"2026-03-01\",\"dateTo\":\"2026-02-01\"}")
                .getStatus()).isEqualTo(400);
        assertThat(bank.transactions(access, "{\"iban\":\"" + iban + "\",\"pageSize\":\"50\"}").getStatus()).isEqualTo(400);
    }

    @Test
    void informationAnswersDetailsAndBalancesForAConsentedIbanOnly() {
        JsonObject info = TestSupport.json(bank.api.information("Bearer " + access, BankJourney.REQUEST_ID,
                "{\"iban\":\"" + iban() + "\"}"));

        assertThat(info.getJsonObject("account").getString("iban")).isEqualTo(iban());
        assertThat(info.getJsonArray("balances")).hasSize(2);
        assertThat(info.getJsonArray("balances").getJsonObject(0).getJsonObject("balanceAmount").keySet())
                .containsExactlyInAnyOrder("amount", "currency");
        assertThat(bank.api.information("Bearer " + access, BankJourney.REQUEST_ID,
                "{\"iban\":\"" + Ibans.of("SK", "1100000000" + "1234567890") + "\"}").getStatus()).isEqualTo(404);
        assertThat(bank.api.information("Bearer " + access, BankJourney.REQUEST_ID, "{\"iban\":\"SK00\"}").getStatus()).isEqualTo(400);
        assertThat(bank.api.information("Bearer " + access, BankJourney.REQUEST_ID, "nonsense").getStatus()).isEqualTo(400);
    }
}
