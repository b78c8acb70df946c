package io.adclick.infra.cli;

import io.adclick.schemas.token.AdTokenPayload;
import io.adclick.schemas.token.SigningKeys;
import io.adclick.schemas.token.TokenSigner;
import java.time.Instant;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code adclick token sign}: prints a signed ad token. */
@Command(name = "sign", mixinStandardHelpOptions = true, description = "Print a signed ad token.")
final class TokenSignCommand implements Callable<Integer> {
    @Option(names = "--imp", required = true, description = "Impression id.")
    String impressionId;

    @Option(names = "--adv", required = true, description = "Advertiser id.")
    String advertiserId;

    @Option(names = "--cmp", required = true, description = "Campaign id.")
    String campaignId;

    @Option(names = "--ad", required = true, description = "Ad id.")
    String adId;

    @Option(names = "--pub", required = true, description = "Publisher id.")
    String publisherId;

    @Option(names = "--cpc", required = true, description = "Cost per click in micros (1 unit = 1000000).")
    long cpcMicros;

    @Option(names = "--url", required = true, description = "Landing page (http or https).")
    String url;

    @Option(names = "--iat", description = "Issued at, epoch seconds (default: now).")
    Long issuedAt;

    @Option(names = "--kid", description = "Key id to sign with (default: the first key of ADCLICK_SIGNING_KEYS).")
    String kid;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        TokenSigner signer = new TokenSigner(SigningKeys.fromEnvironment());
        AdTokenPayload payload = new AdTokenPayload(
                AdTokenPayload.CURRENT_VERSION,
                kid != null ? kid : signer.signingKid(),
                impressionId,
                advertiserId,
                campaignId,
                adId,
                publisherId,
                cpcMicros,
                url,
                issuedAt != null ? issuedAt : Instant.now().getEpochSecond());
        spec.commandLine().getOut().println(signer.sign(payload));
        return 0;
    }
}
