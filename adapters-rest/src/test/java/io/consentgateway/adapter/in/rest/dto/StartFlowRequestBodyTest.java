package io.consentgateway.adapter.in.rest.dto;

import io.consentgateway.application.port.in.FieldError;
import io.consentgateway.application.port.in.InvalidInput;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class StartFlowRequestBodyTest {

    static List<String> badFields(String json) {
        try {
            StartFlowRequest.from(JsonBody.parse(json));
        } catch (InvalidInput e) {
            return e.errors().stream().map(FieldError::field).toList();
        }
        throw new AssertionError("expected InvalidInput");
    }

    @Test
    void anObjectWhereATextBelongsIsNamedByItsIndex() {
        assertThat(badFields("{\"kind\":\"ONGOING_ACCESS\",\"accounts\":[\"DE89370400440532013000\",{\"id\":\"DE89\"}]}"))
                .containsExactly("accounts[1]");
    }

    @Test
    void everyFieldOfTheWrongTypeIsNamedAtOnce() {
        assertThat(badFields("{\"kind\":7,\"syncPeriod\":\"90\",\"providerOptions\":[],\"saveSecrets\":\"yes\",\"accounts\":\"x\"}"))
                .containsExactlyInAnyOrder("kind", "syncPeriod", "providerOptions", "saveSecrets", "accounts");
    }

    @Test
    void listsAndOptionsAreCappedBeforeTheirItemsAreLookedAt() {
        String many = "[" + "\"x\",".repeat(StartFlowRequest.MAX_ACCOUNT_TYPES) + "\"x\"]";

        assertThat(badFields("{\"kind\":\"ONGOING_ACCESS\",\"accountTypes\":" + many + "}")).containsExactly("accountTypes");
    }

    @Test
    void providerOptionsArriveAsPlainJavaValues() {
        StartFlowRequest request = StartFlowRequest.from(JsonBody.parse(
                "{\"kind\":\"ONGOING_ACCESS\",\"providerOptions\":{\"a\":\"t\",\"b\":true,\"c\":1.5,\"d\":[\"x\"],\"e\":null}}"));

        assertThat(request.providerOptions).containsEntry("a", "t").containsEntry("b", true)
                .containsEntry("c", new BigDecimal("1.5")).containsEntry("d", List.of("x")).containsKey("e");
    }

    @Test
    void textThatIsNoJsonObjectIsMalformedAndSaysWhereWithoutEchoingIt() {
        assertThatThrownBy(() -> JsonBody.parse("{\"kind\": secret-value")).isInstanceOf(JsonBody.MalformedBody.class)
                .hasMessageContaining("line 1").hasMessageNotContaining("secret-value");
        assertThatThrownBy(() -> JsonBody.parse("[1,2]")).isInstanceOf(JsonBody.MalformedBody.class);
    }

    @Test
    void anEmptyBodyIsAnEmptyObjectWhoseKindIsMissingLater() {
        StartFlowRequest request = StartFlowRequest.from(JsonBody.parse(""));

        assertThat(request.kind).isNull();
    }

    @Test
    void aFieldTheRequestDoesNotHaveIsNamedInsteadOfDropped() {
        assertThat(badFields("{\"kind\":\"ONGOING_ACCESS\",\"syncPeriode\":365,\"options\":{\"syncPeriod\":365}}"))
                .containsExactly("options", "syncPeriode");
    }

    @Test
    void anUnknownFieldWithAnOddNameIsRefusedWithoutRepeatingTheName() {
        String name = "<script>x</script>\\n" + "y".repeat(100);

        assertThatThrownBy(() -> StartFlowRequest.from(JsonBody.parse("{\"kind\":\"ONGOING_ACCESS\",\"" + name + "\":1}")))
                .isInstanceOfSatisfying(InvalidInput.class, e -> {
                    assertThat(e.errors()).extracting(FieldError::field).containsExactly("request");
                    assertThat(e.errors().get(0).message()).doesNotContain("script").doesNotContain("yyy");
                });
    }

    @Test
    void aFieldNamedTwiceMakesTheBodyMalformedAtAnyDepthAndSaysWhere() {
        assertThatThrownBy(() -> JsonBody.parse("{\"kind\":\"ONGOING_ACCESS\",\"kind\":\"ONE_TIME_ACCESS\"}"))
                .isInstanceOf(JsonBody.MalformedBody.class).hasMessageContaining("line 1, column").hasMessageContaining("twice");
        assertThatThrownBy(() -> JsonBody.parse("{\"kind\":\"ONGOING_ACCESS\",\"providerOptions\":{\"a\":1,\"a\":2}}"))
                .isInstanceOf(JsonBody.MalformedBody.class).hasMessageContaining("line 1, column");
    }

    @Test
    void textAfterTheObjectMakesTheBodyMalformedAndSaysWhere() {
        for (String body : new String[] {"{\"kind\":\"ONGOING_ACCESS\"} {\"kind\":\"INCOME_REPORT\"}",
                                         "{\"kind\":\"ONGOING_ACCESS\"}]", "{\"kind\":\"ONGOING_ACCESS\"}\nx"}) {
            assertThatThrownBy(() -> JsonBody.parse(body)).as(body).isInstanceOf(JsonBody.MalformedBody.class)
                    .hasMessageContaining("nothing after it");
        }
        assertThatThrownBy(() -> JsonBody.parse("{\"kind\":\"ONGOING_ACCESS\"} {\"x\":1}"))
                .hasMessageContaining("line 1, column 27");
        assertThat(JsonBody.parse("{\"kind\":\"ONGOING_ACCESS\"}\r\n\t ").text("kind")).as("white space after it")
                .isEqualTo("ONGOING_ACCESS");
    }

    @Test
    void inputNestedDeeperThanTheParserReadsIsMalformedNotAnInternalError() {
        String deep = "{\"kind\":" + "[".repeat(5000) + "]".repeat(5000) + "}";

        assertThatThrownBy(() -> JsonBody.parse(deep)).isInstanceOf(JsonBody.MalformedBody.class)
                .hasMessageContaining("nested too deeply");
    }

    @Test
    void aLeadingByteOrderMarkIsIgnored() {
        StartFlowRequest request = StartFlowRequest.from(JsonBody.parse("\uFEFF{\"kind\":\"ONGOING_ACCESS\"}"));

        assertThat(request.kind).isEqualTo("ONGOING_ACCESS");
    }
}
