package io.consentgateway.adapter.out.persistence;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ColumnsTest {

    @Test
    void listWithSeparatorsAndEscapesRoundTrips() {
        List<String> items = List.of("savings, joint", "100% credit+card", "a%2Cb", "Überweisung", "x y");

        String column = Columns.list(items);

        assertThat(column.split(",")).hasSize(items.size());
        assertThat(Columns.list(column)).isEqualTo(items);
    }

    @Test
    void emptyListIsTheEmptyString() {
        assertThat(Columns.list(List.of())).isEmpty();
        assertThat(Columns.list("")).isEmpty();
        assertThat(Columns.list((String) null)).isEmpty();
    }

    @Test
    void singleItemHasNoSeparator() {
        assertThat(Columns.list(List.of("DE89370400440532013000"))).isEqualTo("DE89370400440532013000");
    }

    @Test
    void emptyItemsAreRefusedBecauseTheyCouldNotBeToldApart() {
        assertThatThrownBy(() -> Columns.list(List.of("a", ""))).isInstanceOf(IllegalArgumentException.class);
    }
}
