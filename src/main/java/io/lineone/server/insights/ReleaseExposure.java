package io.lineone.server.insights;

import java.nio.charset.StandardCharsets;
import java.util.zip.CRC32;

/**
 * Which merchants a release reaches. A release at p % exposure reaches the merchants whose rollout bucket — a
 * stable hash of release and merchant, 0 to 99 — is below p, the way a percentage rollout picks them: the same
 * merchants stay in as exposure grows, and each release picks its own.
 */
public final class ReleaseExposure {

    private ReleaseExposure() {
    }

    public static int bucket(String releaseId, String merchantId) {
        CRC32 crc = new CRC32();
        crc.update((releaseId + "/" + merchantId).getBytes(StandardCharsets.UTF_8));
        return (int) (crc.getValue() % 100);
    }

    public static boolean reaches(String releaseId, String merchantId, int exposurePercent) {
        return bucket(releaseId, merchantId) < exposurePercent;
    }
}
