package io.adclick.batch.config;

import static java.util.Objects.requireNonNull;

import io.adclick.batch.config.CatalogConfig.S3Config;
import io.adclick.schemas.stream.StreamJobContract;
import io.adclick.schemas.table.EmbeddedWarehouse;
import java.time.Duration;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Every setting of the batch jobs with its default, in one place. A value comes from {@code --conf
 * key=value}, else from the setting's environment variable, else from the default here.
 */
public final class BatchSettings {
    public static final Setting SPARK_MASTER = new Setting(
            "adclick.batch.spark-master",
            "local[2]",
            "Spark master when the job is not launched by spark-submit (which sets its own)");
    public static final Setting SHUFFLE_PARTITIONS =
            new Setting("adclick.batch.shuffle-partitions", "4", "spark.sql.shuffle.partitions of the jobs");
    public static final Setting CATALOG_NAME =
            new Setting("adclick.catalog.name", "iceberg", "Spark catalog name of the Iceberg catalog");
    public static final Setting CATALOG_TYPE =
            new Setting("adclick.catalog.type", "rest", "rest (REST catalog) or hadoop (file system, for tests)");
    public static final Setting CATALOG_URI =
            new Setting("adclick.catalog.uri", EmbeddedWarehouse.CATALOG_URI, "REST catalog URI");
    public static final Setting WAREHOUSE =
            new Setting("adclick.catalog.warehouse", EmbeddedWarehouse.WAREHOUSE, "warehouse location of the catalog");
    public static final Setting S3_ENDPOINT =
            new Setting("adclick.s3.endpoint", EmbeddedWarehouse.S3_ENDPOINT, "S3-compatible endpoint; empty for none");
    public static final Setting S3_ACCESS_KEY =
            new Setting("adclick.s3.access-key", EmbeddedWarehouse.S3_ACCESS_KEY, "S3 access key id");
    public static final Setting S3_SECRET_KEY =
            new Setting("adclick.s3.secret-key", EmbeddedWarehouse.S3_SECRET_KEY, "S3 secret access key");
    public static final Setting S3_REGION =
            new Setting("adclick.s3.region", EmbeddedWarehouse.S3_REGION, "S3 signing region");
    public static final Setting S3_PATH_STYLE =
            new Setting("adclick.s3.path-style", "true", "address buckets as paths (S3Proxy, MinIO)");
    public static final Setting LOOKBACK_HOURS = new Setting(
            "adclick.truth.lookback-hours",
            "25",
            "hours before a partition whose impressions and clicks count for the join and first-click checks");
    public static final Setting LOOKAHEAD_HOURS =
            new Setting("adclick.truth.lookahead-hours", "1", "hours after a partition whose impressions still count");
    public static final Setting BOT_DEVICE_ENABLED =
            new Setting("adclick.fraud.bot-device.enabled", "true", "flag clicks from bots");
    public static final Setting BOT_USER_AGENT_PATTERN = new Setting(
            "adclick.fraud.bot-device.user-agent-pattern",
            "(?i)(bot\\b|bot/|crawl|spider|slurp|python-requests|curl/|wget/|headless|phantomjs)",
            "regex that marks a User-Agent as a bot");
    public static final Setting CLICK_RATE_ENABLED = new Setting(
            "adclick.fraud.click-rate-per-user.enabled", "true", "flag users clicking too often in a minute");
    public static final Setting MAX_CLICKS_PER_USER_MINUTE = new Setting(
            "adclick.fraud.click-rate-per-user.max-clicks-per-minute", "10", "most clicks a user makes in a minute");
    public static final Setting FAST_CLICK_ENABLED = new Setting(
            "adclick.fraud.fast-click.enabled",
            "false",
            "flag clicks too soon after their impression (off by default: the generator clicks at once)");
    public static final Setting FAST_CLICK_MIN_MILLIS =
            new Setting("adclick.fraud.fast-click.min-delay-ms", "300", "least delay from impression to a human click");
    public static final Setting IP_BURST_ENABLED = new Setting(
            "adclick.fraud.ip-burst.enabled", "true", "flag IPs clicking across many campaigns in a minute");
    public static final Setting MAX_CAMPAIGNS_PER_IP_MINUTE = new Setting(
            "adclick.fraud.ip-burst.max-campaigns-per-minute", "5", "most campaigns one IP clicks in a minute");
    public static final Setting TRUSTED_IP_PREFIXES = new Setting(
            "adclick.fraud.ip-burst.trusted-ip-prefixes",
            "127.,::1,0:0:0:0:0:0:0:1",
            "comma list of address prefixes that are proxies, never flagged");

