package io.consentgateway.adapter.in.rest.problem;

import jakarta.ws.rs.core.MediaType;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A refused callback is shown as a page to a browser that navigated to it, and stays an RFC 9457 problem for every
 * other client. The runtime hands the filter the {@code Accept} types sorted, most preferred first.
 */
class CallbackProblemPageTest {
    /** What Chromium and Firefox send on a navigation. */
    static final List<MediaType> BROWSER_NAVIGATION = List.of(MediaType.TEXT_HTML_TYPE, MediaType.APPLICATION_XHTML_XML_TYPE,
            MediaType.valueOf("image/avif"), MediaType.valueOf("application/xml;q=0.9"), MediaType.valueOf("*/*;q=0.8"));

    @Test
    void aBrowsersNavigationPrefersThePage() {
        assertThat(CallbackProblemPage.prefersHtml(BROWSER_NAVIGATION)).isTrue();
        assertThat(CallbackProblemPage.prefersHtml(List.of(MediaType.APPLICATION_XHTML_XML_TYPE))).isTrue();
    }

    @Test
    void aClientThatNamesNoTypeAJsonClientOrOneThatOnlyAlsoTakesHtmlGetsTheProblem() {
        assertThat(CallbackProblemPage.prefersHtml(List.of())).isFalse();
        assertThat(CallbackProblemPage.prefersHtml(List.of(MediaType.WILDCARD_TYPE))).isFalse();
        assertThat(CallbackProblemPage.prefersHtml(List.of(MediaType.valueOf("text/*")))).isFalse();
        assertThat(CallbackProblemPage.prefersHtml(List.of(MediaType.APPLICATION_JSON_TYPE))).isFalse();
        assertThat(CallbackProblemPage.prefersHtml(List.of(Problem.MEDIA, MediaType.valueOf("text/html;q=0.5")))).isFalse();
    }

    @Test
    void onlyTheCallbackPathsAreShownAsPages() {
        assertThat(CallbackProblemPage.isCallback("callback")).isTrue();
        assertThat(CallbackProblemPage.isCallback("/callback/tatrabanka")).isTrue();
        assertThat(CallbackProblemPage.isCallback("/callbacks")).isFalse();
        assertThat(CallbackProblemPage.isCallback("/api/v1/flows")).isFalse();
    }

    @Test
    void thePageShowsTheProblemsOwnWordsEscaped() {
        String page = CallbackProblemPage.page(Problem.of("invalid-callback", "Callback <refused>", 400,
                "Nothing was changed & \"start\" a new flow."));

        assertThat(page).startsWith("<!DOCTYPE html>")
                .contains("<title>Callback &lt;refused&gt;</title>")
                .contains("<h1>Callback &lt;refused&gt;</h1>")
                .contains("Nothing was changed &amp; &quot;start&quot; a new flow.")
                .contains("400 · https://consent-gateway.io/problems/invalid-callback")
                .doesNotContain("<refused>");
    }
}
