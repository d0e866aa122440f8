package io.lineone.server.core;

import java.security.SecureRandom;

/** Opaque ids that sort roughly by creation time, so id order is a stable paging order. */
public final class Ids {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final char[] ALPHABET = "0123456789abcdefghijklmnopqrstuvwxyz".toCharArray();

    private Ids() {
    }

    public static String next(String prefix) {
        StringBuilder id = new StringBuilder(prefix).append('_');
        String time = Long.toString(System.currentTimeMillis(), 36);
        id.append("0".repeat(Math.max(0, 9 - time.length()))).append(time);
        for (int i = 0; i < 8; i++) {
            id.append(ALPHABET[RANDOM.nextInt(ALPHABET.length)]);
        }
        return id.toString();
    }
}
