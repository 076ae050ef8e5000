package io.consentgateway.adapter.in.rest;

import io.consentgateway.adapter.in.rest.dto.AccountResponse;
import io.consentgateway.adapter.in.rest.dto.ConsentResponse;
import io.consentgateway.adapter.in.rest.dto.FlowCreatedResponse;
import io.consentgateway.adapter.in.rest.dto.IncomeReportResponse;
import io.consentgateway.adapter.in.rest.dto.MoneyResponse;
import io.consentgateway.adapter.in.rest.dto.TransactionResponse;
import io.consentgateway.adapter.in.rest.dto.TransactionsPageResponse;
import io.consentgateway.application.port.in.ConsentView;
import io.consentgateway.application.port.in.FieldError;
import io.consentgateway.application.port.in.FlowStarted;
import io.consentgateway.application.port.in.InvalidInput;
import io.consentgateway.application.port.in.ListConsents;
import io.consentgateway.application.port.in.NotFound;
import io.consentgateway.application.port.in.ReadAccounts;
import io.consentgateway.application.port.in.ReadIncomeReport;
import io.consentgateway.application.port.in.ReadTransactions;
import io.consentgateway.application.port.in.RenewConsent;
import io.consentgateway.application.port.in.RenewConsentCommand;
import io.consentgateway.application.port.in.RevokeConsent;
import io.consentgateway.application.port.in.Synced;
import io.consentgateway.application.port.in.TransactionsPage;
import io.consentgateway.application.port.in.TransactionsQuery;
import io.consentgateway.domain.consent.ConsentKind;
import io.consentgateway.domain.consent.ConsentStatus;
import io.consentgateway.domain.consent.NextAction;
import io.consentgateway.domain.consent.ReauthorizationReason;
import io.consentgateway.domain.finance.Account;
import io.consentgateway.domain.finance.Balance;
import io.consentgateway.domain.finance.IncomeReport;
import io.consentgateway.domain.finance.Money;
import io.consentgateway.domain.finance.Transaction;
import io.consentgateway.domain.flow.FlowCompletion;
import io.consentgateway.domain.flow.FlowId;
import io.consentgateway.domain.shared.ConsentId;
import io.consentgateway.domain.shared.Iban;
import io.consentgateway.domain.shared.Language;
import io.consentgateway.domain.shared.ProviderId;
import io.consentgateway.domain.shared.UserId;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import jakarta.ws.rs.core.UriBuilder;
import jakarta.ws.rs.core.UriInfo;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.mockito.Mock;
import org.mockito.junit.jupiter.MockitoExtension;

import java.math.BigDecimal;
import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Currency;
import java.util.List;
import java.util.Optional;

import static io.consentgateway.adapter.in.rest.Callers.signedInAs;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;

/**
 * A user's consents and their data, the use cases mocked: every use case is asked for the signed-in user (the token's
 * subject) and the consent named in the path; data read from the gateway's store comes with {@code Last-Modified}, the
 * time it was synced with the provider; an id that is no UUID, or a filter that cannot be read, is refused before any
 * use case is asked.
 */
@ExtendWith(MockitoExtension.class)
class ConsentsResourceTest {
    static final String ANNA = "auth0|anna";
    static final UserId ANNA_ID = new UserId(ANNA);
    static final ConsentId CONSENT = ConsentId.parse("0f8e4b8e-2d2c-4f7e-a1d2-9b0c3e4f5a6b");
    static final Instant GRANTED_AT = Instant.parse("2026-08-24T10:02:10Z");
    /** Whole seconds: {@code Last-Modified} is an HTTP date, to the second. */
    static final Instant SYNCED_AT = Instant.parse("2026-11-22T10:02:12Z");
    static final String SYNCED_AT_AS_HTTP_DATE = "Sun, 22 Nov 2026 10:02:12 GMT";

    @Mock
    ListConsents listConsents;
    @Mock
    ReadAccounts readAccounts;
    @Mock
    ReadTransactions readTransactions;
    @Mock
    ReadIncomeReport readIncomeReport;
    @Mock
    RenewConsent renewConsent;
    @Mock
    RevokeConsent revokeConsent;
    @Mock
    UriInfo uri;

