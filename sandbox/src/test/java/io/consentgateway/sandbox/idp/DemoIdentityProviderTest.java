package io.consentgateway.sandbox.idp;

import io.consentgateway.sandbox.web.IdpResource;
import static org.assertj.core.api.Assertions.assertThat;

import io.consentgateway.sandbox.TestSupport;
import jakarta.json.JsonObject;
import jakarta.ws.rs.core.Response;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.RSAPublicKeySpec;
import java.util.Base64;
import org.junit.jupiter.api.Test;

class DemoIdentityProviderTest {

    private final IdpResource idp = new IdpResource(TestSupport.sandbox());

    private static JsonObject part(String jwt, int index) {
        return TestSupport.json(new String(Base64.getUrlDecoder().decode(jwt.split("\\.")[index]), StandardCharsets.UTF_8));
    }

    private static PublicKey keyFrom(JsonObject jwk) throws Exception {
        BigInteger n = new BigInteger(1, Base64.getUrlDecoder().decode(jwk.getString("n")));
        BigInteger e = new BigInteger(1, Base64.getUrlDecoder().decode(jwk.getString("e")));
        return KeyFactory.getInstance("RSA").generatePublic(new RSAPublicKeySpec(n, e));
    }

    @Test
    void theTokenVerifiesWithThePublishedJwksKey() throws Exception {
        String jwt = TestSupport.json(idp.token("anna", null, null, null)).getString("access_token");
        JsonObject jwk = TestSupport.json(idp.jwks()).getJsonArray("keys").getJsonObject(0);

        String[] parts = jwt.split("\\.");
        Signature verifier = Signature.getInstance("SHA256withRSA");
        verifier.initVerify(keyFrom(jwk));
        verifier.update((parts[0] + "." + parts[1]).getBytes(StandardCharsets.US_ASCII));

        assertThat(verifier.verify(Base64.getUrlDecoder().decode(parts[2]))).isTrue();
        assertThat(part(jwt, 0).getString("kid")).isEqualTo(jwk.getString("kid"));
        assertThat(part(jwt, 0).getString("alg")).isEqualTo("RS256");
    }

    @Test
    void aTamperedTokenDoesNotVerify() throws Exception {
        String jwt = TestSupport.json(idp.token("anna", null, null, null)).getString("access_token");
        String[] parts = jwt.split("\\.");
        String forged = Base64.getUrlEncoder().withoutPadding().encodeToString(
                new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8).replace("anna", "eve!")
                        .getBytes(StandardCharsets.UTF_8));
        Signature verifier = Signature.getInstance("SHA256withRSA");
        verifier.initVerify(keyFrom(TestSupport.json(idp.jwks()).getJsonArray("keys").getJsonObject(0)));
        verifier.update((parts[0] + "." + forged).getBytes(StandardCharsets.US_ASCII));

        assertThat(verifier.verify(Base64.getUrlDecoder().decode(parts[2]))).isFalse();
    }

    @Test
    void aTokenIsAUsersUnlessItAsksForTheOperatorGroup_AndNoOtherGroupIsIssued() {
        JsonObject user = part(TestSupport.json(idp.token("anna", null, null, null)).getString("access_token"), 1);
        JsonObject operator = part(TestSupport.json(idp.token("olga", null, null, "operator")).getString("access_token"), 1);

        assertThat(user.getJsonArray("groups").getString(0)).isEqualTo("user");
        assertThat(operator.getJsonArray("groups")).hasSize(1);
        assertThat(operator.getJsonArray("groups").getString(0)).isEqualTo("operator");
        assertThat(idp.token("eve", null, null, "admin").getStatus()).isEqualTo(400);
    }

    @Test
    void aTokenMayNameAnotherUpnThanItsSubjectOrCarryNoSubject() {
        JsonObject renamed = part(TestSupport.json(idp.token("subject-1", "shared-name", null, null)).getString("access_token"), 1);
        JsonObject anonymous = part(TestSupport.json(idp.token("shared-name", null, "omit", null)).getString("access_token"), 1);

        assertThat(renamed.getString("sub")).isEqualTo("subject-1");
        assertThat(renamed.getString("upn")).isEqualTo("shared-name");
        assertThat(anonymous.containsKey("sub")).isFalse();
        assertThat(anonymous.getString("upn")).isEqualTo("shared-name");
        assertThat(idp.token("subject-1", "not a name", null, null).getStatus()).isEqualTo(400);
    }

    @Test
    void theTokenCarriesTheClaimsMicroProfileJwtNeeds() {
        JsonObject response = TestSupport.json(idp.token("anna.schmidt@example.com", null, null, null));
        JsonObject claims = part(response.getString("access_token"), 1);

        assertThat(response.getString("token_type")).isEqualTo("Bearer");
        assertThat(response.getInt("expires_in")).isEqualTo(3600);
        assertThat(claims.getString("iss")).isEqualTo("http://localhost:9080/sandbox/idp");
        assertThat(claims.getString("sub")).isEqualTo("anna.schmidt@example.com");
        assertThat(claims.getString("upn")).isEqualTo("anna.schmidt@example.com");
        assertThat(claims.getJsonArray("groups").getString(0)).isEqualTo("user");
        assertThat(claims.getString("aud")).isEqualTo("consent-gateway");
        assertThat(claims.getJsonNumber("exp").longValue() - claims.getJsonNumber("iat").longValue()).isEqualTo(3600);
        assertThat(claims.getString("jti")).isNotBlank();
    }

    @Test
    void theJwksIsAnRsaSigningKeyInUnpaddedBase64UrlWithoutASignByte() {
        JsonObject jwk = TestSupport.json(idp.jwks()).getJsonArray("keys").getJsonObject(0);

        assertThat(jwk.getString("kty")).isEqualTo("RSA");
        assertThat(jwk.getString("use")).isEqualTo("sig");
        assertThat(jwk.getString("alg")).isEqualTo("RS256");
        assertThat(jwk.getString("e")).isEqualTo("AQAB");
        assertThat(jwk.getString("n")).doesNotContain("=", "+", "/");
        assertThat(Base64.getUrlDecoder().decode(jwk.getString("n"))).hasSize(256);
    }

    @Test
    void theUnsignedModulusDropsOnlyTheSignByte() {
        assertThat(DemoIdentityProvider.unsigned(new BigInteger("255"))).containsExactly((byte) 0xFF);
        assertThat(DemoIdentityProvider.unsigned(new BigInteger("127"))).containsExactly((byte) 0x7F);
    }

    @Test
    void anInvalidUserNameIsRejectedWith400() {
        assertThat(idp.token(null, null, null, null).getStatus()).isEqualTo(400);
        assertThat(idp.token("", null, null, null).getStatus()).isEqualTo(400);
        assertThat(idp.token("a b", null, null, null).getStatus()).isEqualTo(400);
        assertThat(idp.token("x".repeat(65), null, null, null).getStatus()).isEqualTo(400);
        Response ok = idp.token("x".repeat(64), null, null, null);
        assertThat(ok.getStatus()).isEqualTo(200);
    }
}
