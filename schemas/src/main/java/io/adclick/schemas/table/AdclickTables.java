package io.adclick.schemas.table;

import org.apache.iceberg.catalog.Namespace;
import org.apache.iceberg.catalog.TableIdentifier;

/** The Iceberg namespace and table names of the contract (section 5). */
public final class AdclickTables {
    public static final Namespace NAMESPACE = Namespace.of("adclick");

    public static final TableIdentifier RAW_EVENTS = TableIdentifier.of(NAMESPACE, "raw_events");
    public static final TableIdentifier BILLING_HOURLY = TableIdentifier.of(NAMESPACE, "billing_hourly");
    public static final TableIdentifier BILLING_DAILY = TableIdentifier.of(NAMESPACE, "billing_daily");
    public static final TableIdentifier FRAUD_DECISIONS = TableIdentifier.of(NAMESPACE, "fraud_decisions");
    public static final TableIdentifier JOB_RUNS = TableIdentifier.of(NAMESPACE, "job_runs");
    public static final TableIdentifier CLICK_DECISIONS = TableIdentifier.of(NAMESPACE, "click_decisions");
    public static final TableIdentifier INVOICES = TableIdentifier.of(NAMESPACE, "invoices");
    public static final TableIdentifier RECONCILIATION = TableIdentifier.of(NAMESPACE, "reconciliation");
    public static final TableIdentifier CAMPAIGNS = TableIdentifier.of(NAMESPACE, "campaigns");
    /** Every revision of the stream's minute rollups, archived from {@code rollups.minute}. */
    public static final TableIdentifier ROLLUPS_MINUTE = TableIdentifier.of(NAMESPACE, "rollups_minute");
    /** Events the stream received after its allowed lateness, archived from {@code events.late}. */
    public static final TableIdentifier LATE_EVENTS = TableIdentifier.of(NAMESPACE, "late_events");

    private AdclickTables() {}
}
