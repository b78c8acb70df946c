package io.adclick.schemas.pinot;

/** The Pinot tables of the contract (CONTRACT section 5), for the launcher that creates them and the router that reads them. */
public final class PinotTables {
    /** The REALTIME upsert table of minute rollups over the topic {@code rollups.minute}. */
    public static final String ROLLUPS_MINUTE = "rollups_minute";

    private PinotTables() {}
}
