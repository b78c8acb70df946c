package io.adclick.catalog;

import static java.util.Objects.requireNonNull;

import java.net.InetSocketAddress;
import org.apache.iceberg.jdbc.JdbcCatalog;
import org.apache.iceberg.rest.RESTCatalogAdapter;
import org.apache.iceberg.rest.RESTCatalogServlet;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.servlet.ServletContextHandler;
import org.eclipse.jetty.servlet.ServletHolder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The embedded Iceberg REST catalog: a {@link JdbcCatalog} on SQLite with S3FileIO, served by
 * Iceberg's {@link RESTCatalogServlet} on Jetty. On start it creates the archive's tables.
 */
public final class CatalogServer implements AutoCloseable {
    /** The name of the backing catalog (it appears in the SQLite rows, not to REST clients). */
    public static final String CATALOG_NAME = "adclick";

    private static final Logger LOG = LoggerFactory.getLogger(CatalogServer.class);

    private final CatalogServerConfig config;
    private final JdbcCatalog catalog;
    private final Server server;

    private CatalogServer(CatalogServerConfig config, JdbcCatalog catalog, Server server) {
        this.config = config;
        this.catalog = catalog;
        this.server = server;
    }

    /** Opens the catalog, ensures the archive tables and starts serving; returns once it listens. */
    public static CatalogServer start(CatalogServerConfig config) throws Exception {
        requireNonNull(config, "config is null");
        JdbcCatalog catalog = new JdbcCatalog();
        catalog.initialize(CATALOG_NAME, config.catalogProperties());
        try {
            ArchiveTables tables = new ArchiveTables(catalog);
            tables.ensureRawEvents(RetentionTier.keepRowsFor(config.rawEventsRetention()));
            tables.ensureInvoices();
            tables.ensureCampaigns();
            ServletContextHandler context = new ServletContextHandler(ServletContextHandler.NO_SESSIONS);
            context.setContextPath("/");
            context.addServlet(new ServletHolder(new RESTCatalogServlet(new RESTCatalogAdapter(catalog))), "/*");
            Server server = new Server(new InetSocketAddress(config.host(), config.port()));
            server.setHandler(context);
            server.setStopAtShutdown(false);
            server.start();
            LOG.info(
                    "Iceberg REST catalog on http://{}:{} (warehouse {}, object store {}, database {})",
                    config.host(),
                    config.port(),
                    config.warehouse(),
                    config.s3Endpoint(),
                    config.database());
            return new CatalogServer(config, catalog, server);
        } catch (Exception e) {
            catalog.close();
            throw e;
        }
    }

    public CatalogServerConfig config() {
        return config;
    }

    /** Blocks until the server stops. */
    public void join() throws InterruptedException {
        server.join();
    }

    @Override
    public void close() throws Exception {
        try {
            server.stop();
        } finally {
            catalog.close();
        }
    }

    /** Runs the server until the process is terminated; the configuration comes from system properties. */
    public static void main(String[] args) throws Exception {
        CatalogServer server = start(CatalogServerConfig.from(System.getProperties()));
        Runtime.getRuntime()
                .addShutdownHook(new Thread(
                        () -> {
                            try {
                                server.close();
                            } catch (Exception e) {
                                LOG.warn("Could not stop the catalog server cleanly", e);
                            }
                        },
                        "catalog-shutdown"));
        server.join();
    }
}
