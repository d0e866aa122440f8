package io.lineone.server.audit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.lineone.api.Json;
import io.lineone.server.core.Caller;
import java.time.Instant;

/** Builds audit entries with JSON snapshots of what changed. */
public final class Audit {

    private static final ObjectMapper JSON = Json.mapper();

    private Audit() {
    }

    public static AuditLog.Entry entry(Caller caller, String action, String targetType, String targetId,
                                Object before, Object after, Instant at) {
        return new AuditLog.Entry(caller == null ? null : caller.id(), action, targetType, targetId,
                json(before), json(after), caller == null ? null : caller.requestId(), at);
    }

    private static String json(Object value) {
        if (value == null) {
            return null;
        }
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write an audit snapshot of " + value.getClass(), e);
        }
    }
}
