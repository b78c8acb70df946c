package io.adclick.infra.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.adclick.schemas.token.SigningKeys;
import io.adclick.schemas.token.TokenCheck;
import io.adclick.schemas.token.TokenPolicy;
import io.adclick.schemas.token.TokenVerifier;
import java.io.IOException;
import java.io.PrintWriter;
import java.time.Instant;
import java.util.Base64;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code adclick token verify}: prints the decoded payload and the verdict. Exit code 0 when
 * valid, 2 when authentic but expired, 1 when invalid.
 */
@Command(
        name = "verify",
        mixinStandardHelpOptions = true,
        description = "Print a token's payload and verdict (exit 0 valid, 2 expired, 1 invalid).")
final class TokenVerifyCommand implements Callable<Integer> {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Parameters(index = "0", paramLabel = "TOKEN", description = "The token.")
    String token;

    @Option(names = "--at", description = "Verify as of this instant (default: now), e.g. 2026-11-23T10:15:30Z.")
    Instant at;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        out.println("payload: " + decodedPayload(token));
        TokenCheck check = new TokenVerifier(SigningKeys.fromEnvironment(), TokenPolicy.DEFAULT)
                .verify(token, at != null ? at : Instant.now());
        if (check instanceof TokenCheck.Valid) {
            out.println("verdict: valid");
            return 0;
        }
        if (check instanceof TokenCheck.Expired expired) {
            out.println("verdict: " + expired.code() + " (authentic, not billable): " + expired.reason());
            return 2;
        }
        TokenCheck.Invalid invalid = (TokenCheck.Invalid) check;
        out.println("verdict: invalid, " + invalid.error().code() + ": " + invalid.message());
        return 1;
    }

    private static String decodedPayload(String token) {
        int dot = token.indexOf('.');
        try {
            byte[] json = Base64.getUrlDecoder().decode(dot < 0 ? token : token.substring(0, dot));
            return JSON.readTree(json).toString();
        } catch (IllegalArgumentException | IOException e) {
            return "(not decodable)";
        }
    }
}
