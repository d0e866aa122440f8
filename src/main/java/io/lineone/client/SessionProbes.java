package io.lineone.client;

import io.lineone.client.common.ConnectionStatus;
import io.lineone.client.common.ProbeLog;
import io.lineone.client.common.PulseStallProbe;
import io.lineone.client.queue.LiveIssues;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * The benchmark's measurements of one session, only with {@code -Dlineone.probe.latency=FILE}: per applied issue
 * event the delay since the server changed it, per merchant's message shown in the drawer the delay since it was
 * posted, once a second the FX thread's longest gap between pulses, and each change of the connection's state.
 */
final class SessionProbes {

    private SessionProbes() {
    }

    /** The probes' resources, to close with the session; none without the property. */
    static List<AutoCloseable> attach(LiveIssues issues, ConnectionStatus connection) {
        return ProbeLog.fromSystemProperty().<List<AutoCloseable>>map(probe -> {
            connection.stateProperty().addListener((obs, old, state) ->
                    probe.record("connection " + System.currentTimeMillis() + " " + state));
            issues.setAppliedListener((issue, appliedAt) -> {
                Instant changed = issue.updatedAt() != null ? issue.updatedAt() : issue.createdAt();
                probe.record("applied " + appliedAt.toEpochMilli() + " " + issue.id() + " " + issue.version() + " "
                        + Duration.between(changed, appliedAt).toMillis());
            });
            issues.conversations().setAppliedListener(shown -> {
                Instant now = Instant.now();
                for (var message : shown) {
                    probe.record("message " + now.toEpochMilli() + " " + message.id() + " "
                            + Duration.between(message.at(), now).toMillis());
                }
            });
            PulseStallProbe stalls = new PulseStallProbe(probe::record);
            stalls.start();
            return List.of(stalls, probe);
        }).orElse(List.of());
    }
}
