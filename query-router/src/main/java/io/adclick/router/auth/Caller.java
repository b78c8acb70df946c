package io.adclick.router.auth;

import static java.util.Objects.requireNonNull;

import io.adclick.router.api.ApiException;
import java.util.Arrays;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Who is asking: a role, and for {@link Role#ADVERTISER} the one advertiser it may see. Every
 * check that decides what a caller may read lives here.
 *
 * @param advertiserId present exactly for the advertiser role
 */
public record Caller(Role role, Optional<String> advertiserId) {
    public Caller {
        requireNonNull(role, "role is null");
        requireNonNull(advertiserId, "advertiserId is null");
        if ((role == Role.ADVERTISER) != advertiserId.isPresent()) {
            throw new IllegalArgumentException("An advertiser_id goes with the advertiser role, and only with it");
        }
    }

    public static Caller advertiser(String advertiserId) {
        return new Caller(Role.ADVERTISER, Optional.of(advertiserId));
    }

    public static Caller of(Role role) {
        return new Caller(role, Optional.empty());
    }

    /** 403 unless the caller has one of {@code roles}. */
    public void requireRole(String what, Role... roles) {
        if (Arrays.stream(roles).noneMatch(r -> r == role)) {
            throw ApiException.forbidden("The %s role cannot %s (allowed: %s)"
                    .formatted(
                            role.wireName(),
                            what,
                            Arrays.stream(roles).map(Role::wireName).collect(Collectors.joining(", "))));
        }
    }

    /**
     * The advertiser a request reads: an advertiser's own when it names none or itself (403 for
     * any other); for the other roles, the one named, if any.
     */
    public Optional<String> scope(Optional<String> requested) {
        if (role != Role.ADVERTISER) {
            return requested;
        }
        String own = advertiserId.orElseThrow();
        if (requested.isPresent() && !requested.get().equals(own)) {
            throw ApiException.forbidden("This key reads advertiser %s only, not %s".formatted(own, requested.get()));
        }
        return Optional.of(own);
    }

    /** 403 when an advertiser key asks for data that belongs to another advertiser. */
    public void requireOwns(String dataAdvertiserId) {
        if (role == Role.ADVERTISER && !advertiserId.orElseThrow().equals(dataAdvertiserId)) {
            throw ApiException.forbidden("This key reads advertiser %s only".formatted(advertiserId.orElseThrow()));
        }
    }
}
