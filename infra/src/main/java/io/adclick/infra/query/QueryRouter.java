package io.adclick.infra.query;

import io.adclick.infra.config.StackConfig;
import io.adclick.infra.edge.IngestEdge;
import io.adclick.infra.process.ChildExit;
import io.adclick.infra.process.ChildProcessComponent;
import io.adclick.infra.process.JavaCommand;
import io.adclick.infra.stack.Health;
import java.net.URI;
import java.util.List;
import java.util.function.Consumer;

/**
 * The query router (the {@code query-router} module) in a child JVM, reading truth through Trino
 * and the stream estimates from Pinot's broker.
 */
public final class QueryRouter extends ChildProcessComponent {
    public static final String NAME = "router";
    public static final String MAIN_CLASS = "io.adclick.router.RouterApplication";

    public QueryRouter(StackConfig config, Consumer<ChildExit> onUnexpectedExit) {
        super(NAME, "The query router", config, onUnexpectedExit);
    }

    /** {@code http://127.0.0.1:<port>}. */
    public URI baseUrl() {
        return URI.create(config.query().routerUrl());
    }

    @Override
    protected List<String> command() {
        return JavaCommand.of(MAIN_CLASS)
                .component(NAME)
                .maxHeap(config.query().routerHeap())
                .jvmOption("-Djava.awt.headless=true")
                .systemProperty("micronaut.server.host", StackConfig.LOOPBACK)
                .systemProperty("micronaut.server.port", config.query().routerPort())
                .systemProperty("adclick.router.trino.url", config.query().trinoUrl())
                .systemProperty(
                        "adclick.router.pinot.broker-url", config.pinot().brokerUrl())
                .classpath(config.home().routerClasspath())
                .toCommand();
    }

    @Override
    protected Health probe() {
        return IngestEdge.probe(baseUrl());
    }

    @Override
    protected String readiness() {
        return "answer GET %s/health with 200".formatted(config.query().routerUrl());
    }

    @Override
    protected int port() {
        return config.query().routerPort();
    }

    @Override
    protected String address() {
        return config.query().routerUrl();
    }
}
