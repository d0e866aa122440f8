package io.lineone.server.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.lineone.api.Problem;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.Locale;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;

/**
 * Jetty's own error answers as problems too: requests Jetty refuses before any route runs (a path with bad
 * UTF-8 or an encoded NUL, an unparseable request line) would otherwise get its HTML error page.
 */
final class JettyProblems extends ErrorHandler {

    private final ObjectMapper json;

    JettyProblems(ObjectMapper json) {
        this.json = json;
    }

    @Override
    protected void generateResponse(Request request, Response response, int code, String message, Throwable cause,
                                    Callback callback) {
        response.setStatus(code);
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, Problem.MEDIA_TYPE);
        response.write(true, ByteBuffer.wrap(body(code, message)), callback);
    }

    private byte[] body(int status, String message) {
        String title = Problems.title(status);
        // Jetty's message is a short reason ("Bad UTF-8 encoding"), never a stack trace.
        String detail = message == null || message.isBlank() ? title + "." : "The request was refused: " + message + ".";
        Problem problem = new Problem("urn:lineone:problem:" + title.toLowerCase(Locale.ROOT).replace(' ', '-'),
                title, status, detail, List.of());
        try {
            return json.writeValueAsBytes(problem);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a problem could not be written as JSON", e);
        }
    }
}
