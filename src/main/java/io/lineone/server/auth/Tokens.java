package io.lineone.server.auth;

import io.lineone.server.core.Sha256;
import java.security.SecureRandom;
import java.util.Base64;

/** Random bearer tokens and the hash under which they are stored. */
final class Tokens {

    private static final SecureRandom RANDOM = new SecureRandom();

    private Tokens() {
    }

    static String newToken() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /** A fast hash is right here: the token has 256 random bits, so there is nothing to guess. */
    static String hash(String token) {
        return Sha256.hex(token);
    }
}
