package io.consentgateway.bootstrap;

import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.core.Response;
import org.junit.jupiter.api.Test;

import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The demo page is the demo's: a production deployment answers 404 where it would be. */
class DemoPageResourceTest {

    @Test
    void theDemoServesThePageAndItsListedFilesOnly() {
        DemoPageResource demo = new DemoPageResource(Optional.empty());

        Response page = demo.index();
        assertThat(page.getStatus()).isEqualTo(200);
        assertThat(page.getMediaType().toString()).startsWith("text/html");
        assertThat(new String((byte[]) page.getEntity())).contains("<html");
        assertThat(demo.asset("app.js").getStatus()).isEqualTo(200);
        assertThatThrownBy(() -> demo.asset("../server.xml")).isInstanceOf(NotFoundException.class);
    }

    @Test
    void aProductionDeploymentServesNoneOfIt() {
        for (String deployment : new String[] {"production", " Production "}) {
            DemoPageResource production = new DemoPageResource(Optional.of(deployment));

            assertThatThrownBy(production::index).as(deployment).isInstanceOf(NotFoundException.class);
            assertThatThrownBy(() -> production.asset("app.js")).as(deployment).isInstanceOf(NotFoundException.class);
        }
        assertThat(new DemoPageResource(Optional.of("demo")).index().getStatus()).isEqualTo(200);
    }
}