    public static final Setting RECONCILE_DEDUP_TTL_HOURS = new Setting(
            "adclick.reconcile.dedup-ttl-hours",
            Long.toString(StreamJobContract.DEDUP_TTL.toHours()),
            "the stream job's event_id dedup state TTL");
    public static final Setting RECONCILE_FIRST_CLICK_TTL_HOURS = new Setting(
            "adclick.reconcile.first-click-ttl-hours",
            Long.toString(StreamJobContract.FIRST_CLICK_TTL.toHours()),
            "the stream job's first-click state TTL");
    public static final Setting RECONCILE_RESIDUAL_ALERT_CLICKS = new Setting(
            "adclick.reconcile.residual-alert-clicks",
            "0",
            "alert when an hour and campaign's unexplained drift exceeds this many clicks");

    /** Every setting, for help output and validation of {@code --conf} keys. */
    public static final List<Setting> ALL = List.of(
            SPARK_MASTER,
            SHUFFLE_PARTITIONS,
            CATALOG_NAME,
            CATALOG_TYPE,
            CATALOG_URI,
            WAREHOUSE,
            S3_ENDPOINT,
            S3_ACCESS_KEY,
            S3_SECRET_KEY,
            S3_REGION,
            S3_PATH_STYLE,
            LOOKBACK_HOURS,
            LOOKAHEAD_HOURS,
            BOT_DEVICE_ENABLED,
            BOT_USER_AGENT_PATTERN,
            CLICK_RATE_ENABLED,
            MAX_CLICKS_PER_USER_MINUTE,
            FAST_CLICK_ENABLED,
            FAST_CLICK_MIN_MILLIS,
            IP_BURST_ENABLED,
            MAX_CAMPAIGNS_PER_IP_MINUTE,
            TRUSTED_IP_PREFIXES,
            RECONCILE_DEDUP_TTL_HOURS,
            RECONCILE_FIRST_CLICK_TTL_HOURS,
            RECONCILE_RESIDUAL_ALERT_CLICKS);

    private final Map<String, String> overrides;
    private final Map<String, String> environment;

    private BatchSettings(Map<String, String> overrides, Map<String, String> environment) {
        this.overrides = Map.copyOf(overrides);
        this.environment = Map.copyOf(environment);
        for (String key : this.overrides.keySet()) {
            if (ALL.stream().noneMatch(setting -> setting.key().equals(key))) {
                throw new IllegalArgumentException("Unknown setting \"%s\": use one of %s"
                        .formatted(key, ALL.stream().map(Setting::key).toList()));
            }
        }
    }

    /** The configuration from {@code overrides} (e.g. {@code --conf}), then {@code environment}, then defaults. */
    public static BatchConfig resolve(Map<String, String> overrides, Map<String, String> environment) {
        return new BatchSettings(overrides, environment).toConfig();
    }

    /** The embedded defaults alone. */
    public static BatchConfig defaults() {
        return resolve(Map.of(), Map.of());
    }

