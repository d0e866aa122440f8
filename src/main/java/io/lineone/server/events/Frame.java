package io.lineone.server.events;

import java.nio.charset.StandardCharsets;

/** One domain event, encoded once as the bytes of its SSE frame and shared by every subscriber. */
record Frame(long id, String type, String merchantId, String managerId, byte[] bytes) {

    static Frame of(EventLog.StoredEvent event) {
        StringBuilder frame = new StringBuilder(event.payload().length() + 64)
                .append("id: ").append(event.id()).append('\n')
                .append("event: ").append(event.type()).append('\n');
        // Compact JSON has no raw line breaks; if a payload ever had one, each line needs its own field.
        for (String line : event.payload().split("\r\n|\r|\n", -1)) {
            frame.append("data: ").append(line).append('\n');
        }
        frame.append('\n');
        return new Frame(event.id(), event.type(), event.merchantId(), event.managerId(),
                frame.toString().getBytes(StandardCharsets.UTF_8));
    }
}