    ConsentsResource resource() {
        return new ConsentsResource(listConsents, readAccounts, readTransactions, readIncomeReport, renewConsent, revokeConsent);
    }

    @Test
    void theListIsTheSignedInUsersConsentsFieldByField_NeverATokenAmongThem() {
        when(listConsents.list(ANNA_ID)).thenReturn(List.of(new ConsentView(CONSENT, new ProviderId("nrich"),
                ConsentKind.ONGOING_ACCESS, ConsentStatus.REAUTH_REQUIRED, NextAction.RENEW, GRANTED_AT,
                Instant.parse("2026-11-22T10:02:10Z"), Instant.parse("2026-11-20T08:15:00Z"),
                Optional.of(Instant.parse("2026-11-21T03:00:00Z")), Optional.of(ReauthorizationReason.REFRESH_REJECTED),
                Optional.empty(), new ConsentView.DataView(Optional.of(SYNCED_AT), Optional.empty(), 1, 4))));

        List<ConsentResponse> consents = resource().list(signedInAs(ANNA));

        assertThat(consents).containsExactly(new ConsentResponse(CONSENT.toString(), "nrich", "ONGOING_ACCESS",
                "REAUTH_REQUIRED", "RENEW", "2026-08-24T10:02:10Z", "2026-11-22T10:02:10Z", "2026-11-20T08:15:00Z",
                "2026-11-21T03:00:00Z", "REFRESH_REJECTED", null,
                new ConsentResponse.DataResponse("2026-11-22T10:02:12Z", null, 1, 4)));
    }

    @Test
    void aConsentIdThatIsNoUuidIsNotFoundOnEveryPath_AndNoUseCaseIsAsked() {
        ConsentsResource resource = resource();
        SecurityContext anna = signedInAs(ANNA);

        assertThatThrownBy(() -> resource.get("consent-1", anna)).isInstanceOf(NotFound.class);
        assertThatThrownBy(() -> resource.accounts("consent-1", anna)).isInstanceOf(NotFound.class);
        assertThatThrownBy(() -> resource.transactions("consent-1", null, null, null, null, null, anna))
                .isInstanceOf(NotFound.class);
        assertThatThrownBy(() -> resource.incomeReport("consent-1", anna)).isInstanceOf(NotFound.class);
        assertThatThrownBy(() -> resource.renew("consent-1", "", anna, uri)).isInstanceOf(NotFound.class);
        assertThatThrownBy(() -> resource.revoke("consent-1", anna)).isInstanceOf(NotFound.class);
        verifyNoInteractions(listConsents, readAccounts, readTransactions, readIncomeReport, renewConsent, revokeConsent);
    }

    @Test
    void accountsAreTheSignedInUsersAndSayWhenTheyWereSyncedWithTheProvider() {
        Account giro = new Account("A1.1", Optional.of(new Iban("DE89370400440532013000")), Optional.empty(), Optional.empty(),
                Optional.empty(), Optional.of("Girokonto"), Optional.of("Erika Mustermann"), Optional.of("Demobank"),
                Optional.of(Currency.getInstance("EUR")), Optional.of("Giro account"), Optional.of(new Balance(
                Money.of("1523.42", "EUR"), Optional.of(Instant.parse("2026-11-22T09:00:00Z")), Optional.empty(), Optional.empty())));
        when(readAccounts.accounts(ANNA_ID, CONSENT)).thenReturn(new Synced<>(List.of(giro), SYNCED_AT));

        Response response = resource().accounts(CONSENT.toString(), signedInAs(ANNA));

        assertThat(response.getStatus()).isEqualTo(200);
        assertThat(response.getHeaderString("Last-Modified")).isEqualTo(SYNCED_AT_AS_HTTP_DATE);
        assertThat(response.getEntity()).isEqualTo(List.of(new AccountResponse("A1.1", "DE89370400440532013000", null, null,
                null, "Girokonto", "Erika Mustermann", "Demobank", "EUR", "Giro account", new AccountResponse.BalanceResponse(
                new MoneyResponse(new BigDecimal("1523.42"), "EUR"), "2026-11-22T09:00:00Z", null, null))));
    }

