package io.consentgateway.application.port.in;

import io.consentgateway.domain.flow.FlowKind;
import io.consentgateway.domain.shared.AccountReference;
import io.consentgateway.domain.shared.Language;
import io.consentgateway.domain.shared.ProviderId;
import io.consentgateway.domain.shared.ReportingPeriod;
import io.consentgateway.domain.shared.SyncPeriod;
import io.consentgateway.domain.shared.UserId;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class StartFlowCommandInputTest {
    static final ProviderId DEFAULT = new ProviderId("someprovider");

    /** A builder over the raw fields, so each test names only what it changes. */
    static final class In {
        String userId = "alice", kind = "ONGOING_ACCESS", provider, language, returnTo, completion;
        List<String> accounts;
        Integer syncPeriod, reportingPeriod;
        Map<String, Object> providerOptions;

        StartFlowCommand parse() {
            return new StartFlowCommand.Input(userId, kind, provider, language, accounts, syncPeriod, reportingPeriod,
                    providerOptions, returnTo, completion).parse(DEFAULT);
        }
    }

    static List<String> badFields(In in) {
        try {
            in.parse();
        } catch (InvalidInput e) {
            return e.errors().stream().map(FieldError::field).toList();
        }
        throw new AssertionError("expected InvalidInput");
    }

    @Nested
    class Mandatory {
        @Test
        void aMissingUserIdIsNamed() {
            In in = new In();
            in.userId = null;

            assertThat(badFields(in)).containsExactly("userId");
        }

        @Test
        void aBlankUserIdIsNamed() {
            In in = new In();
            in.userId = "  ";

            assertThat(badFields(in)).containsExactly("userId");
        }

        @Test
        void aMissingKindIsNamed() {
            In in = new In();
            in.kind = null;

            assertThat(badFields(in)).containsExactly("kind");
        }

        @Test
        void anUnknownKindIsNamed() {
            In in = new In();
            in.kind = "forever_access";

            assertThat(badFields(in)).containsExactly("kind");
        }

        @Test
        void kindsAreAcceptedInEitherSpelling() {
            In in = new In();
            in.kind = "one-time_access";

            assertThat(in.parse().kind()).isEqualTo(FlowKind.ONE_TIME_ACCESS);
        }
    }

    @Nested
    class Defaults {
        @Test
        void anOngoingAccessDefaultsToGermanAnd90DaysFromTheDefaultProviderWithNoProviderOptions() {
            StartFlowCommand command = new In().parse();

            assertThat(command.userId()).isEqualTo(new UserId("alice"));
            assertThat(command.provider()).isEqualTo(DEFAULT);
            assertThat(command.options().language()).isEqualTo(Language.DE);
            assertThat(command.options().syncPeriod()).contains(new SyncPeriod(90));
            assertThat(command.providerOptions()).isEmpty();
            assertThat(command.returnTo()).isEmpty();
        }

        @Test
        void anIncomeReportDefaultsToA12MonthReportingPeriod() {
            In in = new In();
            in.kind = "INCOME_REPORT";

            StartFlowCommand command = in.parse();

            assertThat(command.options().reportingPeriod()).contains(new ReportingPeriod(12));
            assertThat(command.options().syncPeriod()).isEmpty();
        }

        @Test
        void givenValuesAreKept() {
            In in = new In();
            in.language = "fr";
            in.provider = "somebank";
            in.syncPeriod = 30;
            in.accounts = List.of("DE89 3704 0044 0532 0130 00", "0532013000");
            in.providerOptions = Map.of("trackingId", "campaign-7", "saveSecrets", true);
            in.returnTo = "https://app.example/connect/done";

            StartFlowCommand command = in.parse();

            assertThat(command.provider()).isEqualTo(new ProviderId("somebank"));
            assertThat(command.options().language()).isEqualTo(Language.FR);
            assertThat(command.options().syncPeriod()).contains(new SyncPeriod(30));
            assertThat(command.options().accounts()).extracting(AccountReference::value)
                    .containsExactly("DE89370400440532013000", "0532013000");
            assertThat(command.providerOptions()).containsEntry("trackingId", "campaign-7").containsEntry("saveSecrets", true);
            assertThat(command.returnTo()).contains(URI.create("https://app.example/connect/done"));
        }
    }

    @Nested
    class BadFields {
        @Test
        void aBadIbanIsNamedByItsIndex() {
            In in = new In();
            in.accounts = List.of("DE88370400440532013000");

            assertThat(badFields(in)).containsExactly("accounts[0]");
        }

        @Test
        void aBadIbanAfterAGoodOneIsNamedByItsOwnIndex() {
            In in = new In();
            in.accounts = List.of("DE89370400440532013000", "GB82WEST12345698765431");

            assertThat(badFields(in)).containsExactly("accounts[1]");
        }

        @Test
        void aMissingAccountEntryIsNamed() {
            In in = new In();
            in.accounts = Arrays.asList("0532013000", null);

            assertThat(badFields(in)).containsExactly("accounts[1]");
        }

        @Test
        void moreThan20AccountsAreRejected() {
            In in = new In();
            in.accounts = Collections.nCopies(21, "0532013000");

            assertThat(badFields(in)).containsExactly("accounts");
        }

        @Test
        void anUnknownLanguageIsNamed() {
            In in = new In();
            in.language = "klingon";

            assertThat(badFields(in)).containsExactly("language");
        }

        @Test
        void aSyncPeriodOutOfRangeIsNamed() {
            In in = new In();
            in.syncPeriod = 0;

            assertThat(badFields(in)).containsExactly("syncPeriod");
        }

        @Test
        void aReportingPeriodOnANonIncomeFlowIsRejected() {
            In in = new In();
            in.reportingPeriod = 6;

            assertThat(badFields(in)).containsExactly("reportingPeriod");
        }

        @Test
        void aSyncPeriodTogetherWithAReportingPeriodIsRejected() {
            In in = new In();
            in.kind = "INCOME_REPORT";
            in.syncPeriod = 180;
            in.reportingPeriod = 6;

            assertThat(badFields(in)).containsExactly("reportingPeriod");
        }

        @Test
        void aRelativeReturnUrlIsNamed() {
            In in = new In();
            in.returnTo = "/connect/done";

            assertThat(badFields(in)).containsExactly("returnTo");
        }

        @Test
        void aProviderThatIsNoSlugIsNamed() {
            In in = new In();
            in.provider = "Some Bank";

            assertThat(badFields(in)).containsExactly("provider");
        }

        @Test
        void tooManyProviderOptionsAreRefusedBeforeAnyProviderSeesThem() {
            In in = new In();
            Map<String, Object> many = new java.util.HashMap<>();
            for (int i = 0; i <= io.consentgateway.domain.flow.ProviderOptions.MAX_OPTIONS; i++) {
                many.put("o" + i, "x");
            }
            in.providerOptions = many;

            assertThat(badFields(in)).containsExactly("providerOptions");
        }

        @Test
        void allBadFieldsAreListedAtOnce() {
            In in = new In();
            in.userId = null;
            in.language = "xx";
            in.accounts = List.of("DE00370400440532013000");
            in.syncPeriod = 999;
            in.reportingPeriod = 6;
            in.returnTo = "not a url";

            assertThatThrownBy(in::parse)
                    .isInstanceOfSatisfying(InvalidInput.class, e -> assertThat(e.errors()).extracting(FieldError::field)
                            .containsExactlyInAnyOrder("userId", "language", "accounts[0]", "syncPeriod", "reportingPeriod",
                                    "reportingPeriod", "returnTo"));
        }

        @Test
        void theErrorMessageListsEveryField() {
            In in = new In();
            in.userId = null;
            in.language = "xx";

            assertThatThrownBy(in::parse).hasMessageContaining("userId").hasMessageContaining("language");
        }
    }

    @org.junit.jupiter.api.Test
    void completionIsOptionalAndNamedWhenItIsNotOneOfTheTwo() {
        In in = new In();
        assertThat(in.parse().completion()).isEmpty();
        in.completion = "confirm";
        assertThat(in.parse().completion()).contains(io.consentgateway.domain.flow.FlowCompletion.CONFIRM);
        in.completion = "later";
        assertThatThrownBy(in::parse).isInstanceOfSatisfying(InvalidInput.class, e -> assertThat(e.errors())
                .containsExactly(new FieldError("completion", "must be one of REDIRECT, CONFIRM")));
    }

    @org.junit.jupiter.api.Test
    void anOptionNameThatIsNotAPlainNameIsRefusedWithoutRepeatingIt() {
        In in = new In();
        in.providerOptions = Map.of("<script>alert(1)</script>", "x");

        assertThatThrownBy(in::parse).isInstanceOfSatisfying(InvalidInput.class, e -> {
            assertThat(e.errors()).extracting(FieldError::field).containsExactly("providerOptions");
            assertThat(e.errors().toString()).doesNotContain("<script>");
        });
        in.providerOptions = Map.of("trackingId", "x", "account.types-2_x", "y");
        assertThat(in.parse().providerOptions()).containsKeys("trackingId", "account.types-2_x");
    }
}
