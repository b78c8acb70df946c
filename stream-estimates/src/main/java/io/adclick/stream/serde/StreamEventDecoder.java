package io.adclick.stream.serde;

import static io.adclick.schemas.Fields.identifier;
import static io.adclick.schemas.Fields.optionalIdentifier;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import io.adclick.schemas.Fields;
import io.adclick.schemas.Instants;
import io.adclick.schemas.InvalidFieldException;
import io.adclick.schemas.event.Countries;
import io.adclick.schemas.event.Device;
import io.adclick.schemas.event.EventType;
import io.adclick.schemas.event.RawEvent;
import io.adclick.schemas.event.TokenStatus;
import io.adclick.schemas.wire.JsonWire;
import io.adclick.schemas.wire.WireFormatException;
import io.adclick.stream.model.StreamEvent;
import java.io.IOException;

/**
 * Reads an {@code events.raw} record straight into the {@link StreamEvent} the job needs, in one
 * pass of Jackson's streaming parser: no {@link RawEvent} in between, and the fields the estimates
 * do not use (the token, the landing URL, the user agent, the attributes) are skipped, not
 * decoded. It accepts what {@code WireCodecs.RAW_EVENT} accepts, written as adclick writes it:
 * the schema version must be 1, the fields the job reads are validated by the same rules as
 * {@link RawEvent}'s, and the other required fields must be present. Unknown fields are ignored.
 * The event keeps the record's bytes ({@link StreamEvent#record}) for the late output.
 */
public final class StreamEventDecoder {
    private static final JsonFactory JSON = JsonWire.mapper().getFactory();
    private static final String[] REQUIRED_UNREAD = {
        "received_at", "source", "token", "token_kid", "landing_url", "token_issued_at"
    };

    private StreamEventDecoder() {}

    /**
     * Decodes one record value.
     *
     * @throws WireFormatException when it is not a valid {@code RawEvent} message, naming the field
     */
    public static StreamEvent decode(byte[] record) {
        try (JsonParser parser = JSON.createParser(record)) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                throw new WireFormatException("Not a valid RawEvent message: not a JSON object", null);
            }
            StreamEvent event = new StreamEvent();
            event.record = record;
            int version = -1;
            String tokenStatus = null;
            String eventTime = null;
            int unreadPresent = 0;
            String field;
            while ((field = parser.nextFieldName()) != null) {
                JsonToken value = parser.nextToken();
                switch (field) {
                    case "schema_version" -> version = value == JsonToken.VALUE_NUMBER_INT ? parser.getIntValue() : -1;
                    case "event_type" -> event.eventType = EventType.fromWire(text(parser));
                    case "event_id" -> event.eventId = text(parser);
                    case "event_time" -> eventTime = text(parser);
                    case "user_id" -> event.userId = text(parser);
                    case "country" -> event.country = text(parser);
                    case "device" -> event.device = text(parser);
                    case "token_status" -> tokenStatus = text(parser);
                    case "impression_id" -> event.impressionId = text(parser);
                    case "advertiser_id" -> event.advertiserId = text(parser);
                    case "campaign_id" -> event.campaignId = text(parser);
                    case "ad_id" -> event.adId = text(parser);
                    case "publisher_id" -> event.publisherId = text(parser);
                    case "cpc_micros" -> event.cpcMicros = micros(parser);
                    case "received_at" -> unreadPresent |= present(parser, 0);
                    case "source" -> unreadPresent |= present(parser, 1);
                    case "token" -> unreadPresent |= present(parser, 2);
                    case "token_kid" -> unreadPresent |= present(parser, 3);
                    case "landing_url" -> unreadPresent |= present(parser, 4);
                    case "token_issued_at" -> unreadPresent |= present(parser, 5);
                    default -> parser.skipChildren();
                }
            }
            validate(event, version, eventTime, tokenStatus, unreadPresent);
            return event;
        } catch (IOException | RuntimeException e) {
            throw e instanceof WireFormatException wire
                    ? wire
                    : new WireFormatException("Not a valid RawEvent message: " + e.getMessage(), e);
        }
    }

    private static void validate(
            StreamEvent event, int version, String eventTime, String tokenStatus, int unreadPresent) {
        if (version != RawEvent.CURRENT_SCHEMA_VERSION) {
            throw new InvalidFieldException(
                    "schema_version",
                    version,
                    "this reader knows raw event version " + RawEvent.CURRENT_SCHEMA_VERSION);
        }
        Fields.required("event_type", event.eventType);
        identifier("event_id", event.eventId);
        event.eventTime =
                Instants.parse(Fields.required("event_time", eventTime)).toEpochMilli();
        optionalIdentifier("user_id", event.userId);
        Countries.requireValid(event.country);
        Device.fromWire(Fields.required("device", event.device));
        event.tokenExpired = TokenStatus.fromWire(Fields.required("token_status", tokenStatus)) == TokenStatus.EXPIRED;
        identifier("impression_id", event.impressionId);
        identifier("advertiser_id", event.advertiserId);
        identifier("campaign_id", event.campaignId);
        identifier("ad_id", event.adId);
        identifier("publisher_id", event.publisherId);
        for (int i = 0; i < REQUIRED_UNREAD.length; i++) {
            if ((unreadPresent & (1 << i)) == 0) {
                Fields.required(REQUIRED_UNREAD[i], null);
            }
        }
    }

    /**
     * Skips a required field the job does not read: the bit of its index in {@link
     * #REQUIRED_UNREAD} if it has a value, 0 if it is null.
     */
    private static int present(JsonParser parser, int index) throws IOException {
        boolean isNull = parser.currentToken() == JsonToken.VALUE_NULL;
        parser.skipChildren();
        return isNull ? 0 : 1 << index;
    }

    /**
     * A string value, {@code null} for a JSON null; a number or boolean as its text (Jackson's
     * coercion, as the record codec reads it); an object or array is invalid.
     */
    private static String text(JsonParser parser) throws IOException {
        JsonToken token = parser.currentToken();
        if (token == JsonToken.VALUE_NULL) {
            return null;
        }
        if (!token.isScalarValue()) {
            throw new InvalidFieldException(parser.currentName(), token.asString(), "must be a string");
        }
        return parser.getText();
    }

    private static long micros(JsonParser parser) throws IOException {
        if (parser.currentToken() != JsonToken.VALUE_NUMBER_INT) {
            throw new InvalidFieldException("cpc_micros", parser.getText(), "must be a whole number of micros");
        }
        return Fields.micros("cpc_micros", parser.getLongValue());
    }
}