    @Test
    void transactionsAreAskedForWithTheFiltersAsGiven_AndAnsweredAsAPageWithItsCursor() {
        TransactionsQuery expected = new TransactionsQuery(ANNA_ID, CONSENT, Optional.of("A1.1"),
                Optional.of(LocalDate.parse("2026-11-01")), Optional.of(LocalDate.parse("2026-11-22")), 50,
                Optional.of("djE6MTAwOjFhMmIzYw"));
        Transaction bakery = new Transaction("T1", "A1.1", Money.of("-42.10", "EUR"), Optional.of(LocalDate.parse("2026-11-20")),
                Optional.empty(), true, Optional.of("Bäckerei Schmidt"), Optional.empty(), Optional.empty(),
                Optional.of("Kartenzahlung"), Optional.empty(), Optional.empty(), List.of(), Optional.empty(), Optional.empty(),
                Optional.empty());
        when(readTransactions.transactions(expected))
                .thenReturn(new TransactionsPage(List.of(bakery), Optional.of("djE6MTAwOjJiM2M0ZA"), SYNCED_AT));

        Response response = resource().transactions(CONSENT.toString(), "A1.1", "2026-11-01", "2026-11-22", "50",
                "djE6MTAwOjFhMmIzYw", signedInAs(ANNA));

        assertThat(response.getHeaderString("Last-Modified")).isEqualTo(SYNCED_AT_AS_HTTP_DATE);
        TransactionsPageResponse page = (TransactionsPageResponse) response.getEntity();
        assertThat(page.nextCursor()).isEqualTo("djE6MTAwOjJiM2M0ZA");
        assertThat(page.syncedAt()).isEqualTo("2026-11-22T10:02:12Z");
        assertThat(page.transactions()).extracting(TransactionResponse::id, TransactionResponse::amount,
                        TransactionResponse::bookingDate, TransactionResponse::counterpartyName)
                .containsExactly(tuple("T1", new MoneyResponse(new BigDecimal("-42.10"), "EUR"),
                        "2026-11-20", "Bäckerei Schmidt"));
    }

    @Test
    void transactionFiltersThatCannotBeReadAreAllNamedBeforeTheUseCaseIsAsked() {
        ConsentsResource resource = resource();

        assertThatThrownBy(() -> resource.transactions(CONSENT.toString(), null, "22.11.2026", null, "1000", null,
                signedInAs(ANNA))).isInstanceOfSatisfying(InvalidInput.class, invalid -> assertThat(invalid.errors())
                .extracting(FieldError::field).containsExactlyInAnyOrder("from", "limit"));
        verifyNoInteractions(readTransactions);
    }

    @Test
    void anIncomeReportIsTheSignedInUsersAndSaysWhenItWasTaken() {
        IncomeReport.Figures income = new IncomeReport.Figures(Optional.of(new BigDecimal("40217.40")),
                Optional.of(new BigDecimal("3298.10")), Optional.of(new BigDecimal("3420.00")),
                Optional.of(new BigDecimal("3351.45")), Optional.of(12));
        IncomeReport.Stream salary = new IncomeReport.Stream("Salary Musterfirma GmbH", Optional.empty(), Optional.of("monthly"),
                Optional.of(new BigDecimal("3351.45")), Optional.of(12), Optional.of(LocalDate.parse("2026-10-30")));
        when(readIncomeReport.incomeReport(ANNA_ID, CONSENT)).thenReturn(new Synced<>(new IncomeReport(
                Optional.of(LocalDate.parse("2025-11-01")), Optional.of(LocalDate.parse("2026-10-31")), Optional.of("EUR"),
                income, List.of(salary), IncomeReport.Figures.empty(), List.of(), IncomeReport.Figures.empty(),
                IncomeReport.Figures.empty(), Optional.of(new BigDecimal("0.66")), IncomeReport.Figures.empty()), SYNCED_AT));

        Response response = resource().incomeReport(CONSENT.toString(), signedInAs(ANNA));

        assertThat(response.getHeaderString("Last-Modified")).isEqualTo(SYNCED_AT_AS_HTTP_DATE);
        IncomeReportResponse report = (IncomeReportResponse) response.getEntity();
        assertThat(report.periodFrom()).isEqualTo("2025-11-01");
        assertThat(report.periodTo()).isEqualTo("2026-10-31");
        assertThat(report.currency()).isEqualTo("EUR");
        assertThat(report.income()).isEqualTo(new IncomeReportResponse.Figures(new BigDecimal("40217.40"),
                new BigDecimal("3298.10"), new BigDecimal("3420.00"), new BigDecimal("3351.45"), 12));
        assertThat(report.incomeStreams()).containsExactly(new IncomeReportResponse.Stream("Salary Musterfirma GmbH", null,
                "monthly", new BigDecimal("3351.45"), 12, "2026-10-30"));
        assertThat(report.disposableIncomeRatio()).isEqualByComparingTo("0.66");
    }

