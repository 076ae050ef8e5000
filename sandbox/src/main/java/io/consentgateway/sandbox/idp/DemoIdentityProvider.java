package io.consentgateway.sandbox.idp;

import io.consentgateway.sandbox.core.Secrets;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.security.interfaces.RSAPublicKey;
import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * A demo identity provider: signs RS256 JWTs for any well-formed user name and publishes the
 * public key as a JWKS. For the demo and tests only: there is no password.
 * <p>
 * The RSA 2048 key pair is generated on first use and lives as long as the application; it is
 * never written anywhere. JDK crypto only. Time comes from the real clock (not the simulators'
 * movable clock), because the application verifying the token uses the real time.
 */
public final class DemoIdentityProvider {

    public static final Pattern USER = Pattern.compile("[A-Za-z0-9._@-]{1,64}");
    private static final Base64.Encoder URL = Base64.getUrlEncoder().withoutPadding();

    /** An issued token. */
    public record IssuedToken(String jwt, long expiresIn) {
        @Override
        public String toString() {
            return "IssuedToken[jwt=***, expiresIn=" + expiresIn + "]";
        }
    }

    private record SigningKey(KeyPair pair, String kid) {
    }

    private final Clock clock;
    private final IdpSettings settings;
    private volatile SigningKey key;

    public DemoIdentityProvider(Clock clock, IdpSettings settings) {
        this.clock = clock;
        this.settings = settings;
    }

    public IdpSettings settings() {
        return settings;
    }

    public static boolean isValidUser(String user) {
        return user != null && USER.matcher(user).matches();
    }

    /** The groups a token can carry: a fintech's user, or an operator of the gateway (its admin API). */
    public static final java.util.List<String> GROUPS = java.util.List.of("user", "operator");

    /** Signs a token for {@code user}: sub = upn = user, groups ["user"]. */
    public IssuedToken issue(String user) {
        return issue(user, user, true, "user");
    }

    /**
     * Signs a token whose {@code upn} may differ from its subject, or that carries no {@code sub} at all: what some
     * identity providers issue, for the tests that the gateway names its users by the subject alone.
     */
    public IssuedToken issue(String user, String upn, boolean withSubject, String group) {
        if (!isValidUser(user) || !isValidUser(upn)) {
            throw new IllegalArgumentException("user must be 1-64 characters of A-Z a-z 0-9 . _ @ -");
        }
        SigningKey k = key();
        Instant now = clock.instant();
        long iat = now.getEpochSecond();
        long exp = iat + settings.tokenLifetime().toSeconds();
        JsonObject header = Json.createObjectBuilder()
                .add("alg", "RS256").add("typ", "JWT").add("kid", k.kid()).build();
        JsonObjectBuilder claimsBuilder = Json.createObjectBuilder().add("iss", settings.issuer());
        if (withSubject) {
            claimsBuilder.add("sub", user);
        }
        JsonObject claims = claimsBuilder
                .add("upn", upn)
                .add("groups", Json.createArrayBuilder().add(group))
                .add("aud", settings.audience())
                .add("iat", iat)
                .add("exp", exp)
                .add("jti", UUID.randomUUID().toString())
                .build();
        String signingInput = base64Url(header.toString()) + "." + base64Url(claims.toString());
        try {
            Signature signer = Signature.getInstance("SHA256withRSA");
            signer.initSign(k.pair().getPrivate());
            signer.update(signingInput.getBytes(StandardCharsets.US_ASCII));
            return new IssuedToken(signingInput + "." + URL.encodeToString(signer.sign()), exp - iat);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("RS256 signing failed", e);
        }
    }

    /** The JWKS: one RSA signing key, n and e as unsigned big-endian base64url without padding (RFC 7518 §6.3). */
    public JsonObject jwks() {
        SigningKey k = key();
        RSAPublicKey pub = publicKey();
        return Json.createObjectBuilder().add("keys", Json.createArrayBuilder().add(Json.createObjectBuilder()
                .add("kty", "RSA")
                .add("kid", k.kid())
                .add("use", "sig")
                .add("alg", "RS256")
                .add("n", URL.encodeToString(unsigned(pub.getModulus())))
                .add("e", URL.encodeToString(unsigned(pub.getPublicExponent()))))).build();
    }

    public RSAPublicKey publicKey() {
        return (RSAPublicKey) key().pair().getPublic();
    }

    /** A big integer's magnitude without the sign byte Java adds when the top bit is set. */
    static byte[] unsigned(BigInteger value) {
        byte[] bytes = value.toByteArray();
        return bytes.length > 1 && bytes[0] == 0 ? Arrays.copyOfRange(bytes, 1, bytes.length) : bytes;
    }

    private SigningKey key() {
        SigningKey k = key;
        if (k == null) {
            synchronized (this) {
                k = key;
                if (k == null) {
                    k = generate();
                    key = k;
                }
            }
        }
        return k;
    }

    private static SigningKey generate() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            KeyPair pair = generator.generateKeyPair();
            byte[] modulus = unsigned(((RSAPublicKey) pair.getPublic()).getModulus());
            String kid = URL.encodeToString(Secrets.sha256(modulus)).substring(0, 16);
            return new SigningKey(pair, kid);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("RSA key generation failed", e);
        }
    }

    private static String base64Url(String json) {
        return URL.encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }
}
