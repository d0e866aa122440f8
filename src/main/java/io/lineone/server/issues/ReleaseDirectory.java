package io.lineone.server.issues;

/** Which releases exist, so an issue can name one; the releases feature answers, without issues depending on it. */
@FunctionalInterface
public interface ReleaseDirectory {

    boolean exists(String releaseId);
}