    @Test
    void aRenewalAsksForTheSignedInUsersConsentWithTheRequestedOptions_AndIs201WithTheNewFlowsAddress() {
        FlowId renewal = FlowId.parse("5b7c0c1e-8a52-4a39-9d0f-6f1d1b2b3c4d");
        URI widget = URI.create("https://sandbox.nrich.example/widget/3ca31c37-986a-454e-ad64-8e97143c86bc");
        when(uri.getBaseUriBuilder()).thenReturn(UriBuilder.fromUri("https://gateway.example/"));
        when(renewConsent.renew(new RenewConsentCommand(ANNA_ID, CONSENT, Language.EN,
                Optional.of(URI.create("https://fintech.example/renewed")), Optional.of(FlowCompletion.CONFIRM))))
                .thenReturn(new FlowStarted(renewal, widget, Instant.parse("2026-11-22T11:00:00Z")));

        Response response = resource().renew(CONSENT.toString(), """
                {"language":"en","returnTo":"https://fintech.example/renewed","completion":"CONFIRM"}""",
                signedInAs(ANNA), uri);

        assertThat(response.getStatus()).isEqualTo(201);
        assertThat(response.getLocation()).isEqualTo(URI.create("https://gateway.example/api/v1/flows/" + renewal));
        assertThat(response.getEntity()).isEqualTo(new FlowCreatedResponse(renewal.toString(), widget.toString(),
                "2026-11-22T11:00:00Z"));
    }

    @Test
    void aRenewalWithoutABodyAsksForTheDefaults() {
        when(uri.getBaseUriBuilder()).thenReturn(UriBuilder.fromUri("https://gateway.example/"));
        when(renewConsent.renew(new RenewConsentCommand(ANNA_ID, CONSENT, Language.DE, Optional.empty(), Optional.empty())))
                .thenReturn(new FlowStarted(FlowId.random(), URI.create("https://sandbox.nrich.example/widget/1"),
                        Instant.parse("2026-11-22T11:00:00Z")));

        assertThat(resource().renew(CONSENT.toString(), "", signedInAs(ANNA), uri).getStatus()).isEqualTo(201);
    }

    @Test
    void aRenewalWithAnUnknownLanguageOrARelativeReturnToIsRefusedBeforeTheUseCase() {
        ConsentsResource resource = resource();

        assertThatThrownBy(() -> resource.renew(CONSENT.toString(), "{\"language\":\"tlh\",\"returnTo\":\"/renewed\"}",
                signedInAs(ANNA), uri)).isInstanceOfSatisfying(InvalidInput.class, invalid -> assertThat(invalid.errors())
                .extracting(FieldError::field).containsExactly("language", "returnTo"));
        verifyNoInteractions(renewConsent);
    }

    @Test
    void revokingIs204AndRevokesTheSignedInUsersConsent() {
        Response response = resource().revoke(CONSENT.toString(), signedInAs(ANNA));

        assertThat(response.getStatus()).isEqualTo(204);
        assertThat(response.hasEntity()).isFalse();
        verify(revokeConsent).revoke(ANNA_ID, CONSENT);
    }
}
