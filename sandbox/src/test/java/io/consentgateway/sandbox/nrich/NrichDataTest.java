package io.consentgateway.sandbox.nrich;

import static org.assertj.core.api.Assertions.assertThat;

import io.consentgateway.sandbox.NrichJourney;
import io.consentgateway.sandbox.TestSupport;
import io.consentgateway.sandbox.core.Ibans;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import jakarta.ws.rs.core.Response;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class NrichDataTest {

    private final NrichJourney nrich = new NrichJourney();
    private final String access = nrich.connect("anna@example.com").getString("access_token");

    private JsonArray accounts() {
        return TestSupport.json(nrich.accounts(access)).getJsonArray("accounts");
    }

    private JsonArray transactions(String count, String offset) {
        Response response = nrich.transactions(access, count, offset);
        assertThat(response.getStatus()).as("%s", response.getEntity()).isEqualTo(200);
        return TestSupport.json(response).getJsonArray("transactions");
    }

    @Test
    void accountsCarryTheDocumentedFieldsAndGermanIbansPassingMod97() {
        JsonArray accounts = accounts();

        assertThat(accounts).hasSizeBetween(1, 3);
        for (JsonValue value : accounts) {
            JsonObject account = value.asJsonObject();
            assertThat(account.keySet()).contains("account_id", "access_id", "account_number", "bank_code", "bic", "iban",
                    "name", "owner", "bank_name", "currency", "type", "balance", "status");
            assertThat(account.getString("iban")).startsWith("DE").hasSize(22);
            assertThat(Ibans.isValid(account.getString("iban"))).isTrue();
            assertThat(account.getString("type")).isEqualTo("Giro account");
            assertThat(account.getJsonObject("balance").keySet())
                    .containsExactlyInAnyOrder("balance", "balance_date", "credit_line", "monthly_spending_limit");
            assertThat(account.getJsonObject("status").keySet()).containsExactlyInAnyOrder("synced_at", "succeeded_at");
        }
    }

    @Test
    void theSameUserGetsTheSameDataInAFreshSandbox() {
        NrichJourney other = new NrichJourney();
        String otherAccess = other.connect("anna@example.com").getString("access_token");

        JsonArray again = TestSupport.json(other.accounts(otherAccess)).getJsonArray("accounts");
        assertThat(again.stream().map(a -> a.asJsonObject().getString("iban")).toList())
                .isEqualTo(accounts().stream().map(a -> a.asJsonObject().getString("iban")).toList());
        assertThat(TestSupport.json(other.transactions(otherAccess, "50", "0")))
                .isEqualTo(TestSupport.json(nrich.transactions(access, "50", "0")));
    }

    @Test
    void everyAccountHasAtLeast500Transactions() {
        for (JsonValue account : accounts()) {
            String id = account.asJsonObject().getString("account_id");
            Response response = nrich.data.accountTransactions("Bearer " + access, id, null, null, null, null, null, null, null, null);
            assertThat(TestSupport.json(response).getJsonArray("transactions")).hasSizeGreaterThanOrEqualTo(500);
        }
    }

    @Test
    void transactionsCarryTheDocumentedFieldsWithSignedDecimalAmounts() {
        JsonObject t = transactions("200", "0").stream().map(JsonValue::asJsonObject)
                .filter(o -> o.containsKey("mandate_reference")).findFirst().orElseThrow();

        assertThat(t.keySet()).contains("transaction_id", "account_id", "name", "iban", "amount", "currency", "booking_date",
                "value_date", "booked", "purpose", "booking_text", "type", "categories", "end_to_end_reference",
                "mandate_reference", "creditor_id");
        assertThat(t.getJsonNumber("amount").bigDecimalValue().signum()).isNegative();
    }

    @Test
    void pagingWithCountAndOffsetWalksTheWholeListAndEndsWithAShortPage() {
        List<String> all = transactions("1000", "0").stream().map(v -> v.asJsonObject().getString("transaction_id")).toList();
        List<String> paged = new ArrayList<>();
        int offset = 0;
        JsonArray page;
        do {
            page = transactions("200", String.valueOf(offset));
            page.forEach(v -> paged.add(v.asJsonObject().getString("transaction_id")));
            offset += 200;
        } while (page.size() == 200);

        assertThat(paged).hasSizeGreaterThanOrEqualTo(500).doesNotHaveDuplicates();
        assertThat(paged.subList(0, Math.min(1000, paged.size()))).isEqualTo(all);
        assertThat(page.size()).isLessThan(200);
    }

    @Test
    void countAndOffsetOutsideTheirBoundsAreRejected() {
        assertThat(nrich.transactions(access, "0", "0").getStatus()).isEqualTo(400);
        assertThat(nrich.transactions(access, "1001", "0").getStatus()).isEqualTo(400);
        assertThat(nrich.transactions(access, "10", "-1").getStatus()).isEqualTo(400);
        assertThat(nrich.transactions(access, "ten", "0").getStatus()).isEqualTo(400);
        assertThat(transactions("1000", "1000000")).isEmpty();
    }

    @Test
    void sortSinceAndUntilFilterAndOrderTheTransactions() {
        Response response = nrich.data.transactions("Bearer " + access, null, "1000", "0", "asc", "2026-01-01",
                "2026-01-31", null, null, null);
        JsonArray january = TestSupport.json(response).getJsonArray("transactions");

        assertThat(january).isNotEmpty();
        List<String> dates = january.stream().map(v -> v.asJsonObject().getString("booking_date")).toList();
        assertThat(dates).allMatch(d -> d.startsWith("2026-01")).isSorted();
        assertThat(nrich.data.transactions("Bearer " + access, null, null, null, "newest", "2026-13-01", null,
                null, null, null).getStatus()).isEqualTo(400);
    }

    @Test
    void pendingTransactionsAppearOnlyOnRequestAndCentsGivesIntegers() {
        JsonArray withPending = TestSupport.json(nrich.data.transactions("Bearer " + access, null, "20", "0", null, null,
                null, null, "true", "true")).getJsonArray("transactions");

        assertThat(withPending.getJsonObject(0).getBoolean("booked")).isFalse();
        assertThat(withPending.getJsonObject(0).getJsonNumber("amount").isIntegral()).isTrue();
        assertThat(transactions("20", "0")).allMatch(v -> v.asJsonObject().getBoolean("booked"));
    }

    @Test
    void anAccountOutsideTheGrantIsNotFoundAndAnUnknownAccountFilterIsRejected() {
        assertThat(nrich.data.account("Bearer " + access, "A00000000.1").getStatus()).isEqualTo(404);
        assertThat(nrich.data.transactions("Bearer " + access, "A00000000.1", null, null, null, null, null, null, null,
                null).getStatus()).isEqualTo(400);
    }

    @Test
    void singleAccountAndBalanceEndpointsAnswerForAGrantedAccount() {
        String id = accounts().getJsonObject(0).getString("account_id");

        assertThat(TestSupport.json(nrich.data.account("Bearer " + access, id)).getString("account_id")).isEqualTo(id);
        assertThat(TestSupport.json(nrich.data.balance("Bearer " + access, id)).keySet()).contains("balance", "balance_date");
    }

    @Test
    void withoutMultiSelectionTheGrantCoversOneAccount() {
        NrichJourney journey = new NrichJourney();
        // find a user with several accounts, deterministically
        String user = null;
        for (int i = 0; i < 50 && user == null; i++) {
            if (journey.sandbox.nrichData().ledger("user" + i).accounts().size() > 1) {
                user = "user" + i;
            }
        }
        assertThat(user).isNotNull();
        String flow = journey.flow(NrichFlowKind.ONGOING_ACCESS, "{\"redirect_uri\":\"" + NrichJourney.REDIRECT
                + "\",\"user_id\":\"" + user + "\",\"allow_multi_selection\":false}");
        String token = TestSupport.json(journey.exchange(journey.approve(flow).get("code"))).getString("access_token");

        assertThat(TestSupport.json(journey.accounts(token)).getJsonArray("accounts")).hasSize(1);
    }

    @Test
    void anIncomeReportFlowServesItsReportWithTheDocumentedShape() {
        String flow = nrich.flow(NrichFlowKind.INCOME_REPORT, "{\"redirect_uri\":\"" + NrichJourney.REDIRECT + "\",\"reporting_period\":6}");
        JsonObject tokens = TestSupport.json(nrich.exchange(nrich.approve(flow).get("code")));
        String bearer = "Bearer " + tokens.getString("access_token");

        Response response = nrich.data.incomeReport(bearer, flow);

        assertThat(response.getStatus()).isEqualTo(200);
        JsonObject report = TestSupport.json(response);
        assertThat(report.keySet()).containsExactlyInAnyOrder("period", "income", "regular_expenses", "variable_expenses",
                "disposable_income", "discretionary_income");
        assertThat(report.getJsonObject("period").getString("from")).isEqualTo("2025-09-01");
        assertThat(report.getJsonObject("period").getString("to")).isEqualTo("2026-02-28");
        assertThat(report.getJsonObject("income").getJsonObject("summary").keySet())
                .containsExactlyInAnyOrder("total", "low", "high", "average", "count");
        JsonObject stream = report.getJsonObject("income").getJsonArray("streams").getJsonObject(0);
        assertThat(stream.keySet()).contains("name", "iban", "frequency", "average", "count", "last_date");
        assertThat(report.getJsonObject("disposable_income").keySet()).contains("total", "low", "high", "average", "ratio");
        assertThat(report.getJsonObject("discretionary_income").keySet()).contains("total", "low", "high", "average");
        assertThat(nrich.refresh(tokens.getString("refresh_token")).getStatus()).isEqualTo(400);
        assertThat(nrich.data.incomeReport(bearer, "another-flow").getStatus()).isEqualTo(404);
        assertThat(nrich.data.incomeReportByMonths(bearer, "2025-10", "2025-12").getStatus()).isEqualTo(200);
        assertThat(nrich.data.incomeReportByMonths(bearer, "2025-12", "2025-10").getStatus()).isEqualTo(400);
        assertThat(nrich.data.incomeReportByMonths(bearer, "2025-1", null).getStatus()).isEqualTo(400);
    }

    @Test
    void anOngoingAccessCannotReadAnIncomeReport() {
        assertThat(nrich.data.incomeReport("Bearer " + access, "any").getStatus()).isEqualTo(403);
    }
}