    private BatchConfig toConfig() {
        String s3Endpoint = text(S3_ENDPOINT);
        S3Config s3 = s3Endpoint.isBlank()
                ? null
                : new S3Config(
                        s3Endpoint,
                        text(S3_ACCESS_KEY),
                        text(S3_SECRET_KEY),
                        text(S3_REGION),
                        get(S3_PATH_STYLE, BatchSettings::parseBoolean));
        CatalogConfig catalog =
                new CatalogConfig(text(CATALOG_NAME), text(CATALOG_TYPE), text(CATALOG_URI), text(WAREHOUSE), s3);
        FraudRulesConfig fraud = new FraudRulesConfig(
                new FraudRulesConfig.BotDevice(
                        get(BOT_DEVICE_ENABLED, BatchSettings::parseBoolean), text(BOT_USER_AGENT_PATTERN)),
                new FraudRulesConfig.ClickRatePerUser(
                        get(CLICK_RATE_ENABLED, BatchSettings::parseBoolean),
                        get(MAX_CLICKS_PER_USER_MINUTE, Integer::parseInt)),
                new FraudRulesConfig.FastClick(
                        get(FAST_CLICK_ENABLED, BatchSettings::parseBoolean),
                        Duration.ofMillis(get(FAST_CLICK_MIN_MILLIS, Long::parseLong))),
                new FraudRulesConfig.IpBurst(
                        get(IP_BURST_ENABLED, BatchSettings::parseBoolean),
                        get(MAX_CAMPAIGNS_PER_IP_MINUTE, Integer::parseInt),
                        Arrays.stream(text(TRUSTED_IP_PREFIXES).split(","))
                                .map(String::strip)
                                .filter(prefix -> !prefix.isEmpty())
                                .toList()));
        TruthConfig truth = new TruthConfig(
                Duration.ofHours(get(LOOKBACK_HOURS, Long::parseLong)),
                Duration.ofHours(get(LOOKAHEAD_HOURS, Long::parseLong)),
                fraud);
        ReconcileConfig reconcile = new ReconcileConfig(
                Duration.ofHours(get(RECONCILE_DEDUP_TTL_HOURS, Long::parseLong)),
                Duration.ofHours(get(RECONCILE_FIRST_CLICK_TTL_HOURS, Long::parseLong)),
                get(RECONCILE_RESIDUAL_ALERT_CLICKS, Long::parseLong));
        return new BatchConfig(
                text(SPARK_MASTER), get(SHUFFLE_PARTITIONS, Integer::parseInt), catalog, truth, reconcile);
    }

    private String text(Setting setting) {
        return get(setting, Function.identity());
    }

    private <T> T get(Setting setting, Function<String, T> parse) {
        String value = overrides.get(setting.key());
        String origin = "--conf " + setting.key();
        if (value == null) {
            value = environment.get(setting.environmentVariable());
            origin = setting.environmentVariable();
        }
        if (value == null) {
            value = setting.defaultValue();
            origin = setting.key() + " (default)";
        }
        try {
            return parse.apply(value.strip());
        } catch (RuntimeException e) {
            throw new IllegalArgumentException(
                    "Invalid %s=\"%s\": %s (%s)".formatted(origin, value, e.getMessage(), setting.description()), e);
        }
    }

    private static boolean parseBoolean(String value) {
        return switch (value.toLowerCase(java.util.Locale.ROOT)) {
            case "true", "yes", "on" -> true;
            case "false", "no", "off" -> false;
            default -> throw new IllegalArgumentException("use true or false");
        };
    }

    /** Parses {@code key=value} pairs as given to {@code --conf}. */
    public static Map<String, String> parsePairs(List<String> pairs) {
        requireNonNull(pairs, "pairs is null");
        Map<String, String> map = new HashMap<>();
        for (String pair : pairs) {
            int eq = pair.indexOf('=');
            if (eq <= 0) {
                throw new IllegalArgumentException(
                        "Invalid --conf \"%s\": use key=value, e.g. adclick.catalog.uri=http://host:8181"
                                .formatted(pair));
            }
            map.put(pair.substring(0, eq).strip(), pair.substring(eq + 1));
        }
        return map;
    }
}
