package io.adclick.infra.traffic;

import io.adclick.schemas.event.Device;
import java.util.List;
import java.util.random.RandomGenerator;

/** Draws plausible visitors: a population of users, countries and devices, and a few bots. */
public final class Visitors {
    /** Number of distinct human user ids. */
    public static final int USERS = 50_000;

    private static final List<String> COUNTRIES =
            List.of("US", "US", "US", "US", "GB", "GB", "DE", "DE", "FR", "IN", "IN", "BR", "JP", "CA", "ZZ");
    private static final List<Device> DEVICES = List.of(
            Device.MOBILE,
            Device.MOBILE,
            Device.MOBILE,
            Device.MOBILE,
            Device.MOBILE,
            Device.DESKTOP,
            Device.DESKTOP,
            Device.DESKTOP,
            Device.TABLET,
            Device.CTV);
    private static final List<String> BOT_AGENTS = List.of(
            "Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)",
            "python-requests/2.32.3",
            "curl/8.5.0",
            "Mozilla/5.0 (compatible; AhrefsBot/7.0; +http://ahrefs.com/robot/)");

    private Visitors() {}

    public static Visitor human(RandomGenerator random) {
        Device device = DEVICES.get(random.nextInt(DEVICES.size()));
        return new Visitor(
                "u-%05d".formatted(random.nextInt(USERS)),
                COUNTRIES.get(random.nextInt(COUNTRIES.size())),
                device,
                userAgent(device));
    }

    /** A bot: a distinctive user id and a bot User-Agent (its IP would not be trusted anyway). */
    public static Visitor bot(RandomGenerator random) {
        return new Visitor(
                "bot-%04d".formatted(random.nextInt(10_000)),
                "ZZ",
                Device.BOT,
                BOT_AGENTS.get(random.nextInt(BOT_AGENTS.size())));
    }

    /** A typical User-Agent of {@code device}. */
    public static String userAgent(Device device) {
        return switch (device) {
            case MOBILE -> "Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 "
                    + "(KHTML, like Gecko) Version/17.5 Mobile/15E148 Safari/604.1";
            case TABLET -> "Mozilla/5.0 (iPad; CPU OS 17_5 like Mac OS X) AppleWebKit/605.1.15 "
                    + "(KHTML, like Gecko) Version/17.5 Mobile/15E148 Safari/604.1";
            case DESKTOP -> "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 "
                    + "(KHTML, like Gecko) Chrome/126.0.0.0 Safari/537.36";
            case CTV -> "Mozilla/5.0 (SMART-TV; Linux; Tizen 7.0) AppleWebKit/537.36 "
                    + "(KHTML, like Gecko) SamsungBrowser/5.0 Chrome/85.0.4183.93 TV Safari/537.36";
            case BOT -> BOT_AGENTS.get(0);
            case OTHER -> "Mozilla/5.0 (X11; Linux x86_64; rv:127.0) Gecko/20100101 Firefox/127.0";
        };
    }
}
