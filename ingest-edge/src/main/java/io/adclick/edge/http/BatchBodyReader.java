package io.adclick.edge.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.adclick.schemas.wire.JsonWire;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads the body of {@code POST /v1/events}: a JSON array of events, or an object whose
 * {@code events} field is one.
 */
final class BatchBodyReader {
    private BatchBodyReader() {}

    /**
     * The events of {@code body}.
     *
     * @throws InvalidBatchException when the body is not JSON, or not of either shape
     */
    static List<JsonNode> read(byte[] body) {
        JsonNode root;
        try {
            root = JsonWire.mapper().readTree(body);
        } catch (JsonProcessingException e) {
            throw new InvalidBatchException(
                    ErrorResponses.INVALID_JSON,
                    "The body is not valid JSON (error at line %d, column %d): send a JSON array of events"
                            .formatted(
                                    e.getLocation().getLineNr(), e.getLocation().getColumnNr()));
        } catch (IOException e) {
            throw new InvalidBatchException(ErrorResponses.INVALID_JSON, "The body cannot be read: " + e.getMessage());
        }
        if (root == null || root.isMissingNode()) {
            throw new InvalidBatchException(
                    ErrorResponses.INVALID_JSON, "The body is empty: send a JSON array of events");
        }
        JsonNode events = root.isObject() ? root.get("events") : root;
        if (events == null || !events.isArray()) {
            throw new InvalidBatchException(
                    ErrorResponses.INVALID_REQUEST,
                    "The body must be a JSON array of events, or an object {\"events\":[...]}");
        }
        List<JsonNode> list = new ArrayList<>(events.size());
        events.forEach(list::add);
        return list;
    }

    /** A batch body the edge cannot read at all. */
    static final class InvalidBatchException extends RuntimeException {
        private final String code;

        InvalidBatchException(String code, String message) {
            super(message);
            this.code = code;
        }

        String code() {
            return code;
        }
    }
}
