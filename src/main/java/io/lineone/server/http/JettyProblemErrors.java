package io.lineone.server.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.lineone.api.Problem;
import java.nio.ByteBuffer;
import java.nio.charset.Charset;
import java.util.List;
import org.eclipse.jetty.http.HttpField;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Errors that Jetty answers before Javalin sees the request (an undecodable URI, a malformed header) would be
 * HTML pages; these handlers make them problem+json like every other error of the API, whatever the method (Jetty
 * writes a page only for GET, POST and HEAD by default, so a PUT or PATCH got an empty 400). Jetty asks one handler
 * for the server and another for the servlet context, so there are two, sharing the body.
 */
final class JettyProblemErrors {

    private static final Logger LOG = LoggerFactory.getLogger(JettyProblemErrors.class);

    private JettyProblemErrors() {
    }

    static ErrorHandler forServer(ObjectMapper json) {
        return new ErrorHandler() {
            @Override
            protected boolean generateAcceptableResponse(Request request, Response response, Callback callback,
                                                         String contentType, List<Charset> charsets, int code,
                                                         String message, Throwable cause) {
                return writeProblem(json, response, callback, code, message);
            }

            @Override
            public boolean errorPageForMethod(String method) {
                return true;
            }

            @Override
            public ByteBuffer badMessageError(int status, String reason, HttpFields.Mutable fields) {
                return badMessageProblem(json, status, reason, fields);
            }
        };
    }

    static org.eclipse.jetty.ee10.servlet.ErrorHandler forContext(ObjectMapper json) {
        return new org.eclipse.jetty.ee10.servlet.ErrorHandler() {
            @Override
            protected boolean generateAcceptableResponse(Request request, Response response, Callback callback,
                                                         String contentType, List<Charset> charsets, int code,
                                                         String message, Throwable cause) {
                return writeProblem(json, response, callback, code, message);
            }

            @Override
            public boolean errorPageForMethod(String method) {
                return true;
            }

            @Override
            public ByteBuffer badMessageError(int status, String reason, HttpFields.Mutable fields) {
                return badMessageProblem(json, status, reason, fields);
            }
        };
    }

    private static boolean writeProblem(ObjectMapper json, Response response, Callback callback, int code, String message) {
        String requestId = RequestIds.fresh();
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, Problem.MEDIA_TYPE);
        response.getHeaders().put(RequestIds.HEADER, requestId);
        SecurityHeaders.addTo(response.getHeaders()::put);
        // Jetty answers here requests it would not route (an undecodable path), and may close the connection after:
        // saying so keeps a client from sending its next request down a connection that is about to be closed.
        response.getHeaders().put(HttpHeader.CONNECTION, "close");
        response.write(true, ByteBuffer.wrap(body(json, code, message, requestId)), callback);
        return true;
    }

    private static ByteBuffer badMessageProblem(ObjectMapper json, int status, String reason, HttpFields.Mutable fields) {
        String requestId = RequestIds.fresh();
        fields.put(new HttpField(HttpHeader.CONTENT_TYPE, Problem.MEDIA_TYPE));
        fields.put(RequestIds.HEADER, requestId);
        SecurityHeaders.addTo(fields::put);
        // Jetty closes the connection after a message it cannot parse: say so, as above.
        fields.put(new HttpField(HttpHeader.CONNECTION, "close"));
        return ByteBuffer.wrap(body(json, status, reason, requestId));
    }

    private static byte[] body(ObjectMapper json, int status, String message, String requestId) {
        String title = Problems.title(status);
        // Jetty's message is a short reason ("Bad UTF-8 encoding"), never a stack trace.
        String detail = message == null || message.isBlank() ? title + "." : "The request was refused: " + message + ".";
        try {
            LOG.debug("request {} refused before routing: {} {}", requestId, status, message);
            return json.writeValueAsBytes(new Problem(Problems.type(title), title, status, detail, List.of(), requestId));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a problem could not be written as JSON", e);
        }
    }
}
